/**
 * SARIF 2.1.0, shaped for GitHub code scanning: one run, the rule catalog as reportingDescriptors,
 * one result per finding with a %SRCROOT%-relative location and partial fingerprints that do not
 * change when lines move.
 */
import { pathToFileURL } from 'url';
import * as path from 'path';
import type { Finding, Fix, Severity } from '../types';
import type { FormatContext, RuleMeta } from './types';
import type { SuppressedFinding } from '../engine/suppress';
import { stableFingerprints } from './fingerprint';
import { isOutside, relativePath, STDIN_PATH } from '../util/display-path';
import { ruleDocsUrl } from './rule-url';
import { referenceMarkdown, referenceTags, referenceText } from './references';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/compose-lint/compose-lint';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'composeLint/v1';
/** The pseudo-rule of YAML errors: a file with one is not checked by any other rule. */
const YAML_SYNTAX = 'yaml-syntax';
/** The exit code of a run that failed (src/cli/exit.ts EXIT_FATAL): a report cannot import the CLI. */
const EXIT_FATAL = 2;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub ranks security alerts by `security-severity` (a CVSS-like score as a string):
 * >= 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. It reads the score from the rule's
 * properties only, and only when the rule's tags include `security` (GitHub docs, "SARIF support
 * for code scanning", reportingDescriptor object). Security rules without a score of their own
 * get one from their default severity.
 */
const SECURITY_SEVERITY: Record<Severity, number> = { error: 8.0, warning: 5.5, info: 2.0 };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
/** How far one severity level moves the score (a public service's finding is one level up). */
const SCORE_STEP = 1.5;

const score = (n: number): string => Math.min(10, Math.max(0.1, n)).toFixed(1);

/** The rule's score: its own, else the one of its default severity. */
function ruleScore(rule: RuleMeta): number {
  return rule.securitySeverity ?? SECURITY_SEVERITY[rule.severity];
}

/**
 * A finding's score: the rule's, moved by one step per level the finding's severity differs from the
 * rule's default (security rules raise findings on public services). GitHub ranks alerts by the
 * rule's score and shows the result's level; the per-result score is for other SARIF consumers.
 */
function findingScore(rule: RuleMeta, severity: Severity): string {
  return score(ruleScore(rule) + SCORE_STEP * (RANK[severity] - RANK[rule.severity]));
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function helpOf(rule: RuleMeta): { text: string; markdown: string } | undefined {
  if (!rule.docs) return undefined;
  const { why, bad, good, references = [] } = rule.docs;
  const block = (yaml: string) => '```yaml\n' + yaml.trimEnd() + '\n```';
  const text = referenceText(references);
  const markdown = referenceMarkdown(references);
  const refText = text.length ? `\nReferences:\n${text.map((l) => `- ${l}\n`).join('')}` : '';
  const refMarkdown = markdown.length ? `**References**\n\n${markdown.map((l) => `- ${l}\n`).join('')}\n` : '';
  return {
    text: `${why.trim()}\n\nBad:\n${bad.trimEnd()}\n\nGood:\n${good.trimEnd()}\n${refText}`,
    markdown: `${why.trim()}\n\n**Bad**\n\n${block(bad)}\n\n**Good**\n\n${block(good)}\n\n${refMarkdown}[Rule documentation](${ruleDocsUrl(rule.id)})\n`,
  };
}

function describeRule(rule: RuleMeta) {
  const properties: Record<string, unknown> = { tags: [rule.category, ...referenceTags(rule.docs?.references)] };
  if (rule.category === 'security') properties['security-severity'] = score(ruleScore(rule));
  const help = helpOf(rule);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs?.why.trim() ?? rule.description },
    ...(help && { help }),
    helpUri: ruleDocsUrl(rule.id),
    // Off in the recommended preset (the default): SARIF's `enabled` defaults to true (section 3.50.3).
    defaultConfiguration: { level: LEVEL[rule.severity], ...(rule.recommended === false && { enabled: false }) },
    properties,
  };
}

function securityProperties(rule: RuleMeta | undefined, severity: Severity): { properties?: { 'security-severity': string } } {
  return rule?.category === 'security' ? { properties: { 'security-severity': findingScore(rule, severity) } } : {};
}

/** Findings from outside the catalog (e.g. a parse error pseudo-rule) still need a descriptor to index. */
function describeUnknownRule(id: string) {
  return { id, name: pascalCase(id) };
}

/** A URI reference for a relative path: each segment percent-encoded (spaces, '#', '?'...). */
function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/**
 * The `locations` of a result about `file` at `region`; none for text read from stdin without
 * `--stdin-filename` (it is no file of the repository: code scanning would make up one named
 * `<stdin>`). The service, when known, stays as a logical location.
 */
