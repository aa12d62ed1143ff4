/**
 * The fast YAML reader's grammar: one recursive-descent pass over a single document of block
 * mappings and sequences (with `- key: value` compact mappings), plain scalars (also over several
 * lines), single-line quoted scalars, flow collections (also over several lines), `|`/`>` block
 * scalars with clip or strip chomping, comments, anchors/aliases/merge keys and the
 * `!reset`/`!override` tags. It moves the Scanner's cursor and hands what it read to the Builder;
 * each method returns the value it read (a Parsed: value, slot origin, merge tag, range end).
 *
 * Nodes are read at a `depth` (the root mapping is 0, as in the slow path's converter) and are
 * owned by a column `indent` (0-based: the key's or dash's indentation in spaces). Anything
 * outside the subset is declined (throws Decline) where it is met.
 *
 * The origins must match the slow path to the offset, including the end of every mapping and
 * sequence. The `yaml` package ends a collection where its last value's trailing comments end, so
 * this grammar follows the same rules for comment lines between values (Scanner.skipTrivia's
 * absorbed comments, Scanner.claimComments and closeEnd).
 */
import { AMP, BANG, COLON, COMMA, DASH, DQUOTE, GT, HASH, LBRACE, LBRACKET, NL, PIPE, RBRACE, RBRACKET, SP, SQUOTE, STAR, TAB, isFlowIndicator, isPlainStart } from './chars';
import { keyString, plainScalarValue } from './core-schema';
import { decline } from './decline';
import { NO_ABSORB, Scanned, Scanner } from './scanner';
import { Anchor, Builder, Parsed } from './builder';
import type { Origin } from '../../model/origin';
import type { MergeTag } from '../tags';

/** Structural nesting accepted; deeper files are left to the slow path (its limit is MAX_DEPTH). */
const MAX_FAST_DEPTH = 100;
/** Keys longer than this may hit the yaml package's 1024-character implicit-key rule. */
const MAX_KEY_LENGTH = 1000;

export class Parser {
  constructor(
    private readonly s: Scanner,
    private readonly b: Builder,
  ) {}

  /** The document's root mapping. Declines anything but one block mapping at column 0. */
  document(): Record<string, unknown> {
    const s = this.s;
    this.skipDocumentStart();
    if (s.lineIndent !== 0 || s.isSeqItem(s.pos)) decline(s.atEnd() ? 'an empty document' : 'a top-level value that is not a block mapping', s.pos);
    const root = this.blockMap(0, 0).value as Record<string, unknown>;
    if (!s.atEnd()) decline('a sequence entry after the top-level mapping', s.pos);
    this.b.checkExpansion();
    return root;
  }

  /** Leading comments and at most one `---` line. */
  private skipDocumentStart(): void {
    const s = this.s;
    s.skipTrivia(NO_ABSORB, true);
    const p = s.pos;
    if (s.lineIndent === 0 && s.isMarker(p)) {
      if (s.code(p) !== DASH) decline('a document end marker', p);
      s.pos = p + 3;
      s.restOfLine(p + 3);
      s.skipTrivia(NO_ABSORB, false);
    }
  }

  /**
   * Where a collection owned by column `indent` ends, its last entry ending at `end`. The yaml
   * package keeps the pending comment lines in the innermost closing collection that has one
   * indented at least as deep as its own items (never at the top level), and ends its range there;
   * otherwise they move outward.
   */
  private closeEnd(indent: number, end: number): number {
    return indent > 0 && this.s.claimComments(indent) ? this.s.triviaEnd : end;
  }

  /** The start of a mapping or sequence at the cursor, counted as a node at `depth`. */
  private openContainer(depth: number): number {
    if (depth > MAX_FAST_DEPTH) decline(`nesting deeper than ${MAX_FAST_DEPTH} levels`, this.s.pos);
    this.b.countNode(depth);
    return this.s.pos;
  }

  // ---- block collections ----

