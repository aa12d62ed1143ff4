/**
 * Helpers for YAML data as plain objects, where every key is data: the bottom layer, importing
 * nothing from the project, so the loader, model, graph and rules share one definition.
 */

/** A YAML mapping as a plain object (ComposeDict in the model is the same type). */
export type Dict = Record<string, unknown>;

/** True for a mapping: a non-null object that is not an array. */
export function isDict(v: unknown): v is Dict {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Set `key` on `obj` as an own, enumerable data property. `__proto__` is a legal YAML key: it is
 * defined as data and never reaches (or replaces) the prototype, as a plain assignment would.
 */
export function setOwn(obj: object, key: string | number, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else (obj as Record<string | number, unknown>)[key] = value;
}

/**
 * A YAML value as text for a message or a comparison: scalars as `String()` prints them, a mapping
 * or sequence (where a scalar belongs: an invalid file) as JSON rather than "[object Object]".
 */
export function scalarText(v: unknown): string {
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A sequence value, or [] for anything else (the schema rule reports values of the wrong type). */
export function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * `f(value, index)` for each of the list's string entries, in order. Entries of another type are the schema's to report
 * ("must be a string"); the model's accessors and the rules skip them rather than print `[object Object]` or `null`.
 */
export function mapStrings<T>(v: readonly unknown[], f: (value: string, index: number) => T): T[] {
  // A loop, not flatMap: the accessors run per service in the graph and several rules, and the
  // one-element arrays and {value, index} pairs were garbage by the thousand (issue 13).
  const out: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const value = v[i];
    if (typeof value === 'string') out.push(f(value, i));
  }
  return out;
}

/**
 * A string-list setting (`security_opt`, `cap_drop`, `tmpfs`) as its strings with their indexes in
 * the sequence; a lone string counts as a list of one (index -1), other items are skipped.
 */
export function stringList(v: unknown): { value: string; index: number }[] {
  if (typeof v === 'string') return [{ value: v, index: -1 }];
  return Array.isArray(v) ? mapStrings(v, (value, index) => ({ value, index })) : [];
}
