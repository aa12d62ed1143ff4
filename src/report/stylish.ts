/**
 * The default, human format: findings grouped under their file, columns aligned, then a summary.
 * Prints nothing at all for a clean run, so `compose-lint && ...` stays quiet.
 *
 * One line per finding, always, unless `ctx.width` (the terminal's columns, given only on a TTY)
 * is set: then a message too long for its column wraps onto indented continuation lines, so the
 * rule id stays visible. Piped output is never wrapped: `grep` and `wc -l` see one finding a line.
 */
import { createColors } from 'picocolors';
import type { Finding, Severity } from '../types';
import type { FormatContext } from './types';
import { countBySeverity, groupByFile, oneLine } from './group';
import { neutralizeControls } from './control-chars';

type Colors = ReturnType<typeof createColors>;

const severityColor = (c: Colors): Record<Severity, (s: string) => string> => ({ error: c.red, warning: c.yellow, info: c.cyan });

/** Messages longer than this (characters) do not widen the message column. */
const MAX_ALIGNED_MESSAGE = 1000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Narrower than this, wrapping helps nobody: the line is left for the terminal to wrap. */
const MIN_MESSAGE_WIDTH = 20;

/** Greedy word wrap of plain text to `width` columns; a word longer than the width is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

/** "1 error, 3 warnings": only the severities that occur. */
export function summaryCounts(findings: Finding[]): string {
  const counts = countBySeverity(findings);
  return (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => plural(counts[s], s))
    .join(', ');
}

export function format(findings: Finding[], ctx: FormatContext): string {
  if (findings.length === 0) return '';
  const c = createColors(ctx.color);
  const colorOf = severityColor(c);
  let out = '';
  for (const group of groupByFile(findings, ctx.cwd)) {
    const rows = group.findings.map((f) => ({
      position: `${f.line}:${f.column}`,
      severity: f.severity,
      message: neutralizeControls(oneLine(f.message)),
      rule: f.rule,
    }));
    // Pad on the plain text so colour codes never skew the columns. A loop, not Math.max(...rows):
    // spreading 200k findings overflows the stack.
    const width = (pick: (r: (typeof rows)[number]) => string, limit = Infinity) =>
      rows.reduce((w, r) => {
        const n = pick(r).length;
        return n > w && n <= limit ? n : w;
      }, 0);
    const wPosition = width((r) => r.position);
    const wSeverity = width((r) => r.severity);
    const indent = 2 + wPosition + 2 + wSeverity + 2;
    const room = ctx.width ? ctx.width - indent - 2 - width((r) => r.rule) : Infinity;
    const wraps = Boolean(ctx.width) && room >= MIN_MESSAGE_WIDTH;
    // Unwrapped, a message longer than MAX_ALIGNED_MESSAGE is not padded to: one huge message would
    // otherwise pad every other row of its file to its length (output quadratic in the input).
    const wMessage = wraps
      ? Math.min(
          width((r) => r.message),
          room,
        )
      : width((r) => r.message, MAX_ALIGNED_MESSAGE);
    out += `${c.underline(neutralizeControls(group.path))}\n`;
    for (const r of rows) {
      const [first, ...rest] = wraps && r.message.length > wMessage ? wrapText(r.message, wMessage) : [r.message];
      const position = c.dim(r.position.padEnd(wPosition));
      const severity = colorOf[r.severity](r.severity.padEnd(wSeverity));
      out += `  ${position}  ${severity}  ${first.padEnd(wMessage)}  ${c.dim(r.rule)}\n`;
      for (const more of rest) out += `${' '.repeat(indent)}${more}\n`;
    }
    out += '\n';
  }
  const counts = countBySeverity(findings);
  const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  const summary = `\u2716 ${plural(findings.length, 'problem')} (${summaryCounts(findings)})`;
  return `${out}${c.bold(colorOf[worst](summary))}\n`;
}
