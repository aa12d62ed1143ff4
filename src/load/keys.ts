/**
 * Keys Docker Compose refuses: YAML mapping keys that are not strings (`~:`, an empty key, `80:`,
 * `true:`, `? {a: 1}`). compose-go converts the parsed file with convertToStringKeysRecursive and
 * fails on the first one: `non-string key in services: <nil>` (loader.go, formatInvalidKeyError).
 *
 * Both YAML readers give every key as a string (null -> "null", 80 -> "80"), so the key's text in
 * the source tells a written `"80"` from an int. Such an entry is reported and removed from the
 * dict, so no rule ever sees a service called "null".
 */
import { keyOriginOf, Origin } from '../model/origin';
import { formatPath, PathStep } from '../schema/path';
import { plainScalarValue } from './fast-yaml/core-schema';

type Container = Record<PathStep, unknown> | unknown[];

/** Walk `doc`, remove every entry whose key is not a string, and report each (message, origin of the key). */
export function dropNonStringKeys(doc: Record<string, unknown>, report: (message: string, origin: Origin) => void): void {
  const path: PathStep[] = [];
  const seen = new Set<number>(); // an alias repeats its keys: one report per place written
  const visit = (c: Container): void => {
    if (Array.isArray(c)) {
      for (let i = 0; i < c.length; i++) {
        const v: unknown = c[i];
        if (v !== null && typeof v === 'object') {
          path.push(i);
          visit(v as Container);
          path.pop();
        }
      }
      return;
    }
    const keys = Object.keys(c);
    // Indexed, not for-of: whole-tree walks run mostly before the optimizer, where each for-of step allocates.
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (mayNotBeString(key)) {
        const origin = keyOriginOf(c, key);
        const what = origin && nonStringKind(key, origin.source.text.slice(origin.start, origin.end));
        if (origin && what) {
          if (!seen.has(origin.start)) {
            seen.add(origin.start);
            report(nonStringKeyMessage(path, what, origin.source.text.slice(origin.start, origin.end)), origin);
          }
          delete c[key];
          continue;
        }
      }
      const v = c[key];
      if (v !== null && typeof v === 'object') {
        path.push(key);
        visit(v as Container);
        path.pop();
      }
    }
  };
  visit(doc);
}

/** The string forms a null, number, boolean or collection key takes: "null", "1", "1.5", "Infinity", "NaN", "true", '{"a":1}'. */
function mayNotBeString(key: string): boolean {
  const c = key.charCodeAt(0);
  return key === 'null' || key === 'true' || key === 'false' || (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || key === 'Infinity' || key === 'NaN' || c === 123 || c === 91;
}

/** What a key written as `written` (its string form `key`) is, when not a string: null, a number, ... */
function nonStringKind(key: string, written: string): { noun: string; go?: string } | undefined {
  const text = written.trim();
  if (text.startsWith('"') || text.startsWith("'") || text.startsWith('!') || text.startsWith('&') || text.startsWith('*')) return undefined;
  if (key.startsWith('{') && text !== key) return { noun: 'a mapping' };
  if (key.startsWith('[') && text !== key) return { noun: 'a list' };
  if (text === '') return { noun: 'null', go: '<nil>' };
  const v = plainScalarValue(text);
  if (v === null) return { noun: 'null', go: '<nil>' };
  if (typeof v === 'number') return { noun: 'a number', go: Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN' };
  if (typeof v === 'boolean') return { noun: 'a boolean', go: String(v) };
  return undefined;
}

/**
 * "services: the key `~` is null, not a string: Docker Compose refuses it (non-string key in
 * services: <nil>)"; the part in parentheses is compose-go's own error, with Go's %#v of the key.
 */
function nonStringKeyMessage(path: readonly PathStep[], what: { noun: string; go?: string }, written: string): string {
  const shown = written.length > 40 ? `${written.slice(0, 39)}…` : written;
  const subject = written.trim() === '' ? `an empty key is ${what.noun}` : `the key \`${shown}\` is ${what.noun}`;
  const where = path.length ? formatPath(path) : 'top level';
  const location = path.length ? `in ${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')}` : 'at top level';
  const quote = what.noun === 'a number' || what.noun === 'a boolean' ? ' (quote it)' : '';
  const compose = what.go === undefined ? '' : ` (non-string key ${location}: ${what.go})`;
  return `${where}: ${subject}, not a string${quote}: Docker Compose refuses it${compose}`;
}
