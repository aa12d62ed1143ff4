/** `compose-lint config`: the resolved model, like `docker compose config`. */
import { loadProject } from '../load/project';
import { planProjects } from '../api';
import { toLintOptions, ProjectFlags } from './options';
import { EXIT_FINDINGS, writeOut } from './exit';
import { UsageError } from './exit';
import type { ComposeDict } from '../model/project';

export interface ConfigFlags extends ProjectFlags {
  format?: string;
  interpolate?: boolean;
}

export function runConfig(flags: ConfigFlags): void {
  const format = flags.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`unknown format "${format}"; use yaml or json`);
  const [plan] = planProjects(toLintOptions(flags));
  const { project, problems } = loadProject({ ...plan, interpolate: flags.interpolate !== false });
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems) {
    const where = p.origin ? `${p.origin.source.path}:${lineOf(p.origin.source.text, p.origin.start)}` : p.file ?? '';
    process.stderr.write(`${where}: ${p.severity}: ${p.message} [${p.rule}]\n`);
  }
  if (errors.length) {
    process.exitCode = EXIT_FINDINGS;
    return;
  }
  const model: ComposeDict = { name: project.name, ...project.model };
  writeOut(format === 'json' ? JSON.stringify(model, null, 2) + '\n' : (require('yaml') as typeof import('yaml')).stringify(model, { lineWidth: 0 }));
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
