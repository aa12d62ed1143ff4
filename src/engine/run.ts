/** Run the rules over one loaded project and turn reports and load problems into findings. */
import type { Finding, Report, Rule, Severity, SharedSettings } from '../types';
import type { Project } from '../model/project';
import type { Graph } from '../graph/types';
import type { LoadProblem } from '../load/context';
import { Origin, toPosition } from '../model/origin';
import { NO_SHARED_SETTINGS, RuleSettings } from './settings';

export function toFinding(rule: string, severity: Severity, r: Report | LoadProblem, fallbackFile: string): Finding {
  const origin: Origin | undefined = r.origin;
  const pos = origin ? toPosition(origin) : { file: (r as LoadProblem).file ?? fallbackFile, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const f: Finding = { rule, severity, message: r.message, ...pos };
  if (r.service !== undefined) f.service = r.service;
  if ((r as Report).messageId !== undefined) f.messageId = (r as Report).messageId;
  if ((r as Report).data !== undefined) f.data = (r as Report).data;
  if (r.value !== undefined) f.value = r.value;
  if ((r as Report).fix !== undefined) f.fix = (r as Report).fix;
  if ((r as Report).suggestions?.length) f.suggestions = (r as Report).suggestions;
  return f;
}

/**
 * Load problems carry the id of the rule that owns them (yaml-syntax, schema, interpolation, ...);
 * that rule reports them, so they obey the same settings as any finding. A report's own severity
 * applies unless a config file or `--rule` set one: a severity the user wrote, even the default,
 * applies to every finding of the rule. A preset's severity (strict raises `info` rules to
 * `warning`) is a default: findings that carry their own severity keep it.
 * With `times`, each rule's check adds its milliseconds (wall, fractional) under its id (TIMING).
 */
export function runRules(
  project: Project,
  graph: Graph,
  rules: readonly Rule[],
  settings: RuleSettings,
  problems: readonly LoadProblem[],
  shared: SharedSettings = NO_SHARED_SETTINGS,
  times?: Record<string, number>,
): Finding[] {
  const fallbackFile = project.sources[0]?.path ?? project.files[0] ?? '<unknown>';
  const out: Finding[] = [];
  const problemsOf = groupBy(problems, (p) => p.rule);
  // Files with YAML errors are skipped by the loader; rules run on whatever loaded.
  for (const rule of rules) {
    const s = settings.get(rule.id);
    if (!s || s.severity === 'off') continue;
    const severity = s.severity;
    const started = times ? performance.now() : 0;
    rule.check({
      project,
      graph,
      options: optionsFor(rule, s.options, shared),
      loadProblems: problemsOf.get(rule.id) ?? [],
      settings: shared,
      report: (r) => out.push(toFinding(rule.id, r.severity && !s.explicit ? r.severity : severity, r, fallbackFile)),
    });
    if (times) times[rule.id] = (times[rule.id] ?? 0) + performance.now() - started;
  }
  return out;
}

/**
 * The config's top-level `frontends` / `datastores` lists are also the default of any rule option
 * of the same name, so a rule that takes them as options sees them without repeating them.
 */
function optionsFor(rule: Rule, options: Record<string, unknown>, shared: SharedSettings): Record<string, unknown> {
  const declared = (rule.options?.properties ?? {}) as Record<string, unknown>;
  const defaults: Record<string, unknown> = {};
  for (const key of ['frontends', 'datastores'] as const) {
    if (key in declared && shared[key].length && options[key] === undefined) defaults[key] = [...shared[key]];
  }
  return { ...defaults, ...options };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