  private blockMap(indent: number, depth: number): Parsed {
    const s = this.s;
    const b = this.b;
    const map: Record<string, unknown> = {};
    const start = this.openContainer(depth);
    let merges: Anchor[] | undefined;
    for (;;) {
      const keyStart = s.pos;
      const colon = this.keyColon(keyStart);
      const keyEnd = s.plainEnd(keyStart, colon);
      const key = this.keyText(keyStart, keyEnd);
      b.countWritten();
      s.pos = colon + 1;
      let end: number;
      // Only a plain `<<` is a merge key.
      if (keyEnd - keyStart === 2 && s.text.startsWith('<<', keyStart)) {
        if (merges) decline('a second merge key in one mapping', keyStart); // the slow path reports it
        const m = this.mergeValue(indent, depth);
        merges = m.sources;
        end = m.end;
      } else {
        if (b.has(map, key)) decline('a duplicate key', keyStart); // the slow path reports it
        const v = this.mapValue(indent, depth + 1);
        b.setEntry(map, key, keyStart, keyEnd, v);
        end = v.end;
      }
      if (s.lineIndent !== indent || s.isSeqItem(s.pos)) {
        if (s.lineIndent >= indent) decline('bad indentation, or a sequence entry among mapping keys', s.pos);
        if (merges) b.applyMerges(map, merges);
        b.close(map, start, end);
        return { value: map, origin: undefined, tag: undefined, end: this.closeEnd(indent, end) };
      }
    }
  }

  private blockSeq(indent: number, depth: number): Parsed {
    const s = this.s;
    const b = this.b;
    const items: Parsed[] = [];
    const start = this.openContainer(depth);
    for (;;) {
      const dash = s.pos;
      let p = dash + 1;
      if (s.code(p) === SP) p = s.skipSpaces(p);
      else if (s.code(p) !== NL && p < s.len) decline('a tab after a sequence dash', p);
      s.pos = p;
      const v = this.seqItem(indent, indent + (p - dash), depth + 1);
      items.push(v);
      if (s.lineIndent !== indent || !s.isSeqItem(s.pos)) {
        // A key at the same indentation ends a sequence nested in a mapping without indentation.
        if (s.lineIndent > indent) decline('bad indentation after a sequence entry', s.pos);
        return { value: b.sequence(items, start, v.end), origin: undefined, tag: undefined, end: this.closeEnd(indent, v.end) };
      }
    }
  }

  /**
   * The `:` after the mapping key at p (the key's text ends before the spaces in front of it).
   * Declines keys that are not plain or single-line quoted scalars, a line that is not `key:`, and
   * keys longer than MAX_KEY_LENGTH.
   */
  private keyColon(p: number): number {
    const s = this.s;
    const c = s.code(p);
    let colon: number;
    if (c === DQUOTE || c === SQUOTE) {
      colon = s.skipSpaces(s.quoted(p).end);
      if (s.code(colon) !== COLON || !s.isEmptyAt(colon + 1)) decline('a quoted scalar where a mapping key is expected', p);
    } else {
      if (c === DASH || !isPlainStart(c, s.code(p + 1))) decline('a mapping key that is not a plain or quoted scalar', p);
      colon = s.scanPlain(p);
      if (!s.isKeyColon(colon)) decline('a line without `key:` in a mapping', p);
    }
    if (colon - p > MAX_KEY_LENGTH) decline(`a key longer than ${MAX_KEY_LENGTH} characters`, p);
    return colon;
  }

  /** The key written in [start, end) as a string: a quoted key's value, a plain key's resolved value (`1.50` -> "1.5"). */
  private keyText(start: number, end: number): string {
    const s = this.s;
    const c = s.code(start);
    if (c === DQUOTE || c === SQUOTE) return s.quoted(start).value;
    return keyString(plainScalarValue(s.text.slice(start, end)));
  }

  /** The value after `key:`; the cursor is just past the ':'. */
  private mapValue(indent: number, depth: number): Parsed {
    const s = this.s;
    const p = s.skipSpaces(s.pos);
    s.pos = p;
    const c = s.code(p);
    if (c === AMP || c === BANG) return this.withProps(indent, depth, true);
    if (c === NL || c === HASH || p >= s.len) return this.valueBelow(indent, depth, true, false, undefined);
    return this.inlineValue(indent, depth, undefined);
  }