function locationsOf(cwd: string, file: string, region: object | undefined, service?: string): object[] | undefined {
  const logical = service !== undefined && { logicalLocations: [{ name: service, kind: 'object', fullyQualifiedName: `services.${service}` }] };
  if (file === STDIN_PATH) return logical ? [logical] : undefined;
  return [{ physicalLocation: { artifactLocation: artifactLocation(cwd, file), ...(region && { region }) }, ...logical }];
}

const regionOf = (f: Finding) => ({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });

function artifactLocation(cwd: string, file: string) {
  const rel = relativePath(cwd, file);
  // Files outside the source root cannot be expressed relative to %SRCROOT%.
  if (isOutside(rel)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: encodePath(rel), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * SARIF `fixes` (3.55): the rule's own fix, then its suggestions. Regions are character offsets
 * into the file as read (UTF-16 code units, a BOM not counted), which SARIF allows for text files.
 */
function sarifFixes(cwd: string, f: Finding) {
  const fixes = [
    ...(f.fix ? [{ description: 'Apply the fix (compose-lint --fix)', fix: f.fix }] : []),
    ...(f.suggestions ?? []).map((s) => ({ description: `${s.description} (compose-lint --fix --fix-rule ${f.rule})`, fix: s.fix })),
  ];
  return fixes.map(({ description, fix }: { description: string; fix: Fix }) => ({
    description: { text: description },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(cwd, fix.file),
        replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
      },
    ],
  }));
}

/**
 * SARIF `suppressions` of a dropped finding: `inSource` for a suppression comment, `external` for
 * the config's `exclude`; the reason given becomes the justification (SARIF 2.1.0 §3.35).
 */
function suppressionsOf(f: Finding): object[] | undefined {
  const s = (f as SuppressedFinding).suppression;
  if (!s) return undefined;
  return [{ kind: s.kind === 'directive' ? 'inSource' : 'external', status: 'accepted', ...(s.reason !== undefined && { justification: s.reason }) }];
}

export function format(shown: Finding[], ctx: FormatContext): string {
  const findings: Finding[] = [...shown, ...(ctx.suppressed ?? [])];
  const descriptors: object[] = ctx.rules.map(describeRule);
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  for (const f of findings) {
    if (!ruleIndex.has(f.rule)) {
      ruleIndex.set(f.rule, descriptors.length);
      descriptors.push(describeUnknownRule(f.rule));
    }
  }
  const fingerprints = stableFingerprints(findings, ctx.cwd);
  const metaOf = new Map(ctx.rules.map((r) => [r.id, r]));
  const results = findings.map((f, i) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: LEVEL[f.severity],
    message: { text: f.message },
    ...optional('locations', locationsOf(ctx.cwd, f.file, regionOf(f), f.service)),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] },
    ...((f.fix || f.suggestions?.length) && { fixes: sarifFixes(ctx.cwd, f) }),
    ...(suppressionsOf(f) && { suppressions: suppressionsOf(f) }),
    ...securityProperties(metaOf.get(f.rule), f.severity),
  }));
  return sarifLog(ctx, descriptors, invocation(ctx, findings), results);
}

/**
 * The log of a run that failed before it could report (exit 2: a usage error, a config or load
 * error): the rule catalog, no results, and the one-line error as the invocation's notification.
 * `-o FILE` gets it with `--format sarif`, so a CI step uploading FILE finds a valid log.
 */
export function formatFailure(message: string, ctx: Pick<FormatContext, 'cwd' | 'version' | 'rules'>): string {
  const failed = { executionSuccessful: false, exitCode: EXIT_FATAL, toolExecutionNotifications: [{ level: 'error', message: { text: message } }] };
  return sarifLog(ctx, ctx.rules.map(describeRule), failed, []);
}

function sarifLog(ctx: Pick<FormatContext, 'cwd' | 'version'>, rules: object[], invocation: object, results: object[]): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'compose-lint', version: ctx.version, informationUri: INFORMATION_URI, rules },
        },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** `{ [key]: value }`, or nothing when value is undefined (to spread into an object). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * The run's invocation (SARIF 2.1.0 section 3.20): its exit code, successful unless it failed (exit 2),
 * and a notification per file whose YAML does not parse, so its checks did not run (3.20.21);
 * located at the file's first YAML error when it is among `findings`.
 */
function invocation(ctx: FormatContext, findings: readonly Finding[]) {
  const exitCode = ctx.exitCode ?? (findings.some((f) => f.severity === 'error' && !(f as SuppressedFinding).suppression) ? 1 : 0);
  const notifications = (ctx.unparsed ?? []).map((file) => {
    const first = findings.find((f) => f.rule === YAML_SYNTAX && relativePath(ctx.cwd, f.file) === relativePath(ctx.cwd, file));
    return {
      level: 'error',
      message: { text: `${file === STDIN_PATH ? 'stdin' : file}: not checked: its YAML does not parse` },
      ...optional('locations', locationsOf(ctx.cwd, file, first && regionOf(first))),
    };
  });
  return { executionSuccessful: exitCode !== EXIT_FATAL, exitCode, ...(notifications.length && { toolExecutionNotifications: notifications }) };
}
