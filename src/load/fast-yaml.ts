/**
 * A fast path for the YAML that compose files are made of: one hand-written pass over the text
 * that builds the same plain values, origins and merge tags as the `yaml`-package path in parse.ts.
 *
 * It knows a subset: block mappings and sequences (with `- key: value` compact mappings), plain
 * scalars (also over several lines), single-line quoted scalars, flow collections (also over
 * several lines), `|`/`>` block scalars with clip or strip chomping, comments, one document,
 * anchors/aliases/merge keys, the `!reset`/`!override` tags. Outside it, or on anything doubtful
 * (errors included), fastParse returns undefined and the `yaml` path runs and reports exact errors.
 *
 * The origins must match the slow path to the offset, including the end of every mapping and
 * sequence. The `yaml` package ends a collection where its last value's trailing comments end, so
 * this scanner follows the same rules for comment lines between values (see scanTrivia/close). */
import { SourceFile } from '../model/source';
import { Origin, keyOriginOf, originOf, selfOrigin, setKeyOrigin, setOrigin, setSelfOrigin } from '../model/origin';
import { MergeTag, hasMergeTags, mergeTagOf, setMergeTag } from './tags';
import { ALIAS_EXPANSION_FACTOR, MAX_DEPTH, MIN_ALIAS_EXPANSION } from './limits';
import { setOwn } from '../util/dict';

/**
 * Values parsed by the fast path, or undefined when the text is outside its subset.
 * @param strict rethrow unexpected exceptions instead of declining (tests use it, so a bug in the
 *   fast path fails a test rather than silently costing the slow path)
 */
export function fastParse(source: SourceFile, strict = false): Record<string, unknown>[] | undefined {
  const text = source.text;
  // CR line ends and a BOM anywhere (the yaml package skips one at any line start) change
  // offsets and keys in ways the scanner does not model.
  if (text.indexOf('\r') !== -1 || text.indexOf('\ufeff') !== -1) return undefined;
  try {
    return [new FastYaml(source).document()];
  } catch (e) {
    // BAIL, or anything unexpected (a stack overflow on absurd input): the yaml package decides.
    if (strict && e !== BAIL) throw e;
    return undefined;
  }
}

const BAIL = new Error('outside the fast YAML subset');
function bail(): never {
  throw BAIL;
}

const TAB = 9,
  NL = 10,
  CR = 13,
  SP = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  PERCENT = 37,
  AMP = 38,
  SQUOTE = 39;
const STAR = 42,
  COMMA = 44,
  DASH = 45,
  DOT = 46,
  COLON = 58,
  GT = 62,
  QUESTION = 63,
  AT = 64;
const LBRACKET = 91,
  BACKSLASH = 92,
  RBRACKET = 93,
  BACKTICK = 96,
  LBRACE = 123,
  PIPE = 124,
  RBRACE = 125;

/** What ended a plain scalar in block context: its line, a comment, or `: ` (it was a key). */
const STOP_LINE = 0;
const STOP_COMMENT = 1;
const STOP_COLON = 2;

/** No comment is absorbed into the previous value (empty values, block scalars). */
const NO_ABSORB = Number.POSITIVE_INFINITY;
/** Structural nesting accepted; deeper files are left to the slow path (its limit is MAX_DEPTH). */
const MAX_FAST_DEPTH = 100;
/** Keys longer than this may hit the yaml package's 1024-character implicit-key rule. */
const MAX_KEY_LENGTH = 1000;

interface Anchor {
  value: unknown;
  /** Nodes the slow path converts each time an alias to this node is expanded. */
  cost: number;
  /** Depth of the deepest node below this one (aliases inside included). */
  height: number;
}

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

