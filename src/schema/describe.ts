/**
 * One ajv error (after collapse.ts) -> what to tell the user, in plain words, and where to point:
 * at the key for a key that should not be there, at the value for a value that is wrong.
 */
import type { ErrorObject } from 'ajv';
import { typesIn } from './collapse';
import { PathStep, pointerToPath, valueAtPath } from './path';
import { closestMatch } from './suggest';
import { scalarText } from '../util/dict';

export interface ProblemDraft {
  /** Where the problem is (for an unknown key: the key itself). */
  path: PathStep[];
  /** The path the message names (for an unknown or missing key: the mapping it is in). */
  subject: PathStep[];
  /** Point at the key written at `path`, or at its value. */
  at: 'key' | 'value';
  text: string;
}

type Params = Record<string, unknown>;
type SchemaNode = { properties?: Record<string, unknown>; patternProperties?: Record<string, unknown> } | undefined;

export function describeError(e: ErrorObject, root: unknown): ProblemDraft[] {
  const path = pointerToPath(e.instancePath, root);
  const params = e.params as Params;
  const onValue = (text: string): ProblemDraft[] => [{ path, subject: path, at: 'value', text }];
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const parent = e.parentSchema as SchemaNode;
      const text = path.length ? unknownKeyText(key, parent) : topLevelKeyText(key, parent, valueAtPath(root, [key]));
      return [{ path: [...path, key], subject: path, at: 'key', text }];
    }
    case 'required':
      return [{ path, subject: path, at: 'key', text: `missing required key "${String(params.missingProperty)}"` }];
    case 'uniqueItems':
      return duplicateItems(path, valueAtPath(root, path));
    case 'type':
      return onValue(`must be ${typeList(typesIn(params.type))}, not ${valueText(valueAtPath(root, path))}`);
    case 'enum':
      return onValue(`must be one of ${quotedList(params.allowedValues as unknown[])}`);
    case 'const':
      return onValue(`must be ${JSON.stringify(params.allowedValue)}`);
    case 'pattern':
      return onValue(patternText(String(params.pattern)));
    case 'format':
      return onValue(`must be a valid ${String(params.format)}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return onValue(`must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}`);
    case 'oneOf':
      return onValue(params.passingSchemas ? 'matches more than one of the allowed forms' : 'does not match any of the allowed forms');
    case 'anyOf':
      return onValue('does not match any of the allowed forms');
    case 'false schema':
      return onValue('is not allowed here');
    default:
      return onValue(`breaks the schema rule "${e.keyword}"${params.limit !== undefined ? ` (limit ${scalarText(params.limit)})` : ''}`);
  }
}

/** Longest value text a message quotes (characters); longer values are cut with "…". */
const MAX_VALUE_TEXT = 40;

/**
 * The value a type error is about, in words and as JSON: `null`, `the number 3`, `the mapping
 * {"a":1}`, `the list [1,2]`, `the string "x"`; never a JavaScript rendering like [object Object].
 */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  const noun = Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v;
  let json: string;
  try {
    json = JSON.stringify(v) ?? typeof v;
  } catch {
    json = '…'; // a cycle cannot come from YAML, but a message must never throw
  }
  if (typeof v === 'number' && !Number.isFinite(v)) json = String(v);
  return `the ${noun} ${json.length > MAX_VALUE_TEXT ? `${json.slice(0, MAX_VALUE_TEXT - 1)}…` : json}`;
}

const COMPARISONS: Record<string, string> = { '>=': 'at least', '>': 'greater than', '<=': 'at most', '<': 'less than' };

const TYPE_NOUNS: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  object: 'mapping',
  array: 'list',
  null: 'null',
};
const TYPE_ORDER = Object.keys(TYPE_NOUNS);

/** ['number', 'string', 'object'] -> "a string, number or mapping" (one stable order, whatever the schema's). */
export function typeList(types: string[]): string {
  const wanted = new Set(types);
  if (wanted.has('number')) wanted.delete('integer');
  const ordered = [...wanted].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  const nouns = ordered.map((t) => TYPE_NOUNS[t] ?? t);
  const article = nouns[0] === 'null' ? '' : /^[aeiou]/.test(nouns[0]) ? 'an ' : 'a ';
  return article + orList(nouns);
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function quotedList(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Key rules of the schema's patternProperties, said in words. */
const KEY_PATTERNS: Record<string, string> = {
  '^[a-zA-Z0-9._-]+$': 'use only letters, digits, ".", "_" and "-"',
  '^[a-z]+$': 'use only lowercase letters',
  '.+': 'a key must not be empty',
  '^.+$': 'a key must not be empty',
};

/** Per parent schema: the text for each unknown key seen so far (the same typo often repeats). */
const unknownKeyTexts = new WeakMap<object, Map<string, string>>();

function unknownKeyText(key: string, parent: SchemaNode): string {
  if (!parent) return `unknown key ${JSON.stringify(key)}`;
  let texts = unknownKeyTexts.get(parent);
  if (!texts) unknownKeyTexts.set(parent, (texts = new Map<string, string>()));
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = composeUnknownKeyText(key, parent)));
  return text;
}

function composeUnknownKeyText(key: string, parent: NonNullable<SchemaNode>): string {
  const known = Object.keys(parent.properties ?? {});
  const patterns = Object.keys(parent.patternProperties ?? {}).filter((p) => p !== '^x-');
  if (known.length === 0 && patterns.length === 1) {
    return `invalid key ${JSON.stringify(key)} (${KEY_PATTERNS[patterns[0]] ?? `keys must match ${patterns[0]}`})`;
  }
  const suggestion = closestMatch(key, known);
  return `unknown key ${JSON.stringify(key)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

/** Top level: a typo of a known key, or a service written without `services:` (the old version 1 format). */
function topLevelKeyText(key: string, parent: SchemaNode, value: unknown): string {
  const text = `unknown top-level key ${JSON.stringify(key)}`;
  const suggestion = closestMatch(key, Object.keys(parent?.properties ?? {}));
  if (suggestion) return `${text} (did you mean "${suggestion}"?)`;
  const looksLikeService = value !== null && typeof value === 'object' && ('image' in value || 'build' in value);
  return looksLikeService ? `${text} (if it is a service, put it under "services:")` : text;
}

/** The schema's value patterns, said as the form they expect. */
const VALUE_PATTERNS: Record<string, string> = {
  '[a-zA-Z0-9][a-zA-Z0-9_.-]+': 'must be a container name: a letter or digit followed by letters, digits, "_", "." or "-"',
  'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+':
    'must be one of "always", "never", "build", "if_not_present", "missing", "refresh", "daily", "weekly" or "every_<duration>" (e.g. "every_12h")',
};

function patternText(pattern: string): string {
  return VALUE_PATTERNS[pattern] ?? `must match the pattern ${pattern}`;
}

/** ajv stops at the first repeated item; report every repeat, each at its own place. */
function duplicateItems(path: PathStep[], list: unknown): ProblemDraft[] {
  if (!Array.isArray(list)) return [];
  const firstIndex = new Map<string, number>();
  const drafts: ProblemDraft[] = [];
  list.forEach((item, i) => {
    const key = canonical(item);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, i);
    else drafts.push({ path: [...path, i], subject: [...path, i], at: 'value', text: `duplicate of item ${first}` });
  });
  return drafts;
}

/** Same text for equal JSON values (mapping keys in any order). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}