  /**
   * Nothing but props or a comment after `key:` or `-`: the value is a block collection, scalar or
   * flow collection on the lines below (a mapping's sequence may sit at the key's column), or, for
   * a mapping, an empty scalar.
   */
  private valueBelow(indent: number, depth: number, inMap: boolean, props: boolean, tag: MergeTag | undefined): Parsed {
    const s = this.s;
    const b = this.b;
    const emptyAt = s.pos;
    const commentOnLine = s.code(emptyAt) === HASH;
    s.restOfLine(-1);
    s.skipTrivia(NO_ABSORB);
    const p = s.pos;
    if (s.lineIndent > indent || (inMap && s.lineIndent === indent && s.isSeqItem(p))) {
      let v: Parsed | undefined;
      if (s.isSeqItem(p)) v = this.blockSeq(s.lineIndent, depth);
      else if (this.startsKey(p)) v = this.blockMap(s.lineIndent, depth);
      if (v) return { value: v.value, origin: undefined, tag, end: v.end };
      const c = s.code(p);
      if (c === PIPE || c === GT || (props && c === STAR)) decline('a block scalar, or an alias after props, on the line below its key', p);
      // A comment line at or left of the owner's column can lower the yaml lexer's bar for
      // continuing a plain scalar below it; leave those files to the slow path.
      if (s.shallowestComment <= indent) decline('a comment line at or left of its key before a value below it', p);
      return this.inlineValue(indent, depth, tag);
    }
    if (!inMap) decline('an empty sequence entry', emptyAt);
    // The empty scalar sits after ':' (or the props) and their spaces; its range[2] reaches past any
    // comment that follows it (the yaml package keeps those comments with the empty value).
    b.countNode(depth);
    const claimed = s.claimComments(0);
    const end = commentOnLine || claimed ? s.triviaEnd : emptyAt;
    // A tagged empty scalar resolves through the tag, which keeps the (empty) source text.
    return { value: tag ? '' : null, origin: b.origin(emptyAt, emptyAt), tag, end };
  }

  /** A sequence item after `- `: a compact mapping or a value. `column`: where the item's text starts. */
  private seqItem(indent: number, column: number, depth: number): Parsed {
    const s = this.s;
    const p = s.pos;
    const c = s.code(p);
    if (c === AMP || c === BANG) return this.withProps(indent, depth, false);
    if (c === NL || c === HASH || p >= s.len) return this.valueBelow(indent, depth, false, false, undefined);
    if (s.isSeqItem(p)) decline('a sequence right in a sequence entry (`- - x`)', p);
    if (this.startsKey(p)) return this.blockMap(column, depth);
    return this.inlineValue(indent, depth, undefined);
  }

  /** Whether a scalar at p is followed by `: ` (a compact mapping's first key). The cursor does not move. */
  private startsKey(p: number): boolean {
    const s = this.s;
    const c = s.code(p);
    if (c === DQUOTE || c === SQUOTE) {
      const q = s.skipSpaces(s.quoted(p).end);
      return s.code(q) === COLON && s.isEmptyAt(q + 1);
    }
    if (!isPlainStart(c, s.code(p + 1))) return false;
    return s.isKeyColon(s.scanPlain(p));
  }

  /** An anchor and/or merge tag before a value; the anchor is defined once the value is read. */
  private withProps(indent: number, depth: number, inMap: boolean): Parsed {
    const s = this.s;
    let anchor: string | undefined;
    let anchorAt = 0;
    let tag: MergeTag | undefined;
    let p = s.pos;
    for (;;) {
      const c = s.code(p);
      if (c === AMP && anchor === undefined) {
        anchorAt = p;
        const nameStart = p + 1;
        p = s.scanName(nameStart);
        if (p === nameStart) decline('an anchor name the reader does not take', anchorAt);
        anchor = s.text.slice(nameStart, p);
      } else if (c === BANG && tag === undefined) {
        if (s.text.startsWith('!reset', p)) tag = 'reset';
        else if (s.text.startsWith('!override', p)) tag = 'override';
        else decline('a tag other than !reset and !override', p);
        p += tag.length + 1;
      } else break;
      if (!s.isEmptyAt(p) || s.code(p) === TAB) decline('an anchor or tag not followed by a space', p);
      p = s.skipSpaces(p);
    }
    s.pos = p;
    const c = s.code(p);
    const atLineEnd = c === NL || c === HASH || p >= s.len;
    const mark = anchor !== undefined ? this.b.beginAnchor(anchor, depth) : undefined;
    let v: Parsed;
    if (atLineEnd) v = this.valueBelow(indent, depth, inMap, true, tag);
    else {
      if (c === STAR || c === PIPE || c === GT) decline('an alias or a block scalar after an anchor or tag', p);
      if (!inMap && this.startsKey(p)) decline('an anchor or tag before the first key of a compact mapping', p); // `- &a key: v` anchors the key
      v = this.inlineValue(indent, depth, tag);
    }
    if (mark) this.b.endAnchor(mark, v.value, anchorAt);
    return v;
  }

