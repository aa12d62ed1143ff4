/** Shared check for rules whose findings come from the loader: report each problem it recorded. */
import type { RuleContext } from '../src/types';

export function reportLoadProblems(ctx: RuleContext): void {
  for (const p of ctx.loadProblems) {
    ctx.report({ message: p.message, origin: p.origin, service: p.service, value: p.value, severity: p.severity });
  }
}
