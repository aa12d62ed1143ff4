/**
 * The last engine step before reporting: drop findings the config excludes and findings a
 * suppression comment covers (keeping both, with their reasons), then report unused directives.
 */
import type { Finding, Severity } from '../types';
import type { SourceFile } from '../model/source';
import type { RuleSettings } from './settings';
import { DirectiveIndex, SuppressedFinding, UnusedDirective } from './suppress';
import { namesUnknownRule, unusedDirectiveFinding } from './unused-disable';

export interface Filtered {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/** Per-rule `exclude: { services: { name: reason } }` from the config. */
export function applyExcludes(findings: readonly Finding[], settings: RuleSettings): Filtered {
  const out: Filtered = { findings: [], suppressed: [] };
  for (const f of findings) {
    const reason = f.service !== undefined ? settings.get(f.rule)?.exclude?.[f.service] : undefined;
    if (reason === undefined) out.findings.push(f);
    else out.suppressed.push({ ...f, suppression: { kind: 'exclude', reason } });
  }
  return out;
}

export interface DirectiveOptions {
  sources: Iterable<SourceFile>;
  /**
   * Severity of `unused-disable` for a file, or undefined when unused directives are not reported
   * there. `unknownRule`: the directive names a rule that does not exist (a typo), which is
   * reported unless the config turned the rule off outright.
   */
  unusedSeverity(file: string, unknownRule: boolean): Severity | undefined;
  knownRules: readonly string[];
  /** Message templates of the unused-disable rule. */
  messages: Record<string, string>;
}

export function applyDirectives(findings: readonly Finding[], o: DirectiveOptions): Filtered {
  const index = new DirectiveIndex(o.sources);
  const out: Filtered = { findings: [], suppressed: [] };
  for (const f of findings) {
    const d = index.suppressorOf(f);
    if (!d) out.findings.push(f);
    else out.suppressed.push({ ...f, suppression: { kind: 'directive', reason: d.reason, file: d.source.path, line: d.line } });
  }
  const unused = index.unused();
  // Unused rule names per directive, counted once (not a scan of all unused ones per directive).
  const unusedCount = new Map<UnusedDirective['directive'], number>();
  for (const u of unused) unusedCount.set(u.directive, (unusedCount.get(u.directive) ?? 0) + 1);
  for (const u of unused) {
    const severity = o.unusedSeverity(u.directive.source.path, namesUnknownRule(u, o.knownRules));
    if (severity) out.findings.push(unusedDirectiveFinding(u, severity, o.knownRules, wholeDirectiveUnused(u, unusedCount), o.messages));
  }
  return out;
}

function wholeDirectiveUnused(u: UnusedDirective, unusedCount: ReadonlyMap<UnusedDirective['directive'], number>): boolean {
  const d = u.directive;
  if (d.rules.length === 0) return true;
  return unusedCount.get(d) === new Set(d.rules).size;
}
