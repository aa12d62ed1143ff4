/** Small helpers for fixes that remove whole lines or trailing comments from the original text. */
import type { TextEdit } from '../types';

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline that ends the line holding `offset` (or the end of the text). */
export function nextLineStartAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Whether [from, to) holds only spaces, tabs and line breaks. */
export function isBlank(text: string, from: number, to: number): boolean {
  return /^[ \t\r\n]*$/.test(text.slice(from, to));
}

/** Remove the lines spanned by [start, end), newline included. */
export function removeLines(text: string, start: number, end: number): TextEdit {
  return { start: lineStartAt(text, start), end: nextLineStartAt(text, Math.max(start, end - 1)), text: '' };
}

/**
 * Remove a comment at [start, end): the whole line when nothing else is on it, else the comment
 * and the spaces before it, leaving the value it trailed untouched.
 */
export function removeComment(text: string, start: number, end: number): TextEdit {
  const lineStart = lineStartAt(text, start);
  if (isBlank(text, lineStart, start)) return removeLines(text, start, end);
  let from = start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { start: from, end, text: '' };
}