  /** A value that starts on the current line: scalar, alias, flow collection or block scalar. */
  private inlineValue(indent: number, depth: number, tag: MergeTag | undefined): Parsed {
    const s = this.s;
    const b = this.b;
    const p = s.pos;
    const c = s.code(p);
    if (c === PIPE || c === GT) return this.blockScalar(indent, depth);
    let value: unknown;
    let origin: Origin | undefined;
    let end: number;
    if (c === STAR) {
      const target = this.alias(p, depth);
      end = s.pos;
      value = b.aliasValue(target);
      origin = b.origin(p, end);
    } else if (c === LBRACKET || c === LBRACE) {
      value = c === LBRACKET ? this.flowSeq(depth, indent, 1) : this.flowMap(depth, indent, 1);
      end = s.pos;
    } else {
      if (c === DQUOTE || c === SQUOTE) {
        const q = s.quoted(p);
        value = q.value;
        end = q.end;
        const n = s.code(end);
        if (!(n === SP || n === NL || end >= s.len)) decline('text right after a closing quote', end);
      } else {
        if (!isPlainStart(c, s.code(p + 1))) decline('a value starting with an indicator the reader does not take', p);
        const stop = s.scanPlain(p);
        if (s.isKeyColon(stop)) decline('a mapping in a compact value (`a: b: c`)', stop);
        end = s.plainEnd(p, stop);
        let raw = s.text.slice(p, end);
        const more = s.isLineEnd(stop) ? s.plainContinuation(raw, stop, indent) : undefined;
        if (more) {
          raw = more.value;
          end = more.end;
        }
        value = tag ? raw : plainScalarValue(raw);
      }
      origin = b.origin(p, end);
      b.countNode(depth);
    }
    s.pos = end;
    s.restOfLine(end);
    return { value, origin, tag, end: s.skipTrivia(indent) };
  }

  /** A block scalar at the cursor; its range ends after its last content line and keeps no comment. */
  private blockScalar(indent: number, depth: number): Parsed {
    const start = this.s.pos;
    const body = this.s.blockScalar(indent);
    this.b.countNode(depth);
    this.s.skipTrivia(NO_ABSORB);
    return { value: body.value, origin: this.b.origin(start, body.end), tag: undefined, end: body.end };
  }

  /** `*name` at p, in a node at `depth`: the anchored node; the cursor ends after the name. */
  private alias(p: number, depth: number): Anchor {
    const s = this.s;
    const q = s.scanName(p + 1);
    if (q === p + 1) decline('an alias name the reader does not take', p);
    const target = this.b.resolve(s.text.slice(p + 1, q), depth, p);
    s.pos = q;
    return target;
  }

  // ---- merge keys ----

  /** `<<: *a`, `<<: [*a, *b]` or a block sequence of aliases: the anchored mappings and where the value's range ends. */
  private mergeValue(indent: number, depth: number): { sources: Anchor[]; end: number } {
    const s = this.s;
    const p = s.skipSpaces(s.pos);
    s.pos = p;
    const c = s.code(p);
    const sources: Anchor[] = [];
    let end: number;
    if (c === STAR) {
      sources.push(this.mergeAlias(depth));
      s.restOfLine(s.pos);
      end = s.skipTrivia(indent);
    } else if (c === LBRACKET) {
      this.b.countWritten();
      s.pos = p + 1;
      for (;;) {
        s.pos = s.skipSpaces(s.pos);
        if (s.code(s.pos) !== STAR) decline('a merge key list item that is not an alias', s.pos);
        sources.push(this.mergeAlias(depth));
        s.pos = s.skipSpaces(s.pos);
        const d = s.code(s.pos++);
        if (d === RBRACKET) break;
        if (d !== COMMA) decline('a merge key list not closed on its line', s.pos - 1);
      }
      s.restOfLine(s.pos);
      end = s.skipTrivia(indent);
    } else if (c === NL || c === HASH) {
      s.restOfLine(-1);
      s.skipTrivia(NO_ABSORB);
      const seqIndent = s.lineIndent;
      if (seqIndent < indent || !s.isSeqItem(s.pos)) decline('a merge key whose value below is not a sequence of aliases', s.pos);
      this.b.countWritten();
      for (;;) {
        s.pos = s.skipSpaces(s.pos + 1);
        if (s.code(s.pos) !== STAR) decline('a merge key sequence item that is not an alias', s.pos);
        sources.push(this.mergeAlias(depth));
        s.restOfLine(s.pos);
        const itemEnd = s.skipTrivia(seqIndent);
        if (s.lineIndent !== seqIndent || !s.isSeqItem(s.pos)) {
          if (s.lineIndent > seqIndent) decline('bad indentation in a merge key sequence', s.pos);
          end = this.closeEnd(seqIndent, itemEnd);
          break;
        }
      }
    } else decline('a merge key whose value is not an alias or a list of aliases', p);
    return { sources, end };
  }

