/**
 * Config files: where they are, reading them as data (YAML or JSON, never code), and validating
 * them against the config schema with a one-line error that names file, line, column and key.
 */
import * as path from 'path';
import type { ValidateFunction } from 'ajv';
import type { Rule, RuleSeverity } from '../types';
import { makeSource, lineCol, SourceFile } from '../model/source';
import { keyOriginAtPath, originAtPath, Origin } from '../model/origin';
import { parseYaml } from '../load/parse';
import { dropNonStringKeys } from '../load/keys';
import { describeFsError, FileTooLarge, MAX_FILE_BYTES, NO_SUCH_FILE, NotRegularFile, readRegularFile, sourceText } from '../load/read';
import { displayPath } from '../util/display-path';
import { pathKind } from '../load/inputs';
import { collapseAlternatives } from '../schema/collapse';
import { describeError } from '../schema/describe';
import { formatPath } from '../schema/path';
import { buildConfigSchema, ON, SEVERITY_ALIASES } from './config-schema';
import { didYouMean } from '../schema/suggest';
import type { PresetName } from './presets';

/** Names looked for in each directory, in order of preference. */
export const CONFIG_NAMES = ['.compose-lint.yaml', '.compose-lint.yml', '.compose-lint.json'];

export type RuleOptions = Record<string, unknown> & { exclude?: { services?: Record<string, string> } };
/**
 * What a config writes where a severity goes: a severity (fixed for every finding of the rule, or
 * `off`), or `on` (the rule runs at its own severities; see ON in config-schema.ts).
 */
export type RuleLevel = RuleSeverity | typeof ON;
/** A rule's entry as written: `warning`, `on` or `[warning, {options}]` (`warn` is read as `warning`). */
export type RuleEntry = RuleLevel | [RuleLevel, RuleOptions?];

/** A config file's contents (after validation). */
export interface ConfigData {
  $schema?: string;
  extends?: PresetName | PresetName[];
  rules?: Record<string, RuleEntry>;
  frontends?: string[];
  datastores?: string[];
  ignore?: string[];
}

/** A fatal problem with configuration: the CLI prints the message on one line and exits 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The config file found for a directory, and the other config names beside it that are not used. */
export interface FoundConfig {
  file: string;
  /** Absolute paths, in CONFIG_NAMES order: `.compose-lint.yml` beside a `.compose-lint.yaml`. */
  ignored: string[];
}

/**
 * The nearest config file in `dir` or its parents: the first of CONFIG_NAMES there. A FIFO,
 * socket or device by that name counts (reading it then says why it cannot be used) rather than
 * being passed over in silence. `known` remembers the answer per directory (a run over 500
 * projects in one tree asks about the same parents 500 times).
 */
export function findConfigFile(dir: string, known?: Map<string, FoundConfig | undefined>): FoundConfig | undefined {
  const d = path.resolve(dir);
  if (known?.has(d)) return known.get(d);
  const [file, ...ignored] = CONFIG_NAMES.map((name) => path.join(d, name)).filter(isPresent);
  let found = file === undefined ? undefined : { file, ignored };
  if (found === undefined && path.dirname(d) !== d) found = findConfigFile(path.dirname(d), known);
  known?.set(d, found);
  return found;
}

/** Whether a file of any kind but a directory is at `p` (the run's answer, see load/inputs.ts). */
function isPresent(p: string): boolean {
  const kind = pathKind(p);
  return kind === 'file' || kind === 'other';
}

/** Read and validate a config file; `cwd` only shapes the path shown in errors. */
export function readConfigFile(abs: string, cwd: string, rules: readonly Rule[]): ConfigData {
  const shown = displayPath(cwd, abs);
  let text: string;
  try {
    text = sourceText(readRegularFile(abs, MAX_FILE_BYTES)); // UTF-8, BOM dropped, as for compose files
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = e instanceof NotRegularFile || e instanceof FileTooLarge ? e.message : describeFsError(err);
    throw new ConfigError(err.code === 'ENOENT' ? `${shown}: ${NO_SUCH_FILE}` : `${shown}: cannot read config file: ${reason}`);
  }
  const source = makeSource(shown, text);
  const data = parseSingleMapping(source);
  validateConfig(data, rules, (origin, where, text) => `${at(source, origin)}: ${where ? `${where}: ` : ''}${text}`);
  if (data.rules) normalizeSeverities(data.rules as Record<string, unknown>);
  return data;
}

