/**
 * The default, human format: findings grouped under their file, columns aligned, then a summary.
 * Prints nothing at all for a clean run, so `compose-lint && ...` stays quiet.
 */
import type { Finding, Severity } from '../types';
import type { FormatContext } from './types';
import { countBySeverity, groupByFile, oneLine } from './group';

const SGR = { bold: 1, dim: 2, underline: 4, red: 31, yellow: 33, cyan: 36 } as const;
const SEVERITY_COLOR: Record<Severity, number> = { error: SGR.red, warning: SGR.yellow, info: SGR.cyan };

function painter(enabled: boolean) {
  return (text: string, ...codes: number[]) => (enabled ? `\x1b[${codes.join(';')}m${text}\x1b[0m` : text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function format(findings: Finding[], ctx: FormatContext): string {
  if (findings.length === 0) return '';
  const paint = painter(ctx.color);
  let out = '';
  for (const group of groupByFile(findings, ctx.cwd)) {
    const rows = group.findings.map((f) => ({
      position: `${f.line}:${f.column}`,
      severity: f.severity,
      message: oneLine(f.message),
      rule: f.rule,
    }));
    // Pad on the plain text so colour codes never skew the columns.
    const width = (pick: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => pick(r).length));
    const wPosition = width((r) => r.position);
    const wSeverity = width((r) => r.severity);
    const wMessage = width((r) => r.message);
    out += `${paint(group.path, SGR.underline)}\n`;
    for (const r of rows) {
      const position = paint(r.position.padEnd(wPosition), SGR.dim);
      const severity = paint(r.severity.padEnd(wSeverity), SEVERITY_COLOR[r.severity]);
      out += `  ${position}  ${severity}  ${r.message.padEnd(wMessage)}  ${paint(r.rule, SGR.dim)}\n`;
    }
    out += '\n';
  }
  const counts = countBySeverity(findings);
  const summary =
    `\u2716 ${plural(findings.length, 'problem')} ` +
    `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
  const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  return `${out}${paint(summary, SGR.bold, SEVERITY_COLOR[worst])}\n`;
}
