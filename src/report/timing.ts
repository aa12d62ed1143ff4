/**
 * The rule timing table printed when the TIMING variable is set (LintResult.ruleTimes): the slowest
 * rules first, as a Markdown table, the shape ESLint users know from its own TIMING output.
 *
 *   Rule                | Time (ms) | Relative
 *   :-------------------|----------:|--------:
 *   unresolved-hostname |    12.346 |    30.1%
 */

/**
 * The table of the `limit` slowest rules of `times` (milliseconds per rule id), ending with a line
 * break; ties in time are ordered by rule id. `Relative` is each rule's share of all the rules' time,
 * shown or not. An empty string when no rule ran.
 */
export function formatRuleTimes(times: Readonly<Record<string, number>>, limit: number): string {
  const rows = Object.entries(times).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length === 0) return '';
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const cells = rows.slice(0, limit).map(([id, ms]) => [id, ms.toFixed(3), `${total > 0 ? ((ms * 100) / total).toFixed(1) : '0.0'}%`]);
  const head = ['Rule', 'Time (ms)', 'Relative'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => `${c[0].padEnd(widths[0])} | ${c[1].padStart(widths[1])} | ${c[2].padStart(widths[2])}`;
  // Each separator cell as wide as its column's cells (one space of padding each side, none at the ends).
  const rule = `:${'-'.repeat(widths[0])}|${'-'.repeat(widths[1] + 1)}:|${'-'.repeat(widths[2])}:`;
  return [line(head), rule, ...cells.map(line)].join('\n') + '\n';
}

/**
 * How many rules the TIMING variable asks to list: `all` every one, a whole number above 10 that
 * many, anything else set (`1`, `yes`) the 10 slowest; undefined when it is unset or empty (no timing).
 */
export function timingLimit(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.toLowerCase() === 'all') return Infinity;
  const n = Number.parseInt(value, 10);
  return n > 10 ? n : 10;
}
