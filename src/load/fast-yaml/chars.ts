/** Character codes (UTF-16 code units, as `String.prototype.charCodeAt` gives them) and classes the fast YAML reader tests. */

export const TAB = 9;
export const NL = 10;
export const CR = 13;
export const SP = 32;
export const BANG = 33;
export const DQUOTE = 34;
export const HASH = 35;
export const PERCENT = 37;
export const AMP = 38;
export const SQUOTE = 39;
export const STAR = 42;
export const COMMA = 44;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const GT = 62;
export const QUESTION = 63;
export const AT = 64;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const BACKTICK = 96;
export const LBRACE = 123;
export const PIPE = 124;
export const RBRACE = 125;

/** Characters of anchor and alias names the reader accepts (a subset of YAML's: others are declined). */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === DOT;
}

/**
 * Whether a plain scalar may start with `c` (followed by `next`) in block context. False also for
 * characters YAML allows there but the reader leaves to the slow path (`?`, `:`, `@`, backtick).
 * `next` is NaN past the end of the text.
 */
export function isPlainStart(c: number, next: number): boolean {
  switch (c) {
    case HASH:
    case AMP:
    case STAR:
    case BANG:
    case PIPE:
    case GT:
    case DQUOTE:
    case SQUOTE:
    case PERCENT:
    case AT:
    case BACKTICK:
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case QUESTION:
    case COLON:
    case TAB:
    case SP:
    case NL:
    case CR:
      return false;
    case DASH:
      return !(next === SP || next === NL || next === TAB || Number.isNaN(next));
  }
  return !Number.isNaN(c);
}

/** `,` `[` `]` `{` `}`: they end a plain scalar inside a flow collection. */
export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}
