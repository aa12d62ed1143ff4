/**
 * The fast YAML reader's lexical layer: a cursor over the text that knows lines, indentation,
 * comments and the extent and text of scalars. It builds no values and records no origins (see
 * builder.ts); the grammar (parser.ts) moves it and asks it what comes next.
 *
 * Units: every offset is a UTF-16 code-unit index into `text` (what `charCodeAt` and
 * `String.prototype.slice` take, and what Origin.start/end hold); an indentation is a count of
 * spaces. Past the end of the text `code()` is NaN, which no comparison matches.
 *
 * Whatever the scanner does not handle it declines (throws Decline): tabs and CRs where
 * indentation or a scalar could be, document markers and directives after the start, multi-line
 * quoted scalars, escapes other than YAML 1.2's, block scalars with keep chomping, an indentation
 * indicator or leading blank lines, unclosed flow collections.
 */
import { BACKSLASH, COLON, CR, DASH, DOT, DQUOTE, GT, HASH, NL, PERCENT, RBRACE, RBRACKET, SP, SQUOTE, TAB, isFlowIndicator, isWordChar } from './chars';
import { decline } from './decline';

/** A scalar's value and the offset just after its text. */
export interface Scanned<T> {
  value: T;
  end: number;
}

/** No comment is absorbed into the previous value (empty values, block scalars): skipTrivia's `absorbAbove`. */
export const NO_ABSORB = Number.POSITIVE_INFINITY;

/** Escapes of double-quoted scalars with a fixed meaning (YAML 1.2, section 5.7). */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

export class Scanner {
  readonly len: number;
  /** The cursor: the offset the grammar reads next. Only the scanner's methods and the grammar move it. */
  pos = 0;
  /** Indentation of the content line the cursor stands on after skipTrivia; -1 at the end of the text. */
  lineIndent = -1;

  /**
   * The comment lines of the last trivia run (skipTrivia) that followed another comment or sat
   * too shallow to belong to the value before them: the yaml package ends the innermost closing
   * collection that has one indented at least as deep as its items there (see claimComments).
   * `deepestComment` is their deepest indentation, -1 when there are none or they were claimed.
   */
  private deepestComment = -1;
  /** Where the last trivia run ends: the start of the next content line's first token, or the end of the text. Set by skipTrivia only. */
  triviaEnd = 0;
  /** Indentation of the least indented comment line in the last trivia run (+Infinity: none). Set by skipTrivia only. */
  shallowestComment = Number.POSITIVE_INFINITY;

  constructor(readonly text: string) {
    this.len = text.length;
  }

  /** The code unit at p (NaN past the end). */
  code(p: number): number {
    return this.text.charCodeAt(p);
  }

  /** A space, newline or tab at p, or the end of the text. */
  isEmptyAt(p: number): boolean {
    const c = this.code(p);
    return c === SP || c === NL || c === TAB || p >= this.len;
  }

  /** `- ` (or `-` at the end of a line): a block sequence entry at p. */
  isSeqItem(p: number): boolean {
    return this.code(p) === DASH && this.isEmptyAt(p + 1);
  }

  /** `---` or `...` followed by a space or the end of the line at p. */
  isMarker(p: number): boolean {
    const c = this.code(p);
    return this.code(p + 1) === c && this.code(p + 2) === c && this.isEmptyAt(p + 3);
  }

  /** Whether the last trivia run reached the end of the text (a method, so TS does not narrow lineIndent). */
  atEnd(): boolean {
    return this.lineIndent === -1;
  }

  /**
   * Claim the pending comment lines for a closing node when one is indented at least `minIndent`
   * deep: true, and the node's range ends at triviaEnd. Claimed comments are claimed once.
   */
  claimComments(minIndent: number): boolean {
    if (this.deepestComment < minIndent) return false;
    this.deepestComment = -1;
    return true;
  }

