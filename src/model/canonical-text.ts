/**
 * The canonical model as text, byte for byte as `docker compose config` writes it: YAML the way
 * gopkg.in/yaml.v3 encodes compose-go's types (indent 2, block sequences indented under their key,
 * Go maps in yaml.v3's key order, strings quoted only when they would read back as another type),
 * JSON the way Go's encoding/json.MarshalIndent does (map keys sorted, `<`, `>`, `&` escaped).
 *
 * Objects marked with `goMap()` are Go maps (key order is the encoder's); every other object is a
 * Go struct (key order is field order, already set by the caller).
 */
import { scalarText as textOf } from '../util/dict';

const goMaps = new WeakSet<object>();

/** Mark `o` as a Go map: its keys print in the encoder's order, not insertion order. */
export function goMap<T extends object>(o: T): T {
  goMaps.add(o);
  return o;
}

export function isGoMap(o: object): boolean {
  return goMaps.has(o);
}

/** A copy in which every object is a Go map (sorted keys): how yaml.v3 prints a map[string]any model. */
export function sortedAsMaps<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortedAsMaps) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = sortedAsMaps(x);
  return goMap(out) as T;
}

// ---- key order -------------------------------------------------------------------------------

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => /\p{L}/u.test(c);

/** yaml.v3's keyList.Less for string keys: letters after other characters, digit runs by value. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return digits ? al : bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function keysOf(o: Record<string, unknown>, sortMap: (keys: string[]) => string[]): string[] {
  const keys = Object.keys(o).filter((k) => o[k] !== undefined);
  return goMaps.has(o) ? sortMap(keys) : keys;
}

const yamlOrder = (keys: string[]): string[] => keys.sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
const jsonOrder = (keys: string[]): string[] => keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// ---- YAML ------------------------------------------------------------------------------------

type Style = 'plain' | 'single' | 'double' | 'literal';

const OLD_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const RESOLVED = new Set([
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);

/** True when yaml.v3 would read the plain scalar `s` back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVED.has(s) || OLD_BOOLS.has(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true; // base 60
  if (!/^[-+0-9.]/.test(s)) return false;
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$/.test(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  return /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)/.test(s) && isTimestamp(s);
}

function isTimestamp(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) || /^\d{4}-\d{1,2}-\d{1,2}[Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{1,2}(:\d{2})?)?$/.test(s);
}

const isPrintable = (c: string): boolean => {
  const n = c.codePointAt(0) as number;
  return n === 0x0a || (n >= 0x20 && n <= 0x7e) || n === 0x85 || (n >= 0xa0 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd && n !== 0xfeff) || (n >= 0x10000 && n <= 0x10ffff);
};

/** libyaml's yaml_emitter_analyze_scalar, reduced to the block-context answers. */
function analyze(s: string): { plain: boolean; single: boolean; block: boolean } {
  if (s === '') return { plain: false, single: true, block: false };
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const followedByBlank = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
    const precededByBlank = i === 0 || chars[i - 1] === ' ' || chars[i - 1] === '\t' || chars[i - 1] === '\n' || chars[i - 1] === '\r';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByBlank) blockIndicators = true;
    } else {
      if (c === ':' && followedByBlank) blockIndicators = true;
      if (c === '#' && precededByBlank) blockIndicators = true;
    }
    if (!isPrintable(c) || c === '\ufeff') special = true;
    if (c === '\n') lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (c === '\n') {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
  }
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
  let single = !(breakSpace || spaceBreak || special);
  const block = !(trailingSpace || spaceBreak || special);
  if (breakSpace) plain = single = false;
  return { plain, single, block };
}

function styleOf(s: string, simpleKey: boolean): Style {
  const a = analyze(s);
  if (s.includes('\n')) return a.block && !simpleKey ? 'literal' : 'double';
  if (resolvesToNonString(s)) return 'double';
  if (a.plain) return 'plain';
  return a.single ? 'single' : 'double';
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\x85': '\\N',
  '\xa0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) {
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (isPrintable(c) && c !== '\ufeff') out += c;
    else {
      const n = c.codePointAt(0) as number;
      out += n <= 0xff ? `\\x${hex(n, 2)}` : n <= 0xffff ? `\\u${hex(n, 4)}` : `\\U${hex(n, 8)}`;
    }
  }
  return `${out}"`;
}
const hex = (n: number, w: number): string => n.toString(16).toUpperCase().padStart(w, '0');

