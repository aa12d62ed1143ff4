/**
 * Variable substitution in compose values, with compose-go's `template.Substitute` semantics (v2.13):
 *
 *   $$          a literal `$`
 *   $VAR ${VAR} the value; unset -> "" plus a warning
 *   ${VAR:-d}   d when VAR is unset or empty      ${VAR-d}   d when VAR is unset
 *   ${VAR:+a}   a when VAR is set and non-empty   ${VAR+a}   a when VAR is set
 *   ${VAR:?m}   error m when VAR is unset or empty ${VAR?m}  error m when VAR is unset
 *
 * Operands (d, a, m) are templates themselves and are expanded only when used, so an unused
 * default never warns. compose-go finds expressions with a regular expression whose braced form
 * runs greedily to the last `}` of the line, then cuts it at the first balanced `}` and expands
 * the remainder on its own; the scanner below reproduces exactly that, without regexes, and keeps
 * offsets so callers can point at the `$` of each problem.
 */
import type { Origin } from '../model/origin';

export type Lookup = (name: string) => string | undefined;

export interface UnsetVariable {
  name: string;
  /** Offset of the `$` in the template given to `substitute`. */
  index: number;
  /** Offset just past the expression (`$VAR` or `${VAR}`). */
  end: number;
}

export interface SubstitutionResult {
  value: string;
  /** Variables used without a default that are not set (compose warns and uses ""). */
  unset: UnsetVariable[];
}

export type TemplateErrorKind = 'invalid' | 'required';

export class TemplateError extends Error {
  constructor(
    readonly kind: TemplateErrorKind,
    message: string,
    /** Offset of the `$` that starts the failing expression. */
    readonly index: number,
    /** Offset just past the failing expression (for `invalid`, past `${`, or its `}` on the same line). */
    readonly end: number,
    /** The (sub)template compose names in its message: for `invalid`, the innermost template that failed. */
    readonly template: string,
    /** `required` only: the variable. */
    readonly variable?: string,
    /** `required` only: the expanded message after `?`/`:?` ("" when none). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type Operator = ':?' | '?' | ':-' | '-' | ':+' | '+';
/** compose-go's list; when several occur, the one that occurs first in the text wins. */
const OPERATORS: readonly Operator[] = [':?', '?', ':-', '-', ':+', '+'];

/**
 * The operator compose applies to a braced expression: the one whose first occurrence is earliest.
 * (The substituter reads the operator right after the name, which is always that one.)
 */
export function chooseOperator(text: string): Operator | undefined {
  let best: Operator | undefined;
  let bestAt = Infinity;
  for (const op of OPERATORS) {
    const at = text.indexOf(op);
    if (at !== -1 && at < bestAt) {
      best = op;
      bestAt = at;
    }
  }
  return best;
}

export function substitute(template: string, lookup: Lookup): SubstitutionResult {
  const unset: UnsetVariable[] = [];
  if (template.indexOf('$') === -1) return { value: template, unset };
  const value = new Substituter(template, lookup, unset).expand(0, template.length);
  return { value, unset };
}

// ---- scanning -------------------------------------------------------------------------------
// Everything works on index ranges of the one top-level string: operands and remainders are
// always verbatim parts of it, so offsets come for free and nothing is sliced until needed.

const DOLLAR = 36;
const OPEN = 123; // {
const CLOSE = 125; // }
const COLON = 58;

/** [_a-z] under compose's case-insensitive pattern; Go's case folding also admits ſ and K (Kelvin). */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 0x17f || c === 0x212a;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
function isOperatorChar(c: number): boolean {
  return c === 45 /* - */ || c === 43 /* + */ || c === 63; /* ? */
}

const NONE = 0;
const ESCAPED = 1;
const NAMED = 2;
const BRACED = 3;
const INVALID = 4;

/** compose's pattern, applied at one `$` at a time; the details of the last match are kept in fields. */
class Matcher {
  kind = NONE;
  /** NAMED/BRACED: end of the name. */
  nameEnd = 0;
  /** BRACED: start of the operand (=== nameEnd when there is no operator). */
  operand = 0;
  constructor(readonly t: string) {}

  /** End of the match at t[i] (a `$`) within t[..to), or -1 for a lone `$`. */
  match(i: number, to: number): number {
    const t = this.t;
    const c = i + 1 < to ? t.charCodeAt(i + 1) : -1;
    if (c === DOLLAR) {
      this.kind = ESCAPED;
      return i + 2;
    }
    if (isNameStart(c)) {
      let j = i + 2;
      while (j < to && isNameChar(t.charCodeAt(j))) j++;
      this.kind = NAMED;
      this.nameEnd = j;
      return j;
    }
    if (c !== OPEN) return -1;
    const end = this.braced(i + 2, to);
    this.kind = end === -1 ? INVALID : BRACED;
    return end === -1 ? i + 2 : end;
  }

  /** `NAME}` or `NAME<op>...}` from `from`, the operand running greedily to the line's last `}`. */
  private braced(from: number, to: number): number {
    const t = this.t;
    if (from >= to || !isNameStart(t.charCodeAt(from))) return -1;
    let n = from + 1;
    while (n < to && isNameChar(t.charCodeAt(n))) n++;
    this.nameEnd = n;
    const c = n < to ? t.charCodeAt(n) : -1;
    if (c === CLOSE) {
      this.operand = n;
      return n + 1;
    }
    let operand: number;
    if (c === COLON && n + 1 < to && isOperatorChar(t.charCodeAt(n + 1))) operand = n + 2;
    else if (isOperatorChar(c)) operand = n + 1;
    else return -1;
    this.operand = operand;
    let lineEnd = t.indexOf('\n', operand);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    const close = t.lastIndexOf('}', lineEnd - 1);
    return close >= operand ? close + 1 : -1;
  }
}

/**
 * Index of the `}` that closes the first `{` of s[from..to), counting every `{` (and, as compose-go
 * does, skipping the character right after each `{`); -1 when unbalanced.
 */
function closingBrace(s: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === CLOSE) {
      depth--;
      if (depth === 0) return i;
    }
    if (c === OPEN) {
      depth++;
      i++;
    }
  }
  return -1;
}

