/**
 * `.env` / `env_file` parsing with compose-go's dotenv semantics (v2.13), quirks included:
 *
 *   KEY=value   KEY: value   export KEY=value   KEY (bare: taken from the lookup, absent otherwise)
 *   unquoted values end at the line end or at ` #`; '...' is literal (only \' is unescaped);
 *   "..." expands \n \t \\ \0ooo ... escapes, may span lines; unquoted and "..." values are
 *   interpolated, the lookup (OS env) first, then keys defined earlier.
 *
 * Error messages are compose-go's, e.g. `line 1: unexpected character "%" in variable name "%x=1"`.
 * Their line number is compose-go's running count (it can run past the offending line, e.g. for an
 * unterminated quote); `DotenvError.offset` gives the exact place of the statement.
 */
import { substitute, goQuote, unsetWarning, TemplateError } from './template';
import { setOwn } from '../util/dict';

export class DotenvError extends Error {
  /** Set by callers that know which file was parsed. */
  file?: string;
  constructor(
    message: string,
    /** 1-based line, as in compose-go's message. */
    readonly line: number,
    /** Offset (in the text given to the parser) of the statement that failed. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'DotenvError';
  }
}

/**
 * For an "unterminated quoted value" error: where the quote opens (offset, 1-based line and
 * column in `text`) and a message saying so; undefined for any other error.
 */
export function unclosedQuote(text: string, e: DotenvError): { offset: number; line: number; column: number; message: string } | undefined {
  if (!/unterminated quoted value/.test(e.message)) return undefined;
  const m = /^(?:export\s+)?([^=\s]+)\s*=\s*(["'`])/.exec(text.slice(e.offset));
  if (!m) return undefined;
  const offset = e.offset + m[0].length - 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  const column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
  return { offset, line, column, message: `unclosed quote: the value of ${m[1]} opens a ${m[2]} that is never closed` };
}

export interface DotenvWarning {
  variable: string;
  /** 1-based line of the statement whose value uses the variable. */
  line: number;
  message: string;
}

export interface DotenvParseResult {
  values: Record<string, string>;
  /** 1-based line where each key was (last) defined. */
  lines: Record<string, number>;
  warnings: DotenvWarning[];
}

type Lookup = (name: string) => string | undefined;

export function parseDotenv(text: string, lookup?: Lookup): Record<string, string> {
  return parseDotenvWithLines(text, lookup).values;
}

/** Like compose-go's ParseWithLookup: the lookup is consulted before the file's own keys. */
export function parseDotenvWithLines(text: string, lookup?: Lookup): DotenvParseResult {
  const state = new EnvState();
  parseInto(text, lookup, state);
  return state.result();
}

/** godotenv's Read/ReadWithLookup: Parse, then drop keys whose first non-space character is a digit. */
export function readDotenv(text: string, lookup?: Lookup): Record<string, string> {
  const values = parseDotenv(text, lookup);
  for (const k of Object.keys(values)) if (/^[\t\n\f\r ]*[0-9]/.test(k)) delete values[k];
  return values;
}

/**
 * compose-go's GetEnvFromFile: files in order into one map (a later file wins), the current (OS)
 * environment consulted first when expanding. The result holds the files' values only; the caller
 * lays the OS environment over it. Errors are DotenvErrors with `file` set.
 */
export function envFromFiles(files: { path: string; text: string }[], currentEnv: Record<string, string>): Record<string, string> {
  return envFromFilesWithLines(files, currentEnv).values;
}

export interface EnvFilesResult {
  values: Record<string, string>;
  /** Where each key was (last) defined. */
  definedAt: Record<string, { path: string; line: number }>;
  warnings: (DotenvWarning & { path: string })[];
}

export function envFromFilesWithLines(files: { path: string; text: string }[], currentEnv: Record<string, string>): EnvFilesResult {
  const lookup: Lookup = (k) => (Object.prototype.hasOwnProperty.call(currentEnv, k) ? currentEnv[k] : undefined);
  const state = new EnvState();
  const definedAt = new Map<string, { path: string; line: number }>();
  const warnings: (DotenvWarning & { path: string })[] = [];
  for (const f of files) {
    state.lines.clear();
    const firstWarning = state.warnings.length;
    try {
      parseInto(f.text, lookup, state);
    } catch (e) {
      if (e instanceof DotenvError) e.file = f.path;
      throw e;
    }
    for (const [k, line] of state.lines) definedAt.set(k, { path: f.path, line });
    for (const w of state.warnings.slice(firstWarning)) warnings.push({ ...w, path: f.path });
  }
  return { values: toRecord(state.values), definedAt: toRecord(definedAt), warnings };
}

// ---- the parser ---------------------------------------------------------------------------

class EnvState {
  readonly values = new Map<string, string>();
  readonly lines = new Map<string, number>();
  readonly warnings: DotenvWarning[] = [];
  result(): DotenvParseResult {
    return { values: toRecord(this.values), lines: toRecord(this.lines), warnings: this.warnings };
  }
}

/** A plain object from a map; "__proto__" stays an ordinary key. */
function toRecord<V>(m: Map<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of m) setOwn(out, k, v);
  return out;
}

const BOM = '\uFEFF';

function parseInto(input: string, lookup: Lookup | undefined, state: EnvState): void {
  const shift = input.startsWith(BOM) ? 1 : 0;
  new Parser(shift ? input.slice(1) : input, shift, lookup ?? (() => undefined), state).run();
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  if (c <= 0xff) return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
/** dotenv's isSpace: blanks that are not line breaks. */
function isBlank(c: number): boolean {
  return c === 9 || c === 11 || c === 12 || c === 13 || c === 32 || c === 0x85 || c === 0xa0;
}
/** Go regexp's \s, used by `^export\s+`. */
function isRegexpSpace(c: number): boolean {
  return c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
}
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
function isKeyChar(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95 || cp === 46 || cp === 45 || cp === 91 || cp === 93;
  }
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

function trimEndGoSpace(s: string): string {
  let e = s.length;
  while (e > 0 && isGoSpace(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

class Parser {
  private pos = 0;
  /** compose-go's running line counter (what its messages say). */
  private line = 1;
  /** True line of `lineAt`, advanced lazily for definitions and warnings. */
  private lineAt = 0;
  private trueLine = 1;

  constructor(
    private readonly text: string,
    private readonly shift: number,
    private readonly lookup: Lookup,
    private readonly state: EnvState,
  ) {}

  run(): void {
    while (this.skipToStatement()) this.statement();
  }

  private fail(message: string, at: number): never {
    throw new DotenvError(message, this.line, at + this.shift);
  }

  /** Skip blanks, line breaks and comment lines; false at the end of the text. */
  private skipToStatement(): boolean {
    const t = this.text;
    for (;;) {
      while (this.pos < t.length && isGoSpace(t.charCodeAt(this.pos))) {
        if (t.charCodeAt(this.pos) === 10) this.line++;
        this.pos++;
      }
      if (this.pos >= t.length) return false;
      if (t.charCodeAt(this.pos) !== 35 /* # */) return true;
      const nl = t.indexOf('\n', this.pos);
      if (nl === -1) return false;
      this.pos = nl;
    }
  }

  private statement(): void {
    const t = this.text;
    const start = this.pos;
    let src = start;
    if (t.startsWith('export', src) && isRegexpSpace(t.charCodeAt(src + 6))) {
      src += 6;
      while (src < t.length && isBlank(t.charCodeAt(src))) src++;
    }
    // The key runs to `=`, `:` or a line break (a bare key); without one, the key is "".
    let sep = -1;
    for (let i = src; i < t.length;) {
      const cp = t.codePointAt(i)!;
      if (cp === 61 || cp === 58 || cp === 10) {
        sep = i;
        break;
      }
      if (!isBlank(cp) && !isKeyChar(cp)) {
        const firstLine = t.slice(src, t.indexOf('\n', src) === -1 ? t.length : t.indexOf('\n', src));
        this.fail(`line ${this.line}: unexpected character ${goQuote(String.fromCodePoint(cp))} in variable name ${goQuote(firstLine)}`, start);
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (src >= t.length) this.fail('zero length string', start);
    const rawKey = sep === -1 ? '' : t.slice(src, sep);
    const bare = sep !== -1 && t.charCodeAt(sep) === 10;
    // compose-go counts a bare key's line break only when the key holds no space.
    if (bare && rawKey.indexOf(' ') === -1) this.line++;
    const key = trimEndGoSpace(rawKey);
    let v = sep === -1 ? src : sep + 1;
    while (v < t.length && isBlank(t.charCodeAt(v))) v++;
    if (key.indexOf(' ') !== -1) this.fail(`line ${this.line}: key cannot contain a space`, start);
    this.pos = v;
    if (bare) {
      const inherited = this.lookup(key);
      if (inherited !== undefined) this.define(key, inherited, start);
      return;
    }
    this.define(key, this.value(start), start);
  }

  private define(key: string, value: string, start: number): void {
    this.state.values.set(key, value);
    this.state.lines.delete(key); // keep definition order for `lines`
    this.state.lines.set(key, this.lineOf(start));
  }

  private lineOf(offset: number): number {
    const t = this.text;
    for (let i = t.indexOf('\n', this.lineAt); i !== -1 && i < offset; i = t.indexOf('\n', i + 1)) this.trueLine++;
    this.lineAt = offset;
    return this.trueLine;
  }

  /** The value at this.pos; leaves this.pos after it. */
  private value(start: number): string {
    const t = this.text;
    const q = t.charCodeAt(this.pos);
    if (q !== 34 && q !== 39) {
      let nl = t.indexOf('\n', this.pos);
      if (nl === -1) nl = t.length;
      let raw = t.slice(this.pos, nl);
      this.pos = Math.min(nl + 1, t.length);
      this.line++;
      const comment = raw.indexOf(' #');
      if (comment !== -1) raw = raw.slice(0, comment);
      return this.expand(trimEndGoSpace(raw), start);
    }
    let chars = '';
    let escaped = false;
    for (let i = this.pos + 1; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) this.line++;
      if (escaped) {
        escaped = false;
        // An escaped quote loses its backslash; any other escape is kept for later.
        chars += c === q ? t[i] : '\\' + t[i];
      } else if (c === 92 /* \ */) escaped = true;
      else if (c === q) {
        this.pos = i + 1;
        return q === 34 ? this.expand(expandEscapes(chars), start) : chars;
      } else chars += t[i];
    }
    let end = t.indexOf('\n', this.pos);
    if (end === -1) end = t.length;
    return this.fail(`line ${this.line}: unterminated quoted value ${t.slice(this.pos, end)}`, start);
  }

  /** Interpolate a value: the lookup first, then the keys defined so far. */
  private expand(value: string, start: number): string {
    if (value.indexOf('$') === -1) return value;
    const values = this.state.values;
    try {
      const r = substitute(value, (k) => this.lookup(k) ?? values.get(k));
      for (const u of r.unset) this.state.warnings.push({ variable: u.name, line: this.lineOf(start), message: unsetWarning(u.name) });
      return r.value;
    } catch (e) {
      if (e instanceof TemplateError) throw new DotenvError(e.message, this.lineOf(start), start + this.shift);
      throw e;
    }
  }
}

// ---- escapes in double-quoted values ------------------------------------------------------

const ESCAPE = /\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g;
const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/**
 * compose-go's expandEscapes: \a \b \f \n \r \t \v \" \\ as in Go, `\$` -> `$$` (a literal $ for
 * the interpolation that follows), `\0ooo` as an octal byte value. Anything Go would refuse stays
 * as written, except that a refused `\0...` loses its 0 (`\0` -> `\`), as compose-go's does.
 */
export function expandEscapes(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  return s.replace(ESCAPE, (m) => {
    const c = m[1];
    if (c === '$') return '$$';
    if (c !== '0') return SIMPLE_ESCAPES[c] ?? m; // `\c` is refused by Go
    const digits = m.slice(2);
    if (/^[0-7]{3}$/.test(digits)) {
      const code = parseInt(digits, 8);
      if (code <= 255) return String.fromCharCode(code);
    }
    return '\\' + digits;
  });
}
