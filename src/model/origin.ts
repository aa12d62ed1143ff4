/**
 * Where a value was written. Values in the loaded model are plain JS data; their origins live in
 * side tables keyed by the containing object/array, so rules that never report pay nothing.
 *
 *   originOf(services.web, 'image')   -> Origin of the scalar `nginx`
 *   keyOriginOf(services.web, 'image') -> Origin of the key `image`
 *   selfOrigin(services.web)          -> Origin of the whole mapping
 *
 * Merges and interpolation must carry origins along: use copyOrigin/setOrigin when building new
 * containers so the winning value keeps the file:line:col it came from.
 */
import { SourceFile, lineCol } from './source';

export interface Origin {
  source: SourceFile;
  /** Offsets into source.text: [start, end). */
  start: number;
  end: number;
}

export interface Position {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Container = Record<string, unknown> | unknown[];
type Key = string | number;

/**
 * One record per container (rather than three WeakMaps and two Maps each): loading a large file
 * records hundreds of thousands of origins, and this halves the allocation and GC work.
 */
interface Slots {
  self?: Origin;
  /** Value origins by key (sequences: by index; a sequence read by the parser has an array of them). */
  v?: ValueTable;
  /** Key origins by key (mappings only). */
  k?: OriginTable;
}
/**
 * Where a container keeps its Slots: a non-enumerable symbol property, which Object.keys, for-in,
 * JSON, spread and structured clone all skip. A WeakMap lookup per origin read and write (and the
 * collector's ephemeron work for hundreds of thousands of keys) cost more (issue 13).
 */
const SLOTS: unique symbol = Symbol('compose-lint origins');
type Holder = { [SLOTS]?: Slots };
/** Slots of containers that cannot take a property (frozen, sealed): none in the model, but never throw. */
const fallback = new WeakMap<object, Slots>();
/** Reused for every defineProperty: writable so a container's record can be replaced, never enumerable. */
const slotDescriptor: PropertyDescriptor = { value: undefined, writable: true, enumerable: false, configurable: true };

/** A plain property read: no container of the model has another container as its prototype. */
function slotsOf(c: object): Slots | undefined {
  return (c as Holder)[SLOTS] ?? fallback.get(c);
}

function attachSlots(c: object, s: Slots): void {
  if (!Object.isExtensible(c)) {
    fallback.set(c, s);
    return;
  }
  slotDescriptor.value = s;
  Object.defineProperty(c, SLOTS, slotDescriptor);
  slotDescriptor.value = undefined;
}

/**
 * Origins by key: an object with fast properties, not a Map. Services written alike share V8's
 * hidden classes, so a table takes a fraction of a Map's memory and allocation (issue 13: fewer
 * per-service allocations at 10,000 services). Its prototype chain holds no property at all, so
 * every key (`__proto__`, `constructor`, `toString`) is an own property or absent.
 */
class OriginTable {
  [key: string]: Origin | undefined;
}
Object.setPrototypeOf(OriginTable.prototype, null);
delete (OriginTable.prototype as { constructor?: unknown }).constructor;

/** A value table: by key, or for a sequence the reader built, an array by index. */
type ValueTable = OriginTable | (Origin | undefined)[];
/** Either table indexed by a key. */
type Indexed = Record<Key, Origin | undefined>;

function copyTable(from: ValueTable | undefined): ValueTable | undefined {
  if (!from) return undefined;
  if (Array.isArray(from)) return from.slice();
  const to = new OriginTable();
  for (const key in from) to[key] = from[key];
  return to;
}
/** Key tables are never arrays. */
const copyKeyTable = copyTable as (from: OriginTable | undefined) => OriginTable | undefined;

/** The origin at `key` of a value table; an array table answers any array property (`length`, `map`), so only objects count. */
function valueTableGet(t: ValueTable | undefined, key: Key): Origin | undefined {
  const o: unknown = (t as Indexed | undefined)?.[key];
  return o !== null && typeof o === 'object' ? (o as Origin) : undefined;
}

function slotsFor(c: object): Slots {
  let s = slotsOf(c);
  if (!s) {
    s = {};
    attachSlots(c, s);
  }
  return s;
}

export function setOrigin(container: object, key: Key, origin: Origin | undefined): void {
  if (origin) ((slotsFor(container).v ??= new OriginTable()) as Indexed)[key] = origin;
}
/**
 * The value origins of a whole sequence at once: `origins[i]` is where item i was written (undefined
 * for an item that is a mapping or sequence, found by its own origin). The array is kept as the
 * sequence's table, not copied: the caller hands it over. Used by the YAML reader, which builds
 * it at its exact length (a table grown key by key reserves room for 17).
 */
export function setItemOrigins(seq: unknown[], origins: (Origin | undefined)[]): void {
  slotsFor(seq).v = origins;
}
export function setKeyOrigin(container: object, key: Key, origin: Origin | undefined): void {
  if (origin) (slotsFor(container).k ??= new OriginTable())[key] = origin;
}
export function setSelfOrigin(value: unknown, origin: Origin | undefined): void {
  if (origin && value !== null && typeof value === 'object') slotsFor(value).self = origin;
}

/** Origin of the value stored at container[key] (falls back to the value's own origin for containers). */
export function originOf(container: unknown, key: Key): Origin | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  const o = valueTableGet(slotsOf(container)?.v, key);
  if (o) return o;
  const v = (container as Record<Key, unknown>)[key];
  return v !== null && typeof v === 'object' ? slotsOf(v)?.self : undefined;
}
/** Origin of the key `key` in a mapping (falls back to the value's origin). */
export function keyOriginOf(container: unknown, key: Key): Origin | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  return slotsOf(container)?.k?.[key] ?? originOf(container, key);
}
/** Origin of a mapping/sequence itself. */
export function selfOrigin(value: unknown): Origin | undefined {
  return value !== null && typeof value === 'object' ? slotsOf(value)?.self : undefined;
}