// YAML 1.2 core schema, in the order the yaml package tries them.
const CORE_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value of a non-empty plain scalar under the YAML 1.2 core schema. */
export function plainScalarValue(raw: string): string | number | boolean | null {
  const c = raw.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    // Most compose values are words; only null/true/false spellings are not strings.
    switch (raw) {
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
    }
    return raw;
  }
  if (raw === '~') return null;
  if (!((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT)) return raw;
  if (CORE_OCT.test(raw)) return parseInt(raw.substring(2), 8);
  if (CORE_INT.test(raw)) return parseInt(raw, 10);
  if (CORE_HEX.test(raw)) return parseInt(raw.substring(2), 16);
  if (CORE_INF_NAN.test(raw)) {
    if (raw.slice(-3).toLowerCase() === 'nan') return NaN;
    return raw.charCodeAt(0) === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (CORE_EXP.test(raw) || CORE_FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === DOT;
}

/** Characters a plain scalar may not start with in block context (or that we leave to the slow path). */
function isPlainStart(c: number, next: number): boolean {
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

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

class FastYaml {
  private readonly text: string;
  private readonly len: number;
  private pos = 0;
  /** Indentation of the content line the scanner stands on; -1 at the end of the input. */
  private lineIndent = -1;
  /** Deepest comment among the trivia after the last value that no collection has claimed yet (-1: none). */
  private trailComment = -1;
  /** Where those trivia end: the start of the next content token, or the end of the input. */
  private trailEnd = 0;
  /** Indentation of the least indented comment line in those trivia. */
  private shallowComment = Number.POSITIVE_INFINITY;
  /** The `yaml` package's range[2] of the node just parsed: where its parent's range ends if it is last. */
  private nodeEnd = 0;
  /** Result of the last plain-scalar scan: what stopped it. */
  private stop = 0;
  private stopAt = 0;
  /** Where the last plain scan met the end of its line. */
  private stopLine = 0;
  /** Multi-line plain scalars: the end of the last line. */
  private foldedEnd = 0;
  /** End of the last quoted scalar (or flow-collection scalar) scanned. */
  private scalarEnd = 0;
  /** The last mapping key: end of its text, and whether it is a merge key. */
  private keyEnd = 0;
  private keyIsMerge = false;

  /**
   * What the value just parsed needs in its container besides itself: the origin stored for its
   * slot (scalars and aliases; containers are found by their self origin) and its merge tag.
   * Kept in fields rather than a returned object: one fewer allocation per value.
   */
  private slotOrigin: Origin | undefined;
  private slotTag: MergeTag | undefined;

  private readonly anchors = new Map<string, Anchor | null>();
  /** Containers that are alias expansions: their slots carry the alias's origin, as in the slow path. */
  private readonly aliasBorn = new Set<object>();
  /** Nodes written in the file (the slow path's yardstick for alias expansion). */
  private written = 0;
  /** Running sum of conversion costs, so an anchored node's cost is a difference. */
  private cost = 0;
  /** Nodes the slow path would convert through aliases. */
  private expanded = 0;
  private readonly expansionCap: number;
  /** Deepest depth the slow path's converter would reach. */
  private reach = 0;

  constructor(private readonly source: SourceFile) {
    this.text = source.text;
    this.len = source.text.length;
    // A file never has more than ~2 nodes per character; past this the slow path refuses it anyway.
    this.expansionCap = Math.max(MIN_ALIAS_EXPANSION, ALIAS_EXPANSION_FACTOR * 2 * this.len);
  }

  private code(p: number): number {
    return this.text.charCodeAt(p);
  }

  private origin(start: number, end: number): Origin {
    return { source: this.source, start, end };
  }

  document(): Record<string, unknown> {
    this.skipDocumentStart();
    if (this.lineIndent !== 0 || this.isSeqItem(this.pos)) bail();
    const root = this.blockMap(0, 0);
    if (!this.atEnd()) bail();
    if (this.expanded > Math.max(MIN_ALIAS_EXPANSION, ALIAS_EXPANSION_FACTOR * this.written)) bail();
    if (this.reach > MAX_DEPTH / 2) bail();
    return root;
  }

  /** Leading comments and at most one `---` line. */
  private skipDocumentStart(): void {
    this.scanTrivia(NO_ABSORB, true);
    const p = this.pos;
    if (this.lineIndent === 0 && this.isMarker(p)) {
      if (this.code(p) !== DASH) bail(); // `...`
      this.pos = p + 3;
      this.restOfLine(p + 3);
      this.scanTrivia(NO_ABSORB, false);
    }
  }

  private isEmptyAt(p: number): boolean {
    const c = this.code(p);
    return c === SP || c === NL || c === TAB || p >= this.len;
  }

  private isSeqItem(p: number): boolean {
    return this.code(p) === DASH && this.isEmptyAt(p + 1);
  }

  /**
   * Skip blank and comment lines up to the next content line (or the end), standing on its first
   * character. Comment lines indented deeper than `absorbAbove` that follow the previous value
   * (before any other comment) belong to that value in the yaml package; the returned offset is
   * where they end. The remaining comments are remembered for `close`.
   */
  private scanTrivia(absorbAbove: number, atStart = false): number {
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
      if (c === TAB || c === CR) bail();
      this.lineIndent = p - lineStart;
      // Document markers and directives: multi-document files are the slow path's job.
      if (this.lineIndent === 0 && (c === PERCENT || ((c === DASH || c === DOT) && !atStart && this.isMarker(p)))) bail();
      break;
    }
    this.pos = p;
    this.trailEnd = p;
    this.trailComment = deepest;
    this.shallowComment = shallowest;
    return absorbEnd;
  }

  /** Whether the last trivia scan reached the end of the input (a method, so TS does not narrow it). */
  private atEnd(): boolean {
    return this.lineIndent === -1;
  }

  private isMarker(p: number): boolean {
    const c = this.code(p);
    return this.code(p + 1) === c && this.code(p + 2) === c && this.isEmptyAt(p + 3);
  }

  /** After a value on its line: spaces, an optional comment, the newline. */
  private restOfLine(valueEnd: number): void {
    const t = this.text;
    let p = this.pos;
    let c = t.charCodeAt(p);
    while (c === SP) c = t.charCodeAt(++p);
    if (c === HASH) {
      if (p === valueEnd) bail(); // a comment must be separated from the value
      const nl = t.indexOf('\n', p);
      p = nl < 0 ? this.len : nl + 1;
    } else if (c === NL) p++;
    else if (p < this.len) bail();
    this.pos = p;
  }

  /**
   * A collection closes (its line dedents or the input ends). The yaml package keeps the pending
   * comment lines in the innermost closing collection that has one indented at least as deep as its
   * own items (never at the top level), and ends its range[2] there; otherwise they move outward.
   */
  private close(indent: number, end: number): void {
    if (indent > 0 && this.trailComment >= indent) {
      this.nodeEnd = this.trailEnd;
      this.trailComment = -1;
    } else this.nodeEnd = end;
  }

  private slot(value: unknown, origin: Origin | undefined, tag: MergeTag | undefined): unknown {
    this.slotOrigin = origin;
    this.slotTag = tag;
    return value;
  }

  private touch(depth: number): void {
    if (depth > this.reach) this.reach = depth;
  }

  /** A node the slow path converts: it counts as written, costs one when expanded, reaches its depth. */
  private countNode(depth: number): void {
    this.written++;
    this.cost++;
    this.touch(depth);
  }

  /** The start of a mapping or sequence at this.pos, counted as a node. */
  private openContainer(depth: number): number {
    if (depth > MAX_FAST_DEPTH) bail();
    this.countNode(depth);
    return this.pos;
  }

  // ---- block collections ----

  private blockMap(indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const start = this.openContainer(depth);
    let merges: Anchor[] | undefined;
    for (;;) {
      const keyStart = this.pos;
      const key = this.mapKey();
      const keyEnd = this.keyEnd;
      this.written++;
      this.pos = this.stopAt + 1; // past the ':'
      if (this.keyIsMerge) {
        if (merges) bail(); // a second `<<` in one mapping is reported by the slow path
        merges = [];
        for (const m of this.mergeValue(indent, depth)) merges.push(m);
      } else {
        if (hasOwn(map, key)) bail(); // duplicate keys are reported by the slow path
        setOwn(map, key, this.mapValue(indent, depth + 1));
        setKeyOrigin(map, key, this.origin(keyStart, keyEnd));
        if (this.slotOrigin) setOrigin(map, key, this.slotOrigin);
        if (this.slotTag) setMergeTag(map, key, this.slotTag);
      }
      const end = this.nodeEnd;
      if (this.lineIndent !== indent || this.isSeqItem(this.pos)) {
        if (this.lineIndent >= indent) bail();
        if (merges) this.applyMerges(map, merges);
        setSelfOrigin(map, this.origin(start, end));
        this.close(indent, end);
        return map;
      }
    }
  }

  private blockSeq(indent: number, depth: number): unknown[] {
    const seq: unknown[] = [];
    const start = this.openContainer(depth);
    for (;;) {
      const dash = this.pos;
      let p = dash + 1;
      if (this.code(p) === SP) while (this.code(p) === SP) p++;
      else if (this.code(p) !== NL && p < this.len) bail(); // tabs
      this.pos = p;
      const i = seq.length;
      seq.push(this.seqItem(indent, indent + (p - dash), depth + 1));
      if (this.slotOrigin) setOrigin(seq, i, this.slotOrigin);
      if (this.slotTag) setMergeTag(seq, i, this.slotTag);
      const end = this.nodeEnd;
      if (this.lineIndent !== indent || !this.isSeqItem(this.pos)) {
        // A key at the same indentation ends a sequence nested in a mapping without indentation.
        if (this.lineIndent > indent) bail();
        setSelfOrigin(seq, this.origin(start, end));
        this.close(indent, end);
        return seq;
      }
    }
  }

  /** A mapping key at this.pos: sets keyEnd (end of its text), stopAt (its ':') and keyIsMerge. */
  private mapKey(): string {
    const p = this.pos;
    const c = this.code(p);
    let key: string;
    if (c === DQUOTE || c === SQUOTE) {
      key = this.quoted(p);
      this.keyEnd = this.scalarEnd;
      let q = this.keyEnd;
      while (this.code(q) === SP) q++;
      if (this.code(q) !== COLON || !this.isEmptyAt(q + 1)) bail();
      this.stopAt = q;
      this.keyIsMerge = false;
    } else {
      if (c === DASH || !isPlainStart(c, this.code(p + 1))) bail();
      this.keyEnd = this.scanPlain(p);
      if (this.stop !== STOP_COLON) bail();
      const raw = this.text.slice(p, this.keyEnd);
      // Only a plain `<<` is a merge key.
      this.keyIsMerge = raw === '<<';
      const v = plainScalarValue(raw);
      key = v === null ? 'null' : String(v);
    }
    if (this.stopAt - p > MAX_KEY_LENGTH) bail();
    return key;
  }

  /** The value after `key:`; pos is just past the ':'. */
  private mapValue(indent: number, depth: number): unknown {
    let p = this.pos;
    while (this.code(p) === SP) p++;
    this.pos = p;
    const c = this.code(p);
    if (c === AMP || c === BANG) return this.withProps(indent, depth, true);
    if (c === NL || c === HASH || p >= this.len) return this.valueBelow(indent, depth, true, false, undefined);
    return this.inlineValue(indent, depth, undefined);
  }

  /**
   * Nothing but props or a comment after `key:` or `-`: the value is a block collection, scalar or
   * flow collection on the lines below (a mapping's sequence may sit at the key's column), or, for
   * a mapping, an empty scalar.
   */
  private valueBelow(indent: number, depth: number, inMap: boolean, props: boolean, tag: MergeTag | undefined): unknown {
    const emptyAt = this.pos;
    const commentOnLine = this.code(emptyAt) === HASH;
    this.restOfLine(-1);
    this.scanTrivia(NO_ABSORB);
    const p = this.pos;
    if (this.lineIndent > indent || (inMap && this.lineIndent === indent && this.isSeqItem(p))) {
      if (this.isSeqItem(p)) return this.slot(this.blockSeq(this.lineIndent, depth), undefined, tag);
      if (this.startsKey(p)) return this.slot(this.blockMap(this.lineIndent, depth), undefined, tag);
      const c = this.code(p);
      if (c === PIPE || c === GT || (props && c === STAR)) bail();
      // A comment line at or left of the owner's column can lower the yaml lexer's bar for
      // continuing a plain scalar below it; leave those files to the slow path.
      if (this.shallowComment <= indent) bail();
      return this.inlineValue(indent, depth, tag);
    }
    if (!inMap) bail(); // empty sequence items
    // The empty scalar sits after ':' (or the props) and their spaces; its range[2] reaches past any
    // comment that follows it (the yaml package keeps those comments with the empty value).
    this.countNode(depth);
    this.nodeEnd = commentOnLine || this.trailComment >= 0 ? this.trailEnd : emptyAt;
    this.trailComment = -1;
    // A tagged empty scalar resolves through the tag, which keeps the (empty) source text.
    return this.slot(tag ? '' : null, this.origin(emptyAt, emptyAt), tag);
  }

  /** A sequence item after `- `: a compact mapping or a value. */
  private seqItem(indent: number, column: number, depth: number): unknown {
    const p = this.pos;
    const c = this.code(p);
    if (c === AMP || c === BANG) return this.withProps(indent, depth, false);
    if (c === NL || c === HASH || p >= this.len) return this.valueBelow(indent, depth, false, false, undefined);
    if (this.isSeqItem(p)) bail(); // `- - x`
    if (this.startsKey(p)) return this.slot(this.blockMap(column, depth), undefined, undefined);
    return this.inlineValue(indent, depth, undefined);
  }

  /** Whether a scalar at p is followed by `: ` (a compact mapping's first key). */
  private startsKey(p: number): boolean {
    const c = this.code(p);
    if (c === DQUOTE || c === SQUOTE) {
      this.quoted(p);
      let q = this.scalarEnd;
      while (this.code(q) === SP) q++;
      return this.code(q) === COLON && this.isEmptyAt(q + 1);
    }
    if (!isPlainStart(c, this.code(p + 1))) return false;
    this.scanPlain(p);
    return this.stop === STOP_COLON;
  }

  /** Anchor and/or merge tag before a value. */
  private withProps(indent: number, depth: number, inMap: boolean): unknown {
    let anchor: string | undefined;
    let tag: MergeTag | undefined;
    let p = this.pos;
    for (;;) {
      const c = this.code(p);
      if (c === AMP && anchor === undefined) {
        const s = ++p;
        while (isWordChar(this.code(p))) p++;
        if (p === s) bail();
        anchor = this.text.slice(s, p);
      } else if (c === BANG && tag === undefined) {
        if (this.text.startsWith('!reset', p)) tag = 'reset';
        else if (this.text.startsWith('!override', p)) tag = 'override';
        else bail();
        p += tag.length + 1;
      } else break;
      if (!this.isEmptyAt(p) || this.code(p) === TAB) bail();
      while (this.code(p) === SP) p++;
    }
    this.pos = p;
    const c = this.code(p);
    const atLineEnd = c === NL || c === HASH || p >= this.len;
    if (anchor !== undefined) this.anchors.set(anchor, null); // aliases inside their own anchor: slow path
    const cost0 = this.cost;
    const reach0 = this.reach;
    this.reach = depth;
    let value: unknown;
    if (atLineEnd) value = this.valueBelow(indent, depth, inMap, true, tag);
    else {
      if (c === STAR || c === PIPE || c === GT) bail();
      if (!inMap && this.startsKey(p)) bail(); // `- &a key: v` anchors the key
      value = this.inlineValue(indent, depth, tag);
    }
    if (anchor !== undefined) {
      // Redefined inside its own node (`0: &z\n- &z y`): later aliases mean the inner node.
      if (this.anchors.get(anchor) !== null) bail();
      this.anchors.set(anchor, { value, cost: this.cost - cost0, height: this.reach - depth });
    }
    if (reach0 > this.reach) this.reach = reach0;
    return value; // slotOrigin and slotTag are still those of the value
  }

  /** A value that starts on the current line: scalar, alias, flow collection or block scalar. */
  private inlineValue(indent: number, depth: number, tag: MergeTag | undefined): unknown {
    const p = this.pos;
    const c = this.code(p);
    let value: unknown;
    let origin: Origin | undefined;
    let end: number;
    if (c === PIPE || c === GT) return this.blockScalar(indent, depth);
    if (c === STAR) {
      const target = this.alias(p, depth);
      end = this.pos;
      value = this.expand(target.value);
      origin = this.origin(p, end);
      this.written++;
      this.cost += 1 + target.cost;
    } else if (c === LBRACKET || c === LBRACE) {
      value = c === LBRACKET ? this.flowSeq(depth, indent, 1) : this.flowMap(depth, indent, 1);
      end = this.pos;
    } else {
      if (c === DQUOTE || c === SQUOTE) {
        const s = this.quoted(p);
        end = this.scalarEnd;
        value = s;
        const n = this.code(end);
        if (!(n === SP || n === NL || end >= this.len)) bail();
      } else {
        if (!isPlainStart(c, this.code(p + 1))) bail();
        end = this.scanPlain(p);
        if (this.stop === STOP_COLON) bail(); // `a: b: c`
        let raw = this.text.slice(p, end);
        if (this.stop === STOP_LINE) {
          raw = this.plainContinuation(raw, end, indent);
          end = this.foldedEnd;
        }
        value = tag ? raw : plainScalarValue(raw);
      }
      origin = this.origin(p, end);
      this.countNode(depth);
    }
    this.pos = end;
    this.restOfLine(end);
    this.nodeEnd = this.scanTrivia(indent);
    return this.slot(value, origin, tag);
  }

  /** `*name`: the anchored node; pos ends after the name. */
  private alias(p: number, depth: number): Anchor {
    let q = p + 1;
    while (isWordChar(this.code(q))) q++;
    if (q === p + 1) bail();
    const target = this.anchors.get(this.text.slice(p + 1, q));
    if (!target) bail(); // unknown, or used inside its own anchor
    this.pos = q;
    this.expanded += target.cost;
    if (this.expanded > this.expansionCap) bail();
    this.touch(depth + 1 + target.height);
    return target;
  }

  /** A fresh copy of an anchored value, with the origins and merge tags the slow path would give it. */
  private expand(v: unknown): unknown {
    const copy = this.clone(v);
    if (copy !== null && typeof copy === 'object') this.aliasBorn.add(copy);
    return copy;
  }

  private clone(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      setSelfOrigin(out, selfOrigin(v));
      const tagged = hasMergeTags(v);
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        const cx = this.clone(x);
        out.push(cx);
        this.copySlot(out, i, v, x, cx, tagged);
      }
      return out;
    }
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    setSelfOrigin(out, selfOrigin(src));
    const tagged = hasMergeTags(src);
    for (const key of Object.keys(src)) {
      const x = src[key];
      const cx = this.clone(x);
      setOwn(out, key, cx);
      setKeyOrigin(out, key, keyOriginOf(src, key));
      this.copySlot(out, key, src, x, cx, tagged);
    }
    return out;
  }

  /** Slot origin and merge tag of src[key] onto dst[key]; containers have a slot origin only when an alias put them there. */
  private copySlot(dst: object, key: string | number, src: object, x: unknown, cx: unknown, tagged: boolean): void {
    if (x === null || typeof x !== 'object') setOrigin(dst, key, originOf(src, key));
    else if (this.aliasBorn.has(x)) {
      setOrigin(dst, key, originOf(src, key));
      this.aliasBorn.add(cx as object);
    }
    if (tagged) {
      const t = mergeTagOf(src, key);
      if (t) setMergeTag(dst, key, t);
    }
  }

  /** `<<: *a`, `<<: [*a, *b]` or a block sequence of aliases; returns the anchored mappings. */
  private mergeValue(indent: number, depth: number): Anchor[] {
    let p = this.pos;
    while (this.code(p) === SP) p++;
    this.pos = p;
    const c = this.code(p);
    const sources: Anchor[] = [];
    if (c === STAR) {
      sources.push(this.mergeAlias(depth));
      const end = this.pos;
      this.restOfLine(end);
      this.nodeEnd = this.scanTrivia(indent);
    } else if (c === LBRACKET) {
      this.written++;
      this.pos = p + 1;
      for (;;) {
        this.skipFlowSpaces();
        if (this.code(this.pos) !== STAR) bail();
        sources.push(this.mergeAlias(depth));
        this.skipFlowSpaces();
        const d = this.code(this.pos++);
        if (d === RBRACKET) break;
        if (d !== COMMA) bail();
      }
      const end = this.pos;
      this.restOfLine(end);
      this.nodeEnd = this.scanTrivia(indent);
    } else if (c === NL || c === HASH) {
      this.restOfLine(-1);
      this.scanTrivia(NO_ABSORB);
      const seqIndent = this.lineIndent;
      if (seqIndent < indent || !this.isSeqItem(this.pos)) bail();
      this.written++;
      for (;;) {
        let q = this.pos + 1;
        while (this.code(q) === SP) q++;
        this.pos = q;
        if (this.code(q) !== STAR) bail();
        sources.push(this.mergeAlias(depth));
        const end = this.pos;
        this.restOfLine(end);
        this.nodeEnd = this.scanTrivia(seqIndent);
        if (this.lineIndent !== seqIndent || !this.isSeqItem(this.pos)) {
          if (this.lineIndent > seqIndent) bail();
          this.close(seqIndent, this.nodeEnd);
          break;
        }
      }
    } else bail();
    return sources;
  }

  /** One alias in a merge key's value: counted as the slow path converts it (the target, not the alias). */
  private mergeAlias(depth: number): Anchor {
    const target = this.alias(this.pos, depth);
    if (target.value === null || typeof target.value !== 'object' || Array.isArray(target.value)) bail();
    this.written++;
    this.cost += target.cost;
    return target;
  }

  /** Merge keys: explicit keys win; among several sources the earlier one wins. */
  private applyMerges(map: Record<string, unknown>, sources: Anchor[]): void {
    for (const src of sources) {
      const from = src.value as Record<string, unknown>;
      const tagged = hasMergeTags(from);
      for (const key of Object.keys(from)) {
        if (hasOwn(map, key)) continue;
        const x = from[key];
        const cx = this.clone(x);
        setOwn(map, key, cx);
        setKeyOrigin(map, key, keyOriginOf(from, key));
        this.copySlot(map, key, from, x, cx, tagged);
      }
    }
  }

  // ---- scalars ----

  /**
   * A plain scalar in block context from p; returns its end (after the last non-space character)
   * and leaves in this.stop what ended it: end of line, a comment, or `: ` at this.stopAt.
   */
  private scanPlain(p: number): number {
    const t = this.text;
    const len = this.len;
    let end = p;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === NL || p >= len) {
        this.stop = STOP_LINE;
        this.stopLine = p;
        break;
      }
      if (c === SP) {
        if (t.charCodeAt(p + 1) === HASH) {
          this.stop = STOP_COMMENT;
          break;
        }
        p++;
        continue;
      }
      if (c === COLON) {
        const n = t.charCodeAt(p + 1);
        if (n === SP || n === NL || n === TAB || p + 1 >= len) {
          this.stop = STOP_COLON;
          this.stopAt = p;
          break;
        }
      } else if (c === TAB || c === CR) bail();
      end = ++p;
    }
    return end;
  }

  /**
   * Lines of a plain scalar that continue it: more indented than its owner (key or dash), not
   * comments. They join with a space, or with one newline per blank line between them.
   * Sets foldedEnd to the end of the last continuation line.
   */
  private plainContinuation(first: string, firstEnd: number, owner: number): string {
    const t = this.text;
    const len = this.len;
    let out = first;
    this.foldedEnd = firstEnd;
    let q = this.stopLine; // the newline that ended the first line
    for (;;) {
      if (q >= len) return out;
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
      if (p >= len || c === HASH || p - lineStart <= owner) return out;
      if (c === TAB || c === CR) bail();
      const end = this.scanPlain(p);
      if (this.stop === STOP_COLON) bail(); // a multi-line implicit key
      out += (blanks ? '\n'.repeat(blanks) : ' ') + t.slice(p, end);
      this.foldedEnd = end;
      if (this.stop === STOP_COMMENT) return out;
      q = this.stopLine;
    }
  }

  /**
   * A single-line quoted scalar at p; this.scalarEnd is after the closing quote. In single quotes
   * `''` is a quote; in double quotes the escapes of ESCAPES and \x, \u, \U work.
   */
  private quoted(p: number): string {
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
      if (c === NL || c === CR || i >= this.len) bail();
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
          if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) bail();
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) bail();
          out += String.fromCodePoint(cp);
          i += 2 + n;
        } else bail(); // invalid escapes, escaped line breaks
        chunk = i;
        continue;
      }
      i++;
    }
    this.scalarEnd = i + 1;
    return out + t.slice(chunk, i);
  }

  /**
   * `|`, `|-`, `>`, `>-` with auto-detected indentation. Its range ends after its last content
   * line; trailing blank lines and comments are trivia of the parent (no comment is absorbed).
   */
  private blockScalar(indent: number, depth: number): unknown {
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
    if (!(h === SP || h === NL)) bail(); // keep (+), indentation indicators, header garbage, EOF
    this.pos = p;
    this.restOfLine(p);
    let q = this.pos;
    if (q >= this.len) bail();
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
        if (spaces > 0) bail();
        break;
      }
      if (c === TAB || c === CR) bail();
      if (c === NL) {
        if (contentIndent === -1) leadingBlanks++;
        else lines.push(-1, -1);
        if (contentIndent !== -1 && spaces > contentIndent) bail(); // more-indented blank lines
        q++;
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= indent) bail(); // empty block scalar
        contentIndent = spaces;
        if (leadingBlanks > 0) bail(); // keep leading blank lines to the slow path
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
    if (contentIndent === -1) bail();
    // Trailing blank lines are not part of the scalar.
    let n = lines.length;
    while (n > 0 && lines[n - 2] === -1) n -= 2;
    const value = (folded ? this.foldLines(lines, n) : this.literalLines(lines, n)) + (strip ? '' : '\n');
    this.countNode(depth);
    this.pos = bodyEnd;
    this.nodeEnd = bodyEnd;
    this.scanTrivia(NO_ABSORB);
    return this.slot(value, this.origin(start, bodyEnd), undefined);
  }

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

  // ---- flow collections ----

  private skipFlowSpaces(): void {
    let p = this.pos;
    while (this.code(p) === SP) p++;
    this.pos = p;
  }

  /**
   * Spaces, comments and line breaks between flow items. Lines inside a flow collection must be
   * indented deeper than its owner (key or dash); the closing bracket of the outermost one may sit
   * at the owner's column; comment lines may sit anywhere but at column 0.
   */
  private flowGap(owner: number, level: number): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      let c = t.charCodeAt(p);
      while (c === SP) c = t.charCodeAt(++p);
      if (c === HASH) {
        // A comment must follow a space: after a value's line break the yaml package does not
        // count the break itself, so comments at column 0 are left to it as well.
        if (t.charCodeAt(p - 1) !== SP) bail();
        const nl = t.indexOf('\n', p);
        if (nl < 0) bail(); // unclosed
        p = nl;
        c = NL;
      }
      if (c !== NL) break;
      const lineStart = ++p;
      c = t.charCodeAt(p);
      while (c === SP) c = t.charCodeAt(++p);
      if (p >= this.len) bail(); // unclosed
      if (c === TAB || c === CR) bail();
      const indent = p - lineStart;
      if (c === NL || c === HASH || indent > owner) continue;
      if (!(indent === owner && level === 1 && (c === RBRACKET || c === RBRACE))) bail();
    }
    if (p >= this.len) bail();
    this.pos = p;
  }

  private flowSeq(depth: number, owner: number, level: number): unknown[] {
    const seq: unknown[] = [];
    const start = this.openContainer(depth);
    this.pos++;
    this.flowGap(owner, level);
    if (this.code(this.pos) !== RBRACKET) {
      for (;;) {
        const value = this.flowValue(depth + 1, owner, level);
        if (this.code(this.pos) === COLON) bail(); // a pair inside a sequence
        const i = seq.length;
        seq.push(value);
        if (this.slotOrigin) setOrigin(seq, i, this.slotOrigin);
        if (!this.flowNext(RBRACKET, owner, level)) break;
      }
    }
    this.pos++;
    setSelfOrigin(seq, this.origin(start, this.pos));
    return seq;
  }

  private flowMap(depth: number, owner: number, level: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const start = this.openContainer(depth);
    this.pos++;
    this.flowGap(owner, level);
    if (this.code(this.pos) !== RBRACE) {
      for (;;) {
        const keyStart = this.pos;
        const v = this.flowScalar(keyStart);
        const key = v === null ? 'null' : String(v);
        const keyEnd = this.scalarEnd;
        if (key === '<<') bail(); // merge keys in flow mappings: slow path
        this.written++;
        if (this.code(keyEnd) !== COLON || this.code(keyEnd + 1) !== SP) bail();
        this.pos = keyEnd + 1;
        this.skipFlowSpaces();
        const n = this.code(this.pos);
        if (n === COMMA || n === RBRACE || n === NL || n === HASH) bail(); // empty value, value on another line
        if (hasOwn(map, key)) bail();
        setOwn(map, key, this.flowValue(depth + 1, owner, level));
        setKeyOrigin(map, key, this.origin(keyStart, keyEnd));
        if (this.slotOrigin) setOrigin(map, key, this.slotOrigin);
        if (!this.flowNext(RBRACE, owner, level)) break;
      }
    }
    this.pos++;
    setSelfOrigin(map, this.origin(start, this.pos));
    return map;
  }

  /** After a flow item: `,` (true: another item follows) or the closing bracket (false, pos on it). */
  private flowNext(close: number, owner: number, level: number): boolean {
    this.flowGap(owner, level);
    const c = this.code(this.pos);
    if (c === close) return false;
    if (c !== COMMA) bail();
    this.pos++;
    this.flowGap(owner, level);
    // A trailing comma before the bracket is allowed.
    return this.code(this.pos) !== close;
  }

  private flowValue(depth: number, owner: number, level: number): unknown {
    const p = this.pos;
    const c = this.code(p);
    if (c === LBRACKET) return this.slot(this.flowSeq(depth, owner, level + 1), undefined, undefined);
    if (c === LBRACE) return this.slot(this.flowMap(depth, owner, level + 1), undefined, undefined);
    if (c === STAR) {
      const target = this.alias(p, depth);
      const n = this.code(this.pos);
      if (!(n === SP || n === NL || n === COMMA || n === RBRACKET || n === RBRACE)) bail();
      this.written++;
      this.cost += 1 + target.cost;
      return this.slot(this.expand(target.value), this.origin(p, this.pos), undefined);
    }
    const value = this.flowScalar(p);
    const end = this.scalarEnd;
    this.countNode(depth);
    this.pos = end;
    return this.slot(value, this.origin(p, end), undefined);
  }

  /** A quoted or plain scalar in a flow collection at p: its value; this.scalarEnd is set to its end. */
  private flowScalar(p: number): string | number | boolean | null {
    const c = this.code(p);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(p);
    const next = this.code(p + 1);
    // In flow, `-` before `,` or a bracket is an indicator too (a block sequence: an error).
    if (!isPlainStart(c, next) || (c === DASH && isFlowIndicator(next))) bail();
    const end = this.scanFlowPlain(p);
    this.scalarEnd = end;
    return plainScalarValue(this.text.slice(p, end));
  }

  /**
   * A plain scalar inside a flow collection; returns its end. It must end on its line: a line
   * break is allowed only before `,` or the closing bracket, which flowNext checks.
   */
  private scanFlowPlain(p: number): number {
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
      } else if (c === TAB || c === CR) bail();
      end = ++p;
    }
    return end;
  }
}
