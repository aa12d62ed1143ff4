/**
 * The fast YAML reader's value layer: plain values, their origins and merge tags, anchors and
 * alias expansion, merge keys, and the count of nodes by which the slow path (parse.ts) bounds
 * alias expansion and nesting, so both readers accept and refuse the same files.
 *
 * It reads no text: the grammar (parser.ts) tells it what was read and where. Offsets are UTF-16
 * code-unit indexes into the source text, as in Origin.
 */
import type { SourceFile } from '../../model/source';
import { Origin, keyOriginOf, originOf, selfOrigin, setItemOrigins, setKeyOrigin, setOrigin, setSelfOrigin } from '../../model/origin';
import { MergeTag, hasMergeTags, mergeTagOf, setMergeTag } from '../tags';
import { ALIAS_EXPANSION_FACTOR, MAX_DEPTH, MIN_ALIAS_EXPANSION } from '../limits';
import { setOwn } from '../../util/dict';
import { decline } from './decline';

/**
 * A value just read, with what its container records besides the value itself.
 */
export interface Parsed {
  value: unknown;
  /** The origin of the container's slot: set for scalars and aliases; collections are found by their self origin. */
  origin: Origin | undefined;
  /** `!reset` / `!override` written before the value. */
  tag: MergeTag | undefined;
  /**
   * The yaml package's range[2] of this node (UTF-16 offset): where its parent's range ends when
   * it is the parent's last entry. It reaches past comment lines the node keeps.
   */
  end: number;
}

/** An anchored node, as aliases to it expand. */
export interface Anchor {
  value: unknown;
  /** Nodes the slow path converts each time an alias to this node is expanded. */
  cost: number;
  /** Depth of the deepest node below this one (aliases inside included). */
  height: number;
}

/** What beginAnchor saw before the anchored node was read; endAnchor takes it back. */
export interface AnchorMark {
  name: string;
  depth: number;
  cost: number;
  reach: number;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const valueOf = (v: Parsed): unknown => v.value;
const slotOriginOf = (v: Parsed): Origin | undefined => v.origin;

export class Builder {
  /** Anchors by name; null while the anchored node is being read (an alias to it then is declined). */
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
    // A file never has more than ~2 nodes per character; past this the slow path refuses it anyway.
    this.expansionCap = Math.max(MIN_ALIAS_EXPANSION, ALIAS_EXPANSION_FACTOR * 2 * source.text.length);
  }

  /** The origin [start, end) in this file. */
  origin(start: number, end: number): Origin {
    return { source: this.source, start, end };
  }

  // ---- the slow path's node count ----

  /** A written node that converts to nothing of its own (a key, an alias, the sequence of a merge key). */
  countWritten(): void {
    this.written++;
  }

  /** A node the slow path converts at `depth`: written, costs one when an alias expands it. */
  countNode(depth: number): void {
    this.written++;
    this.cost++;
    this.touch(depth);
  }

  /** The converter reaches `depth`; declines what the slow path's depth limit would refuse. */
  private touch(depth: number): void {
    if (depth > this.reach) {
      this.reach = depth;
      if (depth > MAX_DEPTH / 2) decline('nesting deeper than the limit (aliases included)', 0);
    }
  }

  /** After the whole document: declines when aliases expand to more nodes than the slow path allows. */
  checkExpansion(): void {
    if (this.expanded > Math.max(MIN_ALIAS_EXPANSION, ALIAS_EXPANSION_FACTOR * this.written)) decline('aliases expand to more nodes than the limit', 0);
  }

  // ---- anchors and aliases ----

  /**
   * An anchor `name` on the node about to be read at `depth`: from here the reach is measured from
   * that depth, so endAnchor knows the node's height.
   */
  beginAnchor(name: string, depth: number): AnchorMark {
    this.anchors.set(name, null); // aliases inside their own anchor: slow path
    const mark = { name, depth, cost: this.cost, reach: this.reach };
    this.reach = depth;
    return mark;
  }

  /** The anchored node was read: aliases to the name now expand to `value`. `at`: the anchor's offset. */
  endAnchor(mark: AnchorMark, value: unknown, at: number): void {
    // Redefined inside its own node (`0: &z\n- &z y`): later aliases mean the inner node.
    if (this.anchors.get(mark.name) !== null) decline('an anchor redefined inside its own node', at);
    this.anchors.set(mark.name, { value, cost: this.cost - mark.cost, height: this.reach - mark.depth });
    if (mark.reach > this.reach) this.reach = mark.reach;
  }

  /** The node `*name` at offset `at` (in a node at `depth`) refers to; counts its expansion. Declines unknown names. */
  resolve(name: string, depth: number, at: number): Anchor {
    const target = this.anchors.get(name);
    if (!target) decline(target === null ? 'an alias inside its own anchor' : 'an unknown alias', at);
    this.expanded += target.cost;
    if (this.expanded > this.expansionCap) decline('aliases expand to more nodes than the limit', at);
    this.touch(depth + 1 + target.height);
    return target;
  }

  /** An alias's value: a fresh copy of the anchored value, with the origins and merge tags the slow path would give it. */
  aliasValue(target: Anchor): unknown {
    this.written++;
    this.cost += 1 + target.cost;
    const copy = this.clone(target.value);
    if (copy !== null && typeof copy === 'object') this.aliasBorn.add(copy);
    return copy;
  }

  /** One alias in a merge key's value: counted as the slow path converts it (the target, not the alias). Declines a target that is not a mapping. */
  mergeSource(target: Anchor, at: number): Anchor {
    if (target.value === null || typeof target.value !== 'object' || Array.isArray(target.value)) decline('a merge of something other than a mapping', at);
    this.written++;
    this.cost += target.cost;
    return target;
  }

  /** Merge keys: explicit keys win; among several sources the earlier one wins. */
  applyMerges(map: Record<string, unknown>, sources: Anchor[]): void {
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

  // ---- containers ----

  /** Whether the mapping already has `key` (duplicate keys are the slow path's to report). */
  has(map: Record<string, unknown>, key: string): boolean {
    return hasOwn(map, key);
  }

  /** map[key] = the value read, with its key's origin [keyStart, keyEnd), its slot origin and merge tag. */
  setEntry(map: Record<string, unknown>, key: string, keyStart: number, keyEnd: number, v: Parsed): void {
    setOwn(map, key, v.value);
    setKeyOrigin(map, key, this.origin(keyStart, keyEnd));
    if (v.origin) setOrigin(map, key, v.origin);
    if (v.tag) setMergeTag(map, key, v.tag);
  }

  /**
   * A sequence is complete: the array of its items' values, with their slot origins and merge tags
   * and its own origin [start, end). Built at its exact length once every item is read: an array
   * grown by push keeps room for 17 items, and most sequences in compose files hold one or two
   * (issue 13: 80 bytes per sequence and per origin table, kept for the whole run).
   */
  sequence(items: readonly Parsed[], start: number, end: number): unknown[] {
    const seq = items.map(valueOf);
    let origins = false;
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (v.origin) origins = true;
      if (v.tag) setMergeTag(seq, i, v.tag);
    }
    if (origins) setItemOrigins(seq, items.map(slotOriginOf));
    this.close(seq, start, end);
    return seq;
  }

  /** A mapping or sequence is complete: its own origin [start, end). */
  close(container: object, start: number, end: number): void {
    setSelfOrigin(container, this.origin(start, end));
  }

  // ---- copies for aliases and merges ----

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
}
