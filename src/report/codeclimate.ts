/**
 * Code Climate issues, as GitLab's Code Quality report reads them.
 * Severity mapping (GitLab levels: info, minor, major, critical, blocker):
 *   error -> major, warning -> minor, info -> info.
 * Category mapping: correctness and network -> Bug Risk, security -> Security, style -> Style.
 */
import type { Category, Finding, Severity } from '../types';
import type { FormatContext } from './types';
import { stableFingerprints } from './fingerprint';
import { relativePath } from '../util/display-path';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };
const CATEGORY: Record<Category, string> = {
  correctness: 'Bug Risk',
  network: 'Bug Risk',
  security: 'Security',
  style: 'Style',
};
/** Findings whose rule is not in the catalog (e.g. a YAML syntax error) are bugs waiting to happen. */
const DEFAULT_CATEGORY = 'Bug Risk';

export function format(findings: Finding[], ctx: FormatContext): string {
  const categoryOf = new Map(ctx.rules.map((r) => [r.id, CATEGORY[r.category]]));
  const fingerprints = stableFingerprints(findings, ctx.cwd);
  const issues = findings.map((f, i) => ({
    type: 'issue',
    check_name: f.rule,
    description: f.message,
    categories: [categoryOf.get(f.rule) ?? DEFAULT_CATEGORY],
    fingerprint: fingerprints[i],
    severity: SEVERITY[f.severity],
    location: { path: relativePath(ctx.cwd, f.file), lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
