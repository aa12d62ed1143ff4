/** The generated text: docs/rules/<id>.md, the README's rules table, schemas/config.schema.json. */
import { presetsEnabling } from '../../src/engine/presets';
import { buildConfigSchema } from '../../src/engine/config-schema';
import { referenceMarkdown } from '../../src/report/references';
import type { RuleReference } from '../../src/types';

/** The fields of a rule the generated text uses (after metadataProblems found nothing missing). */
export interface RuleDocInput {
  id: string;
  description: string;
  category: string;
  severity: string;
  fixable: boolean;
  recommended?: boolean;
  options?: Record<string, unknown>;
  docs: { why: string; bad: string; good: string; references?: RuleReference[] };
}

export const README_START = '<!-- rules:start -->';
export const README_END = '<!-- rules:end -->';

const generatedNote = (id: string): string => `<!-- Generated from rules/${id}.ts by scripts/gen-rules.ts; edit the rule module, then run \`npm run docs:generate\`. -->`;

export function ruleDoc(r: RuleDocInput): string {
  const onIn = presetsEnabling(r)
    .map((p) => `\`${p}\``)
    .join(', ');
  const defaultSeverity = r.recommended === false ? `${r.severity} (off unless enabled)` : r.severity;
  return [
    generatedNote(r.id),
    '',
    `# ${r.id}`,
    '',
    r.description,
    '',
    '| Category | Default severity | Fixable | On in presets |',
    '| --- | --- | --- | --- |',
    `| ${r.category} | ${defaultSeverity} | ${r.fixable ? 'yes (`--fix`)' : 'no'} | ${onIn} |`,
    '',
    '## Why',
    '',
    r.docs.why.trim(),
    '',
    '## Bad',
    '',
    fence(r.docs.bad),
    '',
    '## Good',
    '',
    fence(r.docs.good),
    '',
    ...referencesSection(r.docs.references),
    '## Options',
    '',
    ...optionsSection(r.id, r.severity, r.options),
    '',
    '## Configure',
    '',
    fence(`# .compose-lint.yaml\nrules:\n  ${r.id}: ${r.severity}   # off | info | warning | error\n`),
    '',
    'Silence one finding, with the reason, on the line before it:',
    '',
    fence(`# compose-lint-disable-next-line ${r.id} -- <reason>\n`),
    '',
  ].join('\n');
}

/** `## References` with one bullet per cited item; nothing when the rule has none. */
function referencesSection(refs: RuleReference[] | undefined): string[] {
  const lines = referenceMarkdown(refs);
  return lines.length ? ['## References', '', ...lines.map((l) => `- ${l}`), ''] : [];
}

function fence(yaml: string): string {
  return `\`\`\`yaml\n${yaml.replace(/\n*$/, '')}\n\`\`\``;
}

type PropertySchema = { type?: unknown; enum?: unknown[]; default?: unknown; description?: string; items?: { type?: unknown } };

function optionsSection(id: string, severity: string, options: Record<string, unknown> | undefined): string[] {
  const props = Object.entries((options?.properties ?? {}) as Record<string, PropertySchema>);
  if (!props.length) return ["This rule has no options besides `exclude` (see the README's Configuration section)."];
  return [
    '| Option | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...props.map(([name, p]) => `| \`${name}\` | ${typeOf(p)} | ${p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``} | ${cell(p.description ?? '')} |`),
    '',
    `Options go in the rule's entry: \`${id}: [${severity}, {option: value}]\`.`,
  ];
}

function typeOf(p: PropertySchema): string {
  if (p.enum) return p.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (p.type === 'array') return `list of ${typeName(p.items?.type, 'values')}`;
  return typeName(p.type, 'any');
}

/** A JSON schema `type` (a name or a list of names) as text. */
function typeName(t: unknown, otherwise: string): string {
  return Array.isArray(t) ? t.join(',') : typeof t === 'string' ? t : otherwise;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

export function readmeTable(rules: readonly RuleDocInput[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.category} | ${r.recommended === false ? 'off' : r.severity} | ${r.fixable ? 'yes' : ''} | ${cell(r.description)} |`);
  return ['| Rule | Category | Default | Fixable | Description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its rules table replaced; undefined when the markers are missing. */
export function spliceReadme(readme: string, table: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}

export function configSchemaText(rules: readonly RuleDocInput[]): string {
  return JSON.stringify(buildConfigSchema(rules), null, 2) + '\n';
}
