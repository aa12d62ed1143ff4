/** The golden cases of fixtures/config/ (see its README): shared by the test and scripts/update-config-golden.js. */
import * as fs from 'fs';
import * as path from 'path';
import { configOf, ConfigOptions } from '../src/api';

export const CONFIG_FIXTURES = path.join(__dirname, '..', 'fixtures', 'config');
const SHOWN_DIR = '/project';
const HOME = '/home/user';

export interface ConfigCase {
  name: string;
  dir: string;
  golden: string;
  options: ConfigOptions;
}

interface CaseFile {
  env?: Record<string, string>;
  files?: string[];
  variants?: Record<string, ConfigOptions>;
}

const DEFAULT_VARIANTS: Record<string, ConfigOptions> = { 'config.yaml.golden': {}, 'config.json.golden': { format: 'json' } };

export function configCases(): ConfigCase[] {
  const dirs = fs
    .readdirSync(CONFIG_FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return dirs.flatMap((name) => {
    const dir = path.join(CONFIG_FIXTURES, name);
    const caseFile = path.join(dir, 'case.json');
    const c: CaseFile = fs.existsSync(caseFile) ? JSON.parse(fs.readFileSync(caseFile, 'utf8')) : {};
    return Object.entries(c.variants ?? DEFAULT_VARIANTS).map(([golden, extra]) => ({
      name,
      dir,
      golden,
      options: { cwd: dir, files: c.files, env: c.env ?? {}, home: HOME, config: false, ...extra },
    }));
  });
}

/** What `config` prints for a case, with the case directory shown as /project. */
export function renderCase(c: ConfigCase): string {
  const { text, problems } = configOf(c.options);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`${c.name}: ${errors.map((p) => p.message).join('; ')}`);
  return text.split(c.dir).join(SHOWN_DIR);
}