  /**
   * Skip blank and comment lines from the cursor to the next content line (or the end), leaving
   * the cursor on its first character and lineIndent set. Comment lines indented deeper than
   * `absorbAbove` that directly follow the previous value belong to it in the yaml package; the
   * returned offset is where they end (the cursor's offset on entry when there are none). The
   * other comments are left for claimComments. `atStart`: `---` may follow (skipDocumentStart).
   * Declines a tab or CR at the start of a content line, and a directive or document marker at
   * column 0 (multi-document files are the yaml package's).
   */
  skipTrivia(absorbAbove: number, atStart = false): number {
    const t = this.text;
    const len = this.len;
    let p = this.pos;
    let absorbEnd = p;
    let staying = false;
    let deepest = -1;
    let shallowest = Number.POSITIVE_INFINITY;
    for (;;) {
      const lineStart = p;
      let c = t.charCodeAt(p);
      while (c === SP) c = t.charCodeAt(++p);
      if (p >= len) {
        this.lineIndent = -1;
        break;
      }
      if (c === NL) {
        p++;
        continue;
      }
      if (c === HASH) {
        const indent = p - lineStart;
        if (indent < shallowest) shallowest = indent;
        const nl = t.indexOf('\n', p);
        p = nl < 0 ? len : nl + 1;
        if (!staying && indent > absorbAbove) absorbEnd = p;
        else {
          staying = true;
          if (indent > deepest) deepest = indent;
        }
        continue;
      }
      if (c === TAB || c === CR) decline('a tab or CR in indentation', p);
      this.lineIndent = p - lineStart;
      if (this.lineIndent === 0 && (c === PERCENT || ((c === DASH || c === DOT) && !atStart && this.isMarker(p)))) decline('a directive or a document marker (several documents)', p);
      break;
    }
    this.pos = p;
    this.triviaEnd = p;
    this.deepestComment = deepest;
    this.shallowestComment = shallowest;
    return absorbEnd;
  }

  /**
   * After a value on its line, from the cursor: spaces, an optional comment, the newline; the
   * cursor ends at the next line's start. `valueEnd`: where the value's text ends (a comment right
   * there, with no space, is declined; -1 when there is no value).
   */
  restOfLine(valueEnd: number): void {
    const t = this.text;
    let p = this.pos;
    let c = t.charCodeAt(p);
    while (c === SP) c = t.charCodeAt(++p);
    if (c === HASH) {
      if (p === valueEnd) decline('a comment not separated from its value', p);
      const nl = t.indexOf('\n', p);
      p = nl < 0 ? this.len : nl + 1;
    } else if (c === NL) p++;
    else if (p < this.len) decline('more text after a value on its line', p);
    this.pos = p;
  }

  /** The first offset at or after p that is not a space. */
  skipSpaces(p: number): number {
    while (this.code(p) === SP) p++;
    return p;
  }

  /** The end of the anchor or alias name that starts at p (p itself when there is none). */
  scanName(p: number): number {
    while (isWordChar(this.code(p))) p++;
    return p;
  }