// ---- substitution ---------------------------------------------------------------------------

class Substituter extends Matcher {
  constructor(
    t: string,
    private readonly lookup: Lookup,
    private readonly unset: UnsetVariable[],
  ) {
    super(t);
  }

  /**
   * Expand t[from..to) as a template of its own (compose expands operands and remainders
   * separately). Remainders are expanded in a loop with a stack of contexts, not by recursion, so
   * `${A:-x}` written thousands of times in one value needs no deep stack; operands recurse, and
   * their nesting is bounded by MAX_NESTING.
   */
  expand(from: number, to: number): string {
    if (++this.depth > MAX_NESTING) throw tooDeep(this.t, from, to);
    const t = this.t;
    const outer: { from: number; to: number }[] = [];
    let cur = { from, to };
    let out = '';
    let last = from;
    let i = t.indexOf('$', from);
    for (;;) {
      if (i === -1 || i >= cur.to) {
        out += t.slice(last, cur.to);
        last = cur.to;
        const up = outer.pop();
        if (!up) break;
        cur = up; // the remainder ended where its expression's greedy match did: go on from there
        i = t.indexOf('$', last);
        continue;
      }
      const end = this.match(i, cur.to);
      if (end === -1) {
        i = t.indexOf('$', i + 1);
        continue;
      }
      out += t.slice(last, i);
      const exprEnd = this.replaceAt(cur.from, cur.to, i, end);
      out += this.replaced;
      if (exprEnd !== end) {
        // compose expands what follows the first balanced `}` as a template of its own: t[exprEnd..end).
        outer.push(cur);
        cur = { from: exprEnd, to: end };
      }
      last = exprEnd;
      i = t.indexOf('$', exprEnd);
    }
    this.depth--;
    return out;
  }

  /** Nesting of operand expansions under way (bounded by MAX_NESTING). */
  private depth = 0;
  /** The replacement computed by the last replaceAt call. */
  private replaced = '';

