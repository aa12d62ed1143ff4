/** Grouping and counting shared by the formatters that summarise per file or per severity. */
import type { Finding, Severity } from '../types';
import { relativePath } from '../util/display-path';

export interface FileGroup {
  /** Path relative to the context directory, forward slashes. */
  path: string;
  findings: Finding[];
}

/**
 * Findings grouped by file in first-seen order. Files in `linted` come first, so formats that
 * list clean files (junit, checkstyle) get an empty group for each of them.
 */
export function groupByFile(findings: Finding[], cwd: string, linted: string[] = []): FileGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const file of linted) {
    const rel = relativePath(cwd, file);
    if (!groups.has(rel)) groups.set(rel, []);
  }
  for (const f of findings) {
    const rel = relativePath(cwd, f.file);
    let list = groups.get(rel);
    if (!list) groups.set(rel, (list = []));
    list.push(f);
  }
  return [...groups].map(([path, list]) => ({ path, findings: list }));
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Line-oriented formats need one line per finding: fold a multi-line message into one. */
export function oneLine(message: string): string {
  return message.replace(/[ \t]*\r?\n\s*/g, ' ');
}
