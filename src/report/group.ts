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

/**
 * Line-oriented formats need one line per finding: fold a multi-line message into one. Each line
 * break (LF, CRLF or a lone CR) becomes one space, with the spaces and tabs before it and all
 * whitespace after it. A scan, not a regex: `[ \t]*\r?\n` backtracks over every run of spaces,
 * quadratic in a message holding 200k of them.
 */
export function oneLine(message: string): string {
  if (message.indexOf('\n') === -1 && message.indexOf('\r') === -1) return message;
  let out = '';
  let start = 0;
  let i = 0;
  while (i < message.length) {
    const c = message[i];
    if (c !== '\n' && c !== '\r') {
      i++;
      continue;
    }
    let end = i;
    while (end > start && (message[end - 1] === ' ' || message[end - 1] === '\t')) end--;
    out += `${message.slice(start, end)} `;
    for (i++; i < message.length && /\s/.test(message[i]); i++);
    start = i;
  }
  return out + message.slice(start);
}