/** Copy value and key origins of src[sk] to dst[dk] (the value itself is assigned by the caller). */
export function copyOrigin(dst: object, dk: Key, src: object, sk: Key): void {
  const from = slotsOf(src);
  if (!from) return;
  setOrigin(dst, dk, valueTableGet(from.v, sk));
  setKeyOrigin(dst, dk, from.k?.[sk]);
}

/** Give a new container the same self origin as an old one (e.g. after a shallow clone). */
export function copySelfOrigin(dst: object, src: object): void {
  setSelfOrigin(dst, slotsOf(src)?.self);
}

/** Shallow clone of a container that keeps every origin. */
export function cloneWithOrigins<T extends Container>(c: T): T {
  const out = (Array.isArray(c) ? c.slice() : { ...c }) as T;
  const from = slotsOf(c);
  if (from) attachSlots(out, { self: from.self, v: copyTable(from.v), k: copyKeyTable(from.k) });
  return out;
}

/** `file:line` of an origin (1-based line), as messages name a place in another file. */
export function fileLine(o: Origin): string {
  return `${o.source.path}:${lineCol(o.source, o.start).line}`;
}

/** Resolve an origin to 1-based line/column positions. */
export function toPosition(o: Origin): Position {
  const s = lineCol(o.source, o.start);
  const e = lineCol(o.source, Math.max(o.start, o.end));
  return { file: o.source.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** The container holding the last step of a path, or undefined when the path leaves the tree. */
function parentAt(root: unknown, path: Key[]): unknown {
  let parent: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (parent === null || typeof parent !== 'object') return undefined;
    parent = (parent as Record<Key, unknown>)[path[i]];
  }
  return parent;
}

/** Walk a path like ['services','web','ports',0] and return the origin of the last step's value. */
export function originAtPath(root: unknown, path: Key[]): Origin | undefined {
  return path.length ? originOf(parentAt(root, path), path[path.length - 1]) : selfOrigin(root);
}
/** The same for the last step's key. */
export function keyOriginAtPath(root: unknown, path: Key[]): Origin | undefined {
  return path.length ? keyOriginOf(parentAt(root, path), path[path.length - 1]) : selfOrigin(root);
}
