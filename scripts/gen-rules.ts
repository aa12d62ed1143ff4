/**
 * The rule catalog build step. Reads every rules/<id>.ts with ts-morph (never running it) and
 *   - writes docs/rules/<id>.md, the rules table in README.md and schemas/config.schema.json;
 *   - checks that each rule has its metadata and docs, is listed in rules/index.ts, has fixtures
 *     (a positive and a negative case in fixtures/<id>/), and uses every message id it declares.
 *
 *   npm run docs:generate     write the files; report problems
 *   npm run docs:check        write nothing; exit 1 on any problem or on a generated file that drifted
 */
import * as fs from 'fs';
import * as path from 'path';
import { Project } from 'ts-morph';
import { readRule, ruleModuleFiles, RuleInfo } from './catalog/read-rules';
import { fixtureProblem, indexProblems, metadataProblems } from './catalog/checks';
import { configSchemaText, readmeTable, ruleDoc, RuleDocInput, spliceReadme } from './catalog/render';

export interface CatalogResult {
  /** One line each: `<path>: <problem>`. */
  problems: string[];
  /** Generated files whose content differs from the disk (written unless checking). */
  drifted: string[];
}

export function runCatalog(root: string, check: boolean): CatalogResult {
  const project = new Project({ tsConfigFilePath: path.join(root, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  const infos = ruleModuleFiles(project, root).map((f) => readRule(f, root));
  const index = project.addSourceFileAtPath(path.join(root, 'rules', 'index.ts'));
  const notIndexed = indexProblems(index, infos);

  const problems: string[] = [];
  const complete: RuleDocInput[] = [];
  const ids = new Set<string>();
  for (const r of infos) {
    const own = metadataProblems(r);
    const listing = notIndexed.get(r.name);
    if (listing) own.push(listing);
    if (r.id !== undefined) {
      if (ids.has(r.id)) own.push(`repeats the id "${r.id}"`);
      ids.add(r.id);
      const fixtures = fixtureProblem(root, r.id);
      if (fixtures) own.push(fixtures);
    }
    problems.push(...own.map((p) => `${r.file}: ${p}`));
    if (isComplete(r)) complete.push(r);
  }

  const outputs = new Map<string, string>();
  for (const r of complete) outputs.set(`docs/rules/${r.id}.md`, ruleDoc(r));
  outputs.set('schemas/config.schema.json', configSchemaText(complete));
  const readme = readText(path.join(root, 'README.md')) ?? '';
  const spliced = spliceReadme(readme, readmeTable(complete));
  if (spliced === undefined) problems.push('README.md: has no <!-- rules:start --> / <!-- rules:end --> markers');
  else outputs.set('README.md', spliced);

  const drifted: string[] = [];
  for (const [rel, text] of outputs) {
    const abs = path.join(root, rel);
    if (readText(abs) === text) continue;
    drifted.push(rel);
    if (!check) {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
  // A page whose rule is gone (or is incomplete, so generates nothing) would outlive it.
  for (const stale of listDocs(root).filter((rel) => !outputs.has(rel))) {
    drifted.push(stale);
    if (!check) fs.rmSync(path.join(root, stale));
  }
  return { problems, drifted: drifted.sort() };
}

function isComplete(r: RuleInfo): r is RuleInfo & RuleDocInput {
  return Boolean(r.id && r.description && r.category && r.severity && r.fixable !== undefined && r.docs?.why && r.docs.bad && r.docs.good);
}

function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function listDocs(root: string): string[] {
  const dir = path.join(root, 'docs', 'rules');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/rules/${f}`);
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const { problems, drifted } = runCatalog(process.cwd(), check);
  const lines: string[] = [];
  if (check) lines.push(...drifted.map((f) => `${f}: out of date (run \`npm run docs:generate\`)`));
  else if (drifted.length) lines.push(`gen-rules: wrote ${drifted.join(', ')}`);
  lines.push(...problems);
  const failed = problems.length > 0 || (check && drifted.length > 0);
  const count = problems.length + (check ? drifted.length : 0);
  if (failed) lines.push(`gen-rules: ${count} problem${count === 1 ? '' : 's'}`);
  else lines.push(`gen-rules: ${check ? 'rule docs, README table and config schema are up to date' : 'done'}`);
  process[failed ? 'stderr' : 'stdout'].write(lines.join('\n') + '\n');
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
