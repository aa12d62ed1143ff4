/**
 * A unified diff of two texts for `--fix-dry-run` (the format `patch -p1` and `git apply` read).
 * Lines keep a CR before their LF (CRLF files), so the diff applies to the bytes on disk.
 * Myers' shortest edit script on lines, after trimming the common head and tail; fixes change a
 * few lines, so the quadratic-in-edits part stays tiny.
 */

type Op = { kind: ' ' | '-' | '+'; text: string };

const CONTEXT = 3;

export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const h of hunks(ops)) for (const item of h) out.push(item);
  return out.join('\n') + '\n';
}

/** Lines with their line breaks kept, so a missing final newline shows up as a difference. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const same = (lines: string[]): Op[] => lines.map((text) => ({ kind: ' ', text }));
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= n + m; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  // Walk the trace back from (n, m) to (0, 0), collecting the path in reverse.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: ' ', text: a[--x] });
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', text: b[--y] });
    else ops.push({ kind: '-', text: a[--x] });
  }
  return ops.reverse();
}

/** Group the script into hunks with CONTEXT lines around each change. */
function hunks(ops: Op[]): string[][] {
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const out: string[][] = [];
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(0, changed[i] - CONTEXT);
    let last = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - last <= 2 * CONTEXT) last = changed[++i];
    const to = Math.min(ops.length, last + CONTEXT + 1);
    out.push(renderHunk(ops, from, to));
    i++;
  }
  return out;
}

function renderHunk(ops: Op[], from: number, to: number): string[] {
  // Line numbers where the hunk starts: count the lines of each side before it.
  let aLine = 1;
  let bLine = 1;
  for (const o of ops.slice(0, from)) {
    if (o.kind !== '+') aLine++;
    if (o.kind !== '-') bLine++;
  }
  const body = ops.slice(from, to);
  const aCount = body.filter((o) => o.kind !== '+').length;
  const bCount = body.filter((o) => o.kind !== '-').length;
  const lines = [`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`];
  for (const o of body) {
    // Only the LF goes: a CRLF file's lines keep their CR, as `diff` prints them and `patch`/`git apply` expect.
    lines.push(o.kind + (o.text.endsWith('\n') ? o.text.slice(0, -1) : o.text));
    if (!o.text.endsWith('\n')) lines.push('\\ No newline at end of file');
  }
  return lines;
}

/** GNU style: "5" for one line, "5,3" for three, "4,0" (the line before) for none. */
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}