  /** One alias in a merge key's value, at the cursor. */
  private mergeAlias(depth: number): Anchor {
    const p = this.s.pos;
    return this.b.mergeSource(this.alias(p, depth), p);
  }

  // ---- flow collections ----

  private flowSeq(depth: number, owner: number, level: number): unknown[] {
    const s = this.s;
    const b = this.b;
    const items: Parsed[] = [];
    const start = this.openContainer(depth);
    s.pos++;
    s.flowGap(owner, level);
    if (s.code(s.pos) !== RBRACKET) {
      for (;;) {
        const v = this.flowValue(depth + 1, owner, level);
        if (s.code(s.pos) === COLON) decline('a pair inside a flow sequence', s.pos);
        items.push(v);
        if (!this.flowNext(RBRACKET, owner, level)) break;
      }
    }
    s.pos++;
    return b.sequence(items, start, s.pos);
  }

  private flowMap(depth: number, owner: number, level: number): Record<string, unknown> {
    const s = this.s;
    const b = this.b;
    const map: Record<string, unknown> = {};
    const start = this.openContainer(depth);
    s.pos++;
    s.flowGap(owner, level);
    if (s.code(s.pos) !== RBRACE) {
      for (;;) {
        const keyStart = s.pos;
        const k = this.flowScalar(keyStart);
        const key = keyString(k.value);
        if (key === '<<') decline('a merge key in a flow mapping', keyStart);
        b.countWritten();
        if (s.code(k.end) !== COLON || s.code(k.end + 1) !== SP) decline('a flow mapping key not followed by `: `', k.end);
        s.pos = s.skipSpaces(k.end + 1);
        const n = s.code(s.pos);
        if (n === COMMA || n === RBRACE || n === NL || n === HASH) decline('an empty value, or a value on the next line, in a flow mapping', s.pos);
        if (b.has(map, key)) decline('a duplicate key', keyStart);
        b.setEntry(map, key, keyStart, k.end, this.flowValue(depth + 1, owner, level));
        if (!this.flowNext(RBRACE, owner, level)) break;
      }
    }
    s.pos++;
    b.close(map, start, s.pos);
    return map;
  }

  /** After a flow item: `,` (true: another item follows) or the closing bracket (false, the cursor on it). */
  private flowNext(close: number, owner: number, level: number): boolean {
    const s = this.s;
    s.flowGap(owner, level);
    const c = s.code(s.pos);
    if (c === close) return false;
    if (c !== COMMA) decline('a flow item not followed by `,` or the closing bracket', s.pos);
    s.pos++;
    s.flowGap(owner, level);
    // A trailing comma before the bracket is allowed.
    return s.code(s.pos) !== close;
  }

  /** An item of a flow collection at the cursor; its `end` is where its text ends. */
  private flowValue(depth: number, owner: number, level: number): Parsed {
    const s = this.s;
    const b = this.b;
    const p = s.pos;
    const c = s.code(p);
    if (c === LBRACKET) return { value: this.flowSeq(depth, owner, level + 1), origin: undefined, tag: undefined, end: s.pos };
    if (c === LBRACE) return { value: this.flowMap(depth, owner, level + 1), origin: undefined, tag: undefined, end: s.pos };
    if (c === STAR) {
      const target = this.alias(p, depth);
      const end = s.pos;
      const n = s.code(end);
      if (!(n === SP || n === NL || n === COMMA || n === RBRACKET || n === RBRACE)) decline('an alias name followed by a character the reader does not take', end);
      return { value: b.aliasValue(target), origin: b.origin(p, end), tag: undefined, end };
    }
    const v = this.flowScalar(p);
    b.countNode(depth);
    s.pos = v.end;
    return { value: v.value, origin: b.origin(p, v.end), tag: undefined, end: v.end };
  }

  /** A quoted or plain scalar in a flow collection at p (the cursor does not move). */
  private flowScalar(p: number): Scanned<string | number | boolean | null> {
    const s = this.s;
    const c = s.code(p);
    if (c === DQUOTE || c === SQUOTE) return s.quoted(p);
    const next = s.code(p + 1);
    // In flow, `-` before `,` or a bracket is an indicator too (a block sequence: an error).
    if (!isPlainStart(c, next) || (c === DASH && isFlowIndicator(next))) decline('a flow item starting with an indicator the reader does not take', p);
    const end = s.scanFlowPlain(p);
    return { value: plainScalarValue(s.text.slice(p, end)), end };
  }
}
