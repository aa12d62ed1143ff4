/**
 * Validate a compose model against the compose-spec schema and say what is wrong, once per real
 * problem, at the exact place it was written. Runs on the interpolated, merged model (as compose-go
 * does), whose values carry their origins.
 */
import { Origin, keyOriginAtPath, originAtPath } from '../model/origin';
import { collapseAlternatives } from './collapse';
import { describeError } from './describe';
import { formatPath, PathStep } from './path';
import { getValidator } from './validator';

export interface SchemaProblem {
  /** One line, starting with the path it is about: `services.web: unknown key "imagee" (did you mean "image"?)`. */
  message: string;
  origin?: Origin;
  /** Where the problem is; for an unknown key this ends with the key. */
  path: PathStep[];
}

/** Every violation, sorted by position (file, then offset); problems without an origin come last. */
export function validateCompose(model: Record<string, unknown>): SchemaProblem[] {
  const validate = getValidator();
  if (validate(model)) return [];
  const errors = collapseAlternatives(validate.errors ?? []);

  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    for (const draft of describeError(error, model)) {
      const message = draft.subject.length ? `${formatPath(draft.subject)}: ${draft.text}` : draft.text;
      const id = `${JSON.stringify(draft.path)} ${message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const origin = draft.at === 'key' ? keyOriginAtPath(model, draft.path) : originAtPath(model, draft.path);
      problems.push({ message, origin, path: draft.path });
    }
  }
  return problems.sort(byPosition);
}

function byPosition(a: SchemaProblem, b: SchemaProblem): number {
  if (a.origin && b.origin) {
    const byFile = compareText(a.origin.source.path, b.origin.source.path);
    return byFile || a.origin.start - b.origin.start || compareText(a.message, b.message);
  }
  if (a.origin || b.origin) return a.origin ? -1 : 1;
  return compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