function scalarText(s: string, simpleKey: boolean, indent: number): string {
  const style = styleOf(s, simpleKey);
  if (style === 'plain') return s;
  if (style === 'single') return `'${s.replace(/'/g, "''")}'`;
  if (style === 'double') return doubleQuoted(s);
  const chomp = !s.endsWith('\n') ? '-' : s.endsWith('\n\n') || s === '\n' ? '+' : '';
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = (chomp === '' ? s.slice(0, -1) : chomp === '+' ? s.slice(0, -1) : s).split('\n');
  const pad = ' '.repeat(indent);
  return `|${indicator}${chomp}\n${body.map((l) => (l === '' ? '' : pad + l)).join('\n')}`;
}

function yamlScalar(v: unknown, indent: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return goNumber(v);
  return scalarText(textOf(v), false, indent);
}

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return v !== null && typeof v === 'object';
}
const isEmptyContainer = (v: Record<string, unknown> | unknown[]): boolean => (Array.isArray(v) ? v.length === 0 : keysOf(v, yamlOrder).length === 0);

/** A value after `key:` or `- `: inline for scalars and empty containers, else on the next lines. */
function yamlValue(v: unknown, indent: number, lines: string[], head: string, inSequence: boolean): void {
  if (!isContainer(v)) {
    const text = yamlScalar(v, indent + 2);
    lines.push(`${head} ${text}`);
    return;
  }
  if (isEmptyContainer(v)) {
    lines.push(`${head} ${Array.isArray(v) ? '[]' : '{}'}`);
    return;
  }
  if (inSequence) {
    // `- key: value` / `- - item`: the first line shares the dash, the rest align with it
    const sub: string[] = [];
    if (Array.isArray(v)) yamlSequence(v, indent + 2, sub);
    else yamlMapping(v, indent + 2, sub);
    sub[0] = `${head} ${sub[0].slice(indent + 2)}`;
    for (const item of sub) lines.push(item);
    return;
  }
  lines.push(head);
  if (Array.isArray(v)) yamlSequence(v, indent + 2, lines);
  else yamlMapping(v, indent + 2, lines);
}

function yamlMapping(o: Record<string, unknown>, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  for (const k of keysOf(o, yamlOrder)) yamlValue(o[k], indent, lines, `${pad}${scalarText(k, true, indent)}:`, false);
}

function yamlSequence(a: unknown[], indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of a) yamlValue(item === undefined ? null : item, indent, lines, `${pad}-`, true);
}

/** yaml.v3 `Encoder.SetIndent(2)` output for a document whose root is a mapping. */
export function toGoYaml(doc: Record<string, unknown>): string {
  const lines: string[] = [];
  if (isEmptyContainer(doc)) return '{}\n';
  yamlMapping(doc, 0, lines);
  return `${lines.join('\n')}\n`;
}

/** strconv.FormatFloat(f, 'g', -1, 64) for the numbers a compose model holds. */
function goNumber(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 1e-4) {
    if (Math.abs(n) < 1e21) return String(n);
  }
  return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

// ---- JSON ------------------------------------------------------------------------------------

function jsonString(s: string): string {
  let out = '"';
  for (const c of s) {
    const n = c.charCodeAt(0);
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (n < 0x20 || c === '<' || c === '>' || c === '&' || c === '\u2028' || c === '\u2029') out += `\\u${n.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function jsonValue(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'string') return jsonString(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[\n${v.map((x) => inner + jsonValue(x, inner)).join(',\n')}\n${indent}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = keysOf(o, jsonOrder);
  if (!keys.length) return '{}';
  return `{\n${keys.map((k) => `${inner}${jsonString(k)}: ${jsonValue(o[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** encoding/json.MarshalIndent(v, "", "  "), without a trailing newline (as compose prints it). */
export function toGoJson(doc: Record<string, unknown>): string {
  return jsonValue(doc, '');
}
