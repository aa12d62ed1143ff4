/**
 * Shared by the rules whose findings come from the loader (yaml-syntax, schema, interpolation,
 * load-error, undefined-reference): each problem the loader recorded is reported under the message id
 * `loadProblem`, whose template is the loader's own one-line message.
 */
import type { TypedRuleContext } from '../src/define-rule';

/** The message template of a loader problem: the loader writes the whole sentence. */
export const LOAD_PROBLEM_MESSAGE = { loadProblem: '{{message}}' } as const;

export function reportLoadProblems<O>(ctx: TypedRuleContext<O, 'loadProblem'>): void {
  for (const p of ctx.loadProblems) {
    ctx.report({ messageId: 'loadProblem', data: { message: p.message }, origin: p.origin, service: p.service, value: p.value, severity: p.severity });
  }
}