  /**
   * Replace the match t[i..end) found while expanding t[from..to): sets `replaced` and returns where
   * the replaced expression ends (before `end` when compose cuts a greedy match at its first
   * balanced `}`; the caller then expands t[that..end) as a template of its own).
   */
  private replaceAt(from: number, to: number, i: number, end: number): number {
    const t = this.t;
    if (this.kind === ESCAPED) {
      this.replaced = '$';
      return end;
    }
    if (this.kind === INVALID) throw invalidTemplate(t, from, to, i);
    if (this.kind === NAMED) {
      this.replaced = this.plain(t.slice(i + 1, end), i, end);
      return end;
    }
    const close = closingBrace(t, i, end);
    const exprEnd = close === -1 ? end : close + 1;
    // Match the cut expression again, as compose does (the match details are unchanged when nothing was cut).
    if (exprEnd !== end && (this.match(i, exprEnd) === -1 || this.kind !== BRACED)) throw invalidTemplate(t, from, to, i);
    this.replaced = this.bracedValue(from, to, i, exprEnd);
    return exprEnd;
  }

  /**
   * `${NAME}` or `${NAME<op>operand}` at t[i..exprEnd). compose applies the operator that occurs
   * first in the expression, which is always the one right after the name.
   */
  private bracedValue(from: number, to: number, i: number, exprEnd: number): string {
    const t = this.t;
    const nameEnd = this.nameEnd;
    const operand = this.operand;
    const name = t.slice(i + 2, nameEnd);
    if (operand === nameEnd) return this.plain(name, i, exprEnd);
    const whenEmptyToo = operand - nameEnd === 2; // `:-`, `:+`, `:?`
    const op = t.charCodeAt(operand - 1);
    const v = this.lookup(name);
    const present = whenEmptyToo ? v !== undefined && v !== '' : v !== undefined;
    if (op === 45 /* - */) return present ? v! : this.expand(operand, exprEnd - 1);
    if (op === 43 /* + */) return present ? this.expand(operand, exprEnd - 1) : (v ?? '');
    if (present) return v!;
    throw missingRequired(t.slice(from, to), name, this.expand(operand, exprEnd - 1), i, exprEnd);
  }

  private plain(name: string, index: number, end: number): string {
    const v = this.lookup(name);
    if (v !== undefined) return v;
    this.unset.push({ name, index, end });
    return '';
  }
}

/**
 * Deepest nesting of `${VAR:-${...}}` operands expanded. compose-go has no limit (Go stacks grow);
 * real files nest a few levels, and a value nested thousands deep is refused with this error
 * instead of exhausting the stack.
 */
export const MAX_NESTING = 200;

function tooDeep(t: string, from: number, to: number): TemplateError {
  const template = t.slice(from, Math.min(to, from + 40)) + (to - from > 40 ? '…' : '');
  return new TemplateError('invalid', `Invalid template: variables nested more than ${MAX_NESTING} levels deep`, from, from + 2, template);
}

/** compose names the template being expanded, t[from..to); we point at `${...}` if its `}` is on the line, else at `${`. */
function invalidTemplate(t: string, from: number, to: number, at: number): TemplateError {
  const close = t.indexOf('}', at);
  const nl = t.indexOf('\n', at);
  const end = close !== -1 && close < to && (nl === -1 || close < nl) ? close + 1 : at + 2;
  const template = t.slice(from, to);
  return new TemplateError('invalid', `Invalid template: ${goQuote(template)}`, at, end, template);
}

function missingRequired(t: string, name: string, reason: string, at: number, end: number): TemplateError {
  const message = reason ? `required variable ${name} is missing a value: ${reason}` : `required variable ${name} is missing a value`;
  return new TemplateError('required', message, at, end, t, name, reason);
}

/** The warning compose logs for an unset variable. */
export function unsetWarning(name: string): string {
  return `The ${goQuote(name)} variable is not set. Defaulting to a blank string.`;
}

// ---- Go string quoting (compose's messages use %q / %#v) -------------------------------------

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;
const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** Go's strconv.Quote: double quotes, C-like escapes, printable Unicode kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const named = NAMED_ESCAPES[ch];
    if (named) out += named;
    else if (PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    }
  }
  return out + '"';
}