/** `--rule 'id: severity'` (or `id: on`) or `--rule 'id: [severity, {options}]'` -> the rule entries it sets. */
export function parseRuleFlag(spec: string, rules: readonly Rule[]): Record<string, RuleEntry> {
  const shown = `--rule ${JSON.stringify(spec)}`;
  if (/^\s*[A-Za-z0-9_-]+\s*:?\s*$/.test(spec)) {
    // A bare rule id: say what is missing rather than what YAML makes of it.
    const id = spec.trim().replace(/\s*:$/, '');
    const known = rules.some((r) => r.id === id);
    if (!known)
      throw new ConfigError(
        `${shown}: unknown rule "${id}"${didYouMean(
          id,
          rules.map((r) => r.id),
        )}`,
      );
    throw new ConfigError(`${shown}: give a severity, e.g. --rule '${id}: error' (on, off, info, warning or error)`);
  }
  // `id:severity` without the space YAML needs is what people type on a command line.
  const source = makeSource('--rule', spec.replace(/^(\s*[A-Za-z0-9_-]+):(?=[a-z[])/, '$1: '));
  const entries = parseSingleMapping(source, shown);
  validateConfig({ rules: entries }, rules, (_origin, where, text) => `${shown}: ${where}: ${text}`);
  normalizeSeverities(entries);
  return entries as Record<string, RuleEntry>;
}

/** `warn` -> `warning` (after validation, which accepts both), in place. */
function normalizeSeverities(entries: Record<string, unknown>): void {
  for (const [id, entry] of Object.entries(entries)) {
    if (typeof entry === 'string') entries[id] = SEVERITY_ALIASES[entry] ?? entry;
    else if (Array.isArray(entry) && typeof entry[0] === 'string') entry[0] = SEVERITY_ALIASES[entry[0]] ?? entry[0];
  }
}

function parseSingleMapping(source: SourceFile, shown = source.path): Record<string, unknown> {
  const parsed = parseYaml(source);
  const error = parsed.errors[0];
  if (error) {
    const text = error.message.replace('a compose file', 'a config file');
    throw new ConfigError(source.path === shown ? `${at(source, error.origin)}: ${text}` : `${shown}: ${text}`);
  }
  if (parsed.documents.length > 1) throw new ConfigError(`${shown}: a config file holds one YAML document, this one has ${parsed.documents.length}`);
  const doc = parsed.documents[0] ?? {};
  dropNonStringKeys(doc, (message, origin) => {
    throw new ConfigError(`${source.path === shown ? at(source, origin) : shown}: ${message.replace(/: Docker Compose refuses it.*$/, '')}`);
  });
  return doc;
}

function at(source: SourceFile, origin: Origin | undefined): string {
  const { line, column } = lineCol(source, origin?.start ?? 0);
  return `${source.path}:${line}:${column}`;
}

type Describe = (origin: Origin | undefined, where: string, text: string) => string;

/** Throws a ConfigError for the first problem, phrased as the compose schema errors are. */
function validateConfig(data: Record<string, unknown>, rules: readonly Rule[], describe: Describe): void {
  const validate = validatorFor(rules);
  if (validate(data)) return;
  const first = collapseAlternatives(validate.errors ?? [])[0];
  const draft = describeError(first, data)[0];
  const unknownRule = first.keyword === 'additionalProperties' && draft.subject.length === 1 && draft.subject[0] === 'rules';
  const text = unknownRule ? draft.text.replace(/^unknown key/, 'unknown rule') : draft.text;
  const origin = draft.at === 'key' ? keyOriginAtPath(data, draft.path) : originAtPath(data, draft.path);
  throw new ConfigError(describe(origin, formatPath(draft.subject), text));
}

// Compiling takes a few milliseconds and only happens when a config is used; once per rule set.
const validators = new WeakMap<readonly Rule[], ValidateFunction>();

function validatorFor(rules: readonly Rule[]): ValidateFunction {
  let v = validators.get(rules);
  if (!v) {
    // verbose: describeError reads the allowed keys from each error's parent schema.
    // Required here, not at the top: runs without a config file never load ajv's compiler.
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, messages: false });
    v = ajv.compile(buildConfigSchema(rules));
    validators.set(rules, v);
  }
  return v;
}
