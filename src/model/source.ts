/** A file as read from disk (or stdin), with a lazily built line index for offset -> line:col. */
export interface SourceFile {
  /** Path as given by the user (relative paths stay relative, for stable output). */
  path: string;
  text: string;
  /** The absolute path the text was read from; absent for stdin and for text not read from a file. */
  abs?: string;
  /** Offsets where each line starts; built on first use. */
  lineStarts?: number[];
}

/** A source named `path` (as shown to the user); `abs`: the file it was read from, when it was. */
export function makeSource(path: string, text: string, abs?: string): SourceFile {
  return abs === undefined ? { path, text } : { path, text, abs };
}

function lineStartsOf(src: SourceFile): number[] {
  if (!src.lineStarts) {
    const starts = [0];
    const t = src.text;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    src.lineStarts = starts;
  }
  return src.lineStarts;
}

/**
 * 1-based line and column (UTF-16 code units, as editors and SARIF count) of an offset.
 * An offset at (or past) the end of a text that ends with a line break is placed at the end of the
 * last line, not at column 1 of a line after it that no editor shows and SARIF viewers reject.
 */
export function lineCol(src: SourceFile, offset: number): { line: number; column: number } {
  // Parsers may point just past the end (an unclosed `{`): positions stay inside the file.
  offset = Math.min(Math.max(offset, 0), lastPosition(src.text));
  const starts = lineStartsOf(src);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** The last offset a position may name: the end of the last line, before a final `\n` or `\r\n`. */
function lastPosition(text: string): number {
  if (!text.endsWith('\n')) return text.length;
  return text.length - (text.endsWith('\r\n') ? 2 : 1);
}

/** Offset of a 1-based line:col. */
export function offsetOf(src: SourceFile, line: number, column: number): number {
  const starts = lineStartsOf(src);
  return (starts[Math.min(line, starts.length) - 1] ?? 0) + column - 1;
}
