/** What every rule module must have: metadata, docs, a place in rules/index.ts, and fixtures. */
import * as fs from 'fs';
import * as path from 'path';
import { Node, SourceFile } from 'ts-morph';
import type { RuleInfo } from './read-rules';
import { referenceProblem } from '../../src/report/references';

const CATEGORIES = ['correctness', 'network', 'security', 'style'];
const SEVERITIES = ['error', 'warning', 'info'];

/** Problems with a rule's own metadata and docs. */
export function metadataProblems(r: RuleInfo): string[] {
  const out = [...r.problems];
  if (r.id === undefined) out.push('has no `id`');
  else if (r.id !== r.name) out.push(`\`id\` is "${r.id}" but the file is rules/${r.name}.ts (they must match)`);
  if (!r.description) out.push('has no `description`');
  if (r.category === undefined || !CATEGORIES.includes(r.category)) out.push(`\`category\` must be one of ${CATEGORIES.join(', ')}`);
  if (r.severity === undefined || !SEVERITIES.includes(r.severity)) out.push(`\`severity\` must be one of ${SEVERITIES.join(', ')}`);
  if (r.fixable === undefined) out.push('has no `fixable`');
  for (const part of ['why', 'bad', 'good'] as const) {
    if (!r.docs?.[part]?.trim()) out.push(`lacks docs.${part}`);
  }
  const score = securitySeverityProblem(r);
  if (score) out.push(score);
  out.push(...referenceProblems((r.docs as { references?: unknown } | undefined)?.references));
  if (r.options && r.options.type !== 'object') out.push('`options` must be a JSON schema with `type: "object"`');
  for (const id of r.unusedMessages) out.push(`declares message id "${id}" but never uses it`);
  return out;
}

/** Security rules give GitHub code scanning a score (SARIF `security-severity`, 0.1-10.0); other rules give none. */
function securitySeverityProblem(r: RuleInfo): string | undefined {
  const v = r.securitySeverity;
  if (r.category !== 'security') return v === undefined ? undefined : '`securitySeverity` is for rules of the security category';
  if (v === undefined) return 'is a security rule without `securitySeverity` (its SARIF security-severity at the default severity, 0.1-10.0)';
  return v >= 0.1 && v <= 10 ? undefined : '`securitySeverity` must be between 0.1 and 10.0';
}

/** docs.references: a list of objects holding only the strings of RuleReference, each one well formed (see src/report/references.ts). */
function referenceProblems(refs: unknown): string[] {
  if (refs === undefined) return [];
  if (!Array.isArray(refs)) return ['docs.references must be a list'];
  return refs.flatMap((ref, i) => {
    const r = (ref ?? {}) as Record<string, unknown>;
    const known = ['cis', 'owasp', 'cwe', 'url', 'title'];
    if (typeof ref !== 'object' || Object.keys(r).some((k) => !known.includes(k) || typeof r[k] !== 'string')) return [`docs.references[${i}] may only hold the strings ${known.join(', ')}`];
    const problem = referenceProblem(r);
    return problem ? [`docs.references[${i}] ${problem}`] : [];
  });
}

/** Rule modules that rules/index.ts does not import, or imports but leaves out of `allRules`. */
export function indexProblems(index: SourceFile, rules: readonly RuleInfo[]): Map<string, string> {
  const imported = new Map<string, string>(); // module name -> local name
  for (const d of index.getImportDeclarations()) {
    const spec = d.getModuleSpecifierValue();
    const local = d.getDefaultImport()?.getText();
    if (spec.startsWith('./') && local) imported.set(spec.slice(2).replace(/\.ts$/, ''), local);
  }
  const listed = new Set<string>();
  const all = index.getVariableDeclaration('allRules')?.getInitializer();
  all?.forEachDescendant((n) => {
    if (Node.isIdentifier(n)) listed.add(n.getText());
  });
  const out = new Map<string, string>();
  for (const r of rules) {
    const local = imported.get(r.name);
    if (!local) out.set(r.name, 'is missing from rules/index.ts');
    else if (!listed.has(local)) out.set(r.name, `is imported by rules/index.ts but not listed in allRules`);
  }
  return out;
}

/**
 * fixtures/<id>/ must hold a positive case (one that expects the rule: `# expect: <id>`) and a
 * negative one (expects no finding of the rule). A case is a YAML file directly in the directory
 * or a sub-directory (a project); fixtures/README.md describes the format.
 */
export function fixtureProblem(root: string, id: string): string | undefined {
  const dir = path.join(root, 'fixtures', id);
  if (!isDirectory(dir)) return `has no fixtures/${id}/ directory (it needs a positive and a negative case)`;
  let positive = false;
  let negative = false;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const texts = e.isDirectory() ? filesBelow(p).map(read) : /\.ya?ml$/.test(e.name) ? [read(p)] : [];
    if (!texts.length) continue;
    if (texts.some((t) => expectsRule(t, id))) positive = true;
    else negative = true;
  }
  if (positive && negative) return undefined;
  const missing = [positive ? '' : 'positive', negative ? '' : 'negative'].filter(Boolean).join(' and ');
  return `fixtures/${id}/ has no ${missing} case`;
}

/** A line ending in `# expect: rule-a, rule-b@7:warning` (a rule, optionally pinned to a column and a severity) names the rule. */
export function expectsRule(text: string, id: string): boolean {
  for (const m of text.matchAll(/#\s*expect:\s*([^#\n]*?)[ \t]*$/gm)) {
    if (m[1].split(',').some((item) => item.trim().replace(/(?:@\d+)?(?::(?:error|warning|info))?$/, '') === id)) return true;
  }
  return false;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(p) : [p];
  });
}

function read(p: string): string {
  return fs.readFileSync(p, 'utf8');
}