  /**
   * Where the line of a plain scalar in block context that starts at p stops (the cursor does not
   * move): at a `:` followed by a space or the line end (the scalar was a mapping key), at the
   * space of ` #` (a comment follows), or at the newline or the end of the text. The character
   * there tells which (isKeyColon, isLineEnd); plainEnd gives where the scalar's text ends.
   * Declines tabs and CRs in it.
   */
  scanPlain(p: number): number {
    const t = this.text;
    const len = this.len;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === NL || p >= len) return p;
      if (c === SP) {
        if (t.charCodeAt(p + 1) === HASH) return p;
      } else if (c === COLON) {
        const n = t.charCodeAt(p + 1);
        if (n === SP || n === NL || n === TAB || p + 1 >= len) return p;
      } else if (c === TAB || c === CR) decline('a tab or CR in a plain scalar', p);
      p++;
    }
  }

  /** Whether a plain scalar stopped (scanPlain) at `stop` because it was a mapping key. */
  isKeyColon(stop: number): boolean {
    return this.code(stop) === COLON;
  }

  /** Whether a plain scalar stopped (scanPlain) at `stop` at the end of its line, rather than at a key's colon or a comment. */
  isLineEnd(stop: number): boolean {
    return stop >= this.len || this.code(stop) === NL;
  }

  /** Where the text of a scalar that starts at `start` and stops at `stop` ends: before the spaces in front of `stop`. */
  plainEnd(start: number, stop: number): number {
    while (stop > start && this.code(stop - 1) === SP) stop--;
    return stop;
  }

  /**
   * A plain scalar's continuation lines after its first (`first`, its line ending at the newline
   * `lineEnd`): lines indented deeper than its owner (key or dash) at column `owner`, not
   * comments. They join with a space, or with one newline per blank line between them. Returns
   * the whole text and where its last line's text ends, or undefined when the next line does not
   * continue it (most values). Declines a continuation line that holds `: ` (a multi-line implicit key).
   */
  plainContinuation(first: string, lineEnd: number, owner: number): Scanned<string> | undefined {
    const t = this.text;
    const len = this.len;
    let out: Scanned<string> | undefined;
    let q = lineEnd;
    for (;;) {
      if (q >= len) break;
      let blanks = 0;
      let p = q + 1;
      let lineStart = p;
      let c = t.charCodeAt(p);
      for (;;) {
        while (c === SP) c = t.charCodeAt(++p);
        if (c !== NL) break;
        blanks++;
        lineStart = ++p;
        c = t.charCodeAt(p);
      }
      if (p >= len || c === HASH || p - lineStart <= owner) break;
      if (c === TAB || c === CR) decline('a tab or CR in a plain scalar', p);
      const stop = this.scanPlain(p);
      if (this.isKeyColon(stop)) decline('a multi-line implicit key', stop);
      const end = this.plainEnd(p, stop);
      out ??= { value: first, end };
      out.value += (blanks ? '\n'.repeat(blanks) : ' ') + t.slice(p, end);
      out.end = end;
      if (!this.isLineEnd(stop)) break;
      q = stop;
    }
    return out;
  }

  /**
   * A single-line quoted scalar at p (the cursor does not move): its value and the offset after
   * the closing quote. In single quotes `''` is a quote; in double quotes the escapes of ESCAPES
   * and \x, \u, \U work. Declines line breaks inside, a missing closing quote, other escapes.
   */
  quoted(p: number): Scanned<string> {
    const t = this.text;
    const quote = t.charCodeAt(p);
    let out = '';
    let i = p + 1;
    let chunk = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === quote) {
        if (quote === DQUOTE || t.charCodeAt(i + 1) !== SQUOTE) break;
        out += t.slice(chunk, i + 1);
        chunk = i += 2;
        continue;
      }
      if (c === NL || c === CR || i >= this.len) decline('a quoted scalar over several lines, or unclosed', p);
      if (c === BACKSLASH && quote === DQUOTE) {
        out += t.slice(chunk, i);
        const e = t[i + 1];
        const fixed = ESCAPES[e];
        if (fixed !== undefined) {
          out += fixed;
          i += 2;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = t.substr(i + 2, n);
          if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) decline('a malformed escape', i);
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) decline('an escape beyond Unicode', i);
          out += String.fromCodePoint(cp);
          i += 2 + n;
        } else decline('an invalid or line-break escape', i);
        chunk = i;
        continue;
      }
      i++;
    }
    return { value: out + t.slice(chunk, i), end: i + 1 };
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`, indentation auto-detected) whose indicator is at the
   * cursor, in a node owned by column `indent`: its value and where its last content line ends
   * (after the newline). The cursor moves there. Trailing blank lines and comments are left to
   * the parent. Declines keep chomping (`+`), indentation indicators, an empty body, leading
   * blank lines and more-indented blank lines.
   */
  blockScalar(indent: number): Scanned<string> {
    const t = this.text;
    const start = this.pos;
    const folded = this.code(start) === GT;
    let p = start + 1;
    let strip = false;
    if (this.code(p) === DASH) {
      strip = true;
      p++;
    }
    const h = this.code(p);
    if (!(h === SP || h === NL)) decline('a block scalar header other than |, |-, >, >-', p);
    this.pos = p;
    this.restOfLine(p);
    let q = this.pos;
    if (q >= this.len) decline('an empty block scalar', q);
    let contentIndent = -1;
    let leadingBlanks = 0;
    let bodyEnd = -1;
    const lines: number[] = []; // pairs: line start, line end (without newline); -1 start for blank lines
    for (;;) {
      const lineStart = q;
      let c = t.charCodeAt(q);
      while (c === SP) c = t.charCodeAt(++q);
      const spaces = q - lineStart;
      if (q >= this.len) {
        if (spaces > 0) decline('a block scalar ending in spaces', q);
        break;
      }
      if (c === TAB || c === CR) decline('a tab or CR in a block scalar', q);
      if (c === NL) {
        if (contentIndent === -1) leadingBlanks++;
        else lines.push(-1, -1);
        if (contentIndent !== -1 && spaces > contentIndent) decline('a more-indented blank line in a block scalar', q);
        q++;
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= indent) decline('an empty block scalar', q);
        contentIndent = spaces;
        if (leadingBlanks > 0) decline('leading blank lines in a block scalar', q);
      } else if (spaces < contentIndent) {
        q = lineStart;
        break;
      }
      const nl = t.indexOf('\n', q);
      const lineEnd = nl < 0 ? this.len : nl;
      lines.push(lineStart + contentIndent, lineEnd);
      q = nl < 0 ? this.len : nl + 1;
      bodyEnd = q;
    }
    if (contentIndent === -1) decline('an empty block scalar', q);
    // Trailing blank lines are not part of the scalar.
    let n = lines.length;
    while (n > 0 && lines[n - 2] === -1) n -= 2;
    const value = (folded ? this.foldLines(lines, n) : this.literalLines(lines, n)) + (strip ? '' : '\n');
    this.pos = bodyEnd;
    return { value, end: bodyEnd };
  }

  /** A literal block scalar's lines (pairs of start, end offsets; -1 for blank lines), joined by newlines. */
  private literalLines(lines: number[], n: number): string {
    let out = '';
    for (let i = 0; i < n; i += 2) {
      if (i > 0) out += '\n';
      if (lines[i] !== -1) out += this.text.slice(lines[i], lines[i + 1]);
    }
    return out;
  }

  /** Folding: lines join with a space, blank lines become newlines, more-indented lines keep theirs. */
  private foldLines(lines: number[], n: number): string {
    const t = this.text;
    let out = '';
    let sep = '';
    let prevMore = false;
    for (let i = 0; i < n; i += 2) {
      const s = lines[i];
      if (s === -1) {
        if (sep === '\n') out += '\n';
        else sep = '\n';
        continue;
      }
      const more = t.charCodeAt(s) === SP;
      if (more) {
        if (sep === ' ') sep = '\n';
        else if (!prevMore && sep === '\n') sep = '\n\n';
        out += sep + t.slice(s, lines[i + 1]);
        sep = '\n';
        prevMore = true;
      } else {
        out += sep + t.slice(s, lines[i + 1]);
        sep = ' ';
        prevMore = false;
      }
    }
    return out;
  }

  /**
   * Spaces, comments and line breaks between flow items, from the cursor. Lines inside a flow
   * collection must be indented deeper than its owner (key or dash) at column `owner`; the closing
   * bracket of the outermost one (`level` 1) may sit at the owner's column; comment lines may sit
   * anywhere but at column 0. Declines the end of the text (unclosed).
   */
  flowGap(owner: number, level: number): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      let c = t.charCodeAt(p);
      while (c === SP) c = t.charCodeAt(++p);
      if (c === HASH) {
        // A comment must follow a space: after a value's line break the yaml package does not
        // count the break itself, so comments at column 0 are left to it as well.
        if (t.charCodeAt(p - 1) !== SP) decline('a comment in a flow collection not after a space', p);
        const nl = t.indexOf('\n', p);
        if (nl < 0) decline('an unclosed flow collection', p);
        p = nl;
        c = NL;
      }
      if (c !== NL) break;
      const lineStart = ++p;
      c = t.charCodeAt(p);
      while (c === SP) c = t.charCodeAt(++p);
      if (p >= this.len) decline('an unclosed flow collection', p);
      if (c === TAB || c === CR) decline('a tab or CR in a flow collection', p);
      const indent = p - lineStart;
      if (c === NL || c === HASH || indent > owner) continue;
      if (!(indent === owner && level === 1 && (c === RBRACKET || c === RBRACE))) decline('a flow collection line not indented deeper than its owner', p);
    }
    if (p >= this.len) decline('an unclosed flow collection', p);
    this.pos = p;
  }

  /**
   * A plain scalar inside a flow collection at p: its end (the cursor does not move). It ends on
   * its line, at a flow indicator, `: ` or ` #`; flowGap checks what follows.
   */
  scanFlowPlain(p: number): number {
    const t = this.text;
    let end = p;
    for (;;) {
      const c = t.charCodeAt(p);
      if (isFlowIndicator(c) || c === NL || p >= this.len) break;
      if (c === COLON) {
        const n = t.charCodeAt(p + 1);
        if (n === SP || isFlowIndicator(n) || n === NL || p + 1 >= this.len) break;
      } else if (c === SP) {
        if (t.charCodeAt(p + 1) === HASH) break;
        p++;
        continue;
      } else if (c === TAB || c === CR) decline('a tab or CR in a flow scalar', p);
      end = ++p;
    }
    return end;
  }
}