// ---- variable extraction --------------------------------------------------------------------

export interface ExtractedVariable {
  name: string;
  defaultValue?: string;
  presenceValue?: string;
  required?: boolean;
}

/**
 * Every variable a compose dict refers to, as compose-go's ExtractVariables reports it (including
 * variables nested in defaults, presence values and error messages). A variable used several times
 * is required if any use is, and keeps the first default/presence value found. Like compose-go, an
 * invalid `${` yields a variable with an empty name.
 */
export function extractVariables(value: unknown): Map<string, ExtractedVariable> {
  const found = new Map<string, ExtractedVariable>();
  collect(value, found);
  return found;
}

function collect(value: unknown, found: Map<string, ExtractedVariable>): void {
  if (typeof value === 'string') {
    if (value.indexOf('$') !== -1) for (const v of variablesIn(value)) combine(found, v);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, found);
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) collect((value as Record<string, unknown>)[k], found);
  }
}

function combine(found: Map<string, ExtractedVariable>, v: ExtractedVariable): void {
  const had = found.get(v.name);
  if (!had) {
    found.set(v.name, v);
    return;
  }
  if (v.required) had.required = true;
  if (!had.defaultValue && v.defaultValue) had.defaultValue = v.defaultValue;
  if (!had.presenceValue && v.presenceValue) had.presenceValue = v.presenceValue;
}

/**
 * Variables of one string, in compose-go's order. Remainders and operands recurse; past
 * MAX_NESTING levels the rest of the string is not searched (such a value is refused by
 * substitution anyway), so hostile input cannot exhaust the stack.
 */
function variablesIn(s: string, out: ExtractedVariable[] = [], depth = 0): ExtractedVariable[] {
  if (depth > MAX_NESTING) return out;
  const m = new Matcher(s);
  for (let i = s.indexOf('$'); i !== -1;) {
    const end = m.match(i, s.length);
    if (end === -1) {
      i = s.indexOf('$', i + 1);
      continue;
    }
    if (m.kind !== ESCAPED) {
      let val = m.kind === NAMED ? s.slice(i + 1, end) : m.kind === BRACED ? s.slice(i + 2, end - 1) : '';
      if (m.kind !== NAMED) {
        const close = closingBrace(s, i, end);
        if (close > i) {
          val = s.slice(i + 2, close);
          variablesIn(s.slice(close + 1, end), out, depth + 1);
        }
      }
      describe(val, out, depth);
    }
    i = s.indexOf('$', end);
  }
  return out;
}

/** `NAME<op>operand` -> the variable plus any variables nested in the operand. */
function describe(val: string, out: ExtractedVariable[], depth: number): void {
  let cut = 0;
  while (cut < val.length && isAsciiNameChar(val.charCodeAt(cut))) cut++;
  if (cut === 0 || cut === val.length) {
    out.push({ name: val });
    return;
  }
  const v: ExtractedVariable = { name: val.slice(0, cut) };
  const rest = val.slice(cut);
  const op = (['?', '-', '+'] as const).find((o) => rest.startsWith(':' + o) || rest.startsWith(o));
  let operand = '';
  if (op) {
    operand = rest.slice(rest.startsWith(':') ? 2 : 1);
    if (op === '?') v.required = true;
    else if (operand !== '' && op === '-') v.defaultValue = operand;
    else if (operand !== '' && op === '+') v.presenceValue = operand;
  }
  out.push(v);
  if (operand.indexOf('$') !== -1) variablesIn(operand, out, depth + 1);
}

function isAsciiNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * True when the text at `origin` uses a variable that is unset without a default (it became ""),
 * or one whose interpolation failed: the value on disk says nothing about the value at run time.
 */
export function writtenWithUnknownVariable(origin: Origin | undefined, env: Record<string, string>): boolean {
  if (!origin) return false;
  const text = origin.source.text.slice(origin.start, origin.end);
  if (!text.includes('$')) return false;
  try {
    return substitute(text, (name) => env[name]).unset.length > 0;
  } catch (e) {
    if (e instanceof TemplateError) return true;
    throw e;
  }
}
