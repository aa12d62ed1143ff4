/**
 * ajv reports every failing branch of a oneOf/anyOf and then the oneOf itself: for `ports: [true]`
 * that is "must be number", "must be string", "must be object", "must match exactly one schema".
 * The user made one mistake, so we keep one answer per combinator:
 * - branches whose `type` does not fit the value are dropped with all their errors at that place;
 * - if no branch fits, one `type` error listing every allowed type is left;
 * - if some branch fits, its own errors are left (e.g. "must be at most 100" for cpu_percent: 150).
 *
 * This relies on how ajv (allErrors) emits errors: a combinator's branch errors come right before
 * it, all at or below its instance path, and nothing else from the same place is in between. That
 * holds when no schema node puts a oneOf/anyOf beside other keywords, which is true of the compose
 * schema (test/schema-validate.test.ts checks it, so a schema update cannot silently break this).
 */
import type { ErrorObject } from 'ajv';

const COMBINATORS = new Set(['oneOf', 'anyOf']);

export function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (!COMBINATORS.has(e.keyword)) {
      out.push(e);
      continue;
    }
    let first = out.length;
    while (first > 0 && isAtOrBelow(out[first - 1].instancePath, e.instancePath)) first--;
    // Nested combinators were resolved when their own error came by, so these are already collapsed.
    for (const item of resolveCombinator(e, out.splice(first))) out.push(item);
  }
  return out;
}

function resolveCombinator(combinator: ErrorObject, branchErrors: ErrorObject[]): ErrorObject[] {
  // More than one branch passed (oneOf only): nothing in the branches explains that.
  if ((combinator.params as { passingSchemas?: unknown }).passingSchemas) return [combinator];
  const here = combinator.instancePath;
  const misfits = branchErrors.filter((b) => b.keyword === 'type' && b.instancePath === here);
  if (misfits.length === 0) return branchErrors.length ? branchErrors : [combinator];
  const misfitBranches = new Set(misfits.map((b) => b.parentSchema));
  const fitting = branchErrors.filter((b) => !(b.instancePath === here && misfitBranches.has(b.parentSchema)));
  if (fitting.length) return fitting;
  const types = [...new Set(misfits.flatMap((b) => typesIn(b.params.type)))];
  // A fresh parentSchema: an enclosing combinator must treat this as one branch of its own.
  return [{ ...combinator, keyword: 'type', params: { type: types }, parentSchema: {}, schema: types }];
}

/** ajv gives `type` as a string, a comma-joined list or an array depending on the schema. */
export function typesIn(type: unknown): string[] {
  if (Array.isArray(type)) return type.map(String);
  return String(type).split(',');
}

function isAtOrBelow(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}
