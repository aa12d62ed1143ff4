/**
 * The guard in front of `--fix`: a fixed text is written only when it still parses, still has
 * content, and parses to the same YAML values as before except those the fixes say they change
 * (issue 14: removing `version: &v "3"` must not leave `x-v: *v` dangling).
 */
import { parseYaml } from '../load/parse';
import { mergeTagOf } from '../load/tags';
import { makeSource } from '../model/source';
import { toPosition } from '../model/origin';
import { formatPath } from '../schema/path';
import type { ModelPath } from '../types';

/** The parsed documents of a text, or why it does not parse ("3:6: unknown alias *v"). */
function parsed(file: string, text: string): { documents: Record<string, unknown>[]; error?: string } {
  const r = parseYaml(makeSource(file, text));
  if (!r.errors.length) return { documents: r.documents };
  const e = r.errors[0];
  const at = toPosition(e.origin);
  return { documents: [], error: `${at.line}:${at.column}: ${e.message}` };
}

/**
 * The checks for one file's text as linted: `fileReason` says why it gets no fix at all (it does
 * not parse, so no rule saw its values and every suppression comment looks unused); `refusal`
 * says why a fixed text must not replace it, or undefined when it may. `changes`: the values the
 * fixes remove or change (ModelPath: the document's index first), left out of the comparison.
 */
export function fixChecks(file: string, before: string): { fileReason?: string; refusal(after: string, changes: readonly ModelPath[]): string | undefined } {
  const first = parsed(file, before);
  const fileReason = first.error === undefined ? undefined : `it has YAML errors (${first.error}); fix them first`;
  let fresh: Record<string, unknown>[] | undefined = first.documents;
  return {
    fileReason,
    refusal(after, changes) {
      if (fileReason) return fileReason;
      const fixed = parsed(file, after);
      if (fixed.error !== undefined) return `the fixed text would not load (${fixed.error})`;
      // Each check deletes from its own copy of the documents as they were.
      const old = fresh ?? parsed(file, before).documents;
      fresh = undefined;
      if (old.length > 0 && fixed.documents.length === 0) {
        return 'the fix would leave the file with no content, and Docker Compose refuses an empty compose file: delete the file or edit it by hand';
      }
      for (const p of changes) {
        removeAt(old, p);
        removeAt(fixed.documents, p);
      }
      const changed = firstDifference(old, fixed.documents, []);
      return changed === undefined ? undefined : `the fixed text would also change ${changed}`;
    },
  };
}

function removeAt(root: unknown, path: ModelPath): void {
  let c = root as Record<string | number, unknown> | undefined;
  for (const step of path.slice(0, -1)) c = c?.[step] as Record<string | number, unknown> | undefined;
  if (c !== null && typeof c === 'object') delete c[path[path.length - 1]];
}

/** The first path where two parsed values differ (values, types, keys or merge tags), as text. */
function firstDifference(a: unknown, b: unknown, path: (string | number)[]): string | undefined {
  const where = (): string => (path.length <= 1 ? (path.length ? `document ${Number(path[0]) + 1}` : 'the documents') : formatPath(path.slice(1)));
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : where();
  if (Array.isArray(a) !== Array.isArray(b)) return where();
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k) => !Object.prototype.hasOwnProperty.call(b, k))) return where();
  for (const k of ka) {
    const step = Array.isArray(a) ? Number(k) : k;
    if (mergeTagOf(a, step) !== mergeTagOf(b, step)) return formatPath([...path, step].slice(1));
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, step]);
    if (d !== undefined) return d;
  }
  return undefined;
}
