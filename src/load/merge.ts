/**
 * Merging compose models the way compose-go does (`override.Merge` then `override.EnforceUnicity`,
 * rules from compose-go v2.13 `override/merge.go`, `override/uncity.go`, `loader/reset.go`).
 *
 * Order of the load steps (compose-go v2.13 loader/loader.go loadYamlFile; includes come before
 * extends since compose-go PR #853), which the project loader must follow:
 *   let model = {}                                      // {} so the first file is normalized too
 *   for each compose file f (-f order):
 *     dict = loadComposeFile(ctx, f, env)              // parse, interpolate, cast, overlay documents
 *     dict = applyIncludes(ctx, dict, f, env, projectDir)  // included projects load with their own env
 *     dict = applyExtends(ctx, dict, f, env)           // per file: only its own + included services
 *     model = mergeDicts(model, dict)
 *   then on the merged model: schema validation -> applyProfiles(model, profiles, namedServices)
 *   -> consistency checks. (compose-go runs include/extends per YAML document; loadComposeFile
 *   overlays a file's documents first, which only differs when a document extends another.)
 *
 * Merge rules, base <- override:
 *   - mappings merge key by key; scalars are replaced; sequences are appended
 *   - special paths: command/entrypoint/healthcheck.test are replaced; environment, labels, sysctls,
 *     dns, tmpfs, env_file... are turned into `K=V` sequences and appended; depends_on, networks,
 *     models are turned into mappings and merged; logging merges only when drivers agree; ...
 *   - then sequences whose items have an identity (ports, volumes, secrets, environment...) keep
 *     one item per key, the later one (see unicity.ts)
 *   - tags written in the override: `!reset` drops the key, `!override` replaces the value whole.
 *
 * Origins: every value in the result keeps the origin of the value it came from: an overriding
 * scalar points into the override file, appended items into their own file, untouched values into
 * the base. A container built by the merge keeps the base container's origin (where it was first
 * defined). Inputs are never mutated; the result shares untouched subtrees with them, so treat
 * loaded models as immutable.
 */
import type { ComposeDict } from '../model/project';
import { Origin, cloneWithOrigins, copySelfOrigin, keyOriginOf, originOf, selfOrigin, setKeyOrigin, setOrigin, setSelfOrigin } from '../model/origin';
import { MergeTag, hasMergeTags, mergeTagOf, setMergeTag } from './tags';
import { PathSeg, PathTable, enforceUnicity, isUniquePath } from './unicity';
import { type Dict, isDict, scalarText, setOwn } from '../util/dict';

type Key = string | number;

/** Where a value sits: its origins are copied from there. */
interface Ref {
  c: object;
  k: Key;
}

/** A merge result: the value, and where its value/key origins come from when it is not a new container. */
interface Merged {
  value: unknown;
  from?: Ref;
}

/**
 * `!reset` keys that are absent from a merged container: the reset must still apply when this
 * result is itself merged over another model (e.g. a file's documents, merged first, over the files
 * before it).
 */
const tombstones = new WeakMap<object, Set<string>>();

function tagOf(c: object, k: string): MergeTag | undefined {
  // A tombstone outranks a tag the key had before it was reset.
  return tombstones.get(c)?.has(k) ? 'reset' : mergeTagOf(c, k);
}
function addTombstone(c: object, k: string): void {
  let s = tombstones.get(c);
  if (!s) tombstones.set(c, (s = new Set()));
  s.add(k);
}
function dropTombstone(c: object, k: string): void {
  tombstones.get(c)?.delete(k);
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === 'object';
const hasOwn = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** Merge `override` into `base` (compose-go Merge + EnforceUnicity). Neither input is modified. */
export function mergeDicts(base: ComposeDict, override: ComposeDict): ComposeDict {
  return mergeMappings(base, override, []);
}

/**
 * Merge a service definition over the one it extends (compose-go ExtendService): the same rules as
 * between files, at the path of a service.
 */
export function mergeService(base: ComposeDict, service: ComposeDict): ComposeDict {
  return mergeMappings(base, service, ['services', '*']);
}

/**
 * Merge one top-level resource (`services.web`, `networks.front`...) over another: used when an
 * including file redefines a resource it included.
 */
export function mergeResource(kind: string, name: string, base: ComposeDict, override: ComposeDict): ComposeDict {
  return mergeMappings(base, override, [kind, name]);
}

/** Set `dst[k] = value` and copy the origins of the value from `from` (or keep the container's own). */
function place(dst: Dict | unknown[], k: Key, m: Merged, keyFrom?: Ref): void {
  setOwn(dst, k, m.value);
  if (m.from) setOrigin(dst, k, originOf(m.from.c, m.from.k));
  const kf = keyFrom ?? m.from;
  if (kf && !Array.isArray(dst)) setKeyOrigin(dst, k, keyOriginOf(kf.c, kf.k));
}

/**
 * A shallow copy of a mapping that keeps origins and merge tags (raw `!reset` keys are dropped and
 * remembered), for steps that rebuild part of a model that is still to be merged.
 */
export function cloneMapping(base: Dict): Dict {
  const out = cloneWithOrigins(base);
  if (hasMergeTags(base)) {
    for (const k of Object.keys(base)) {
      const t = mergeTagOf(base, k);
      if (t === 'reset') {
        delete out[k];
        addTombstone(out, k);
      } else if (t) setMergeTag(out, k, t);
    }
  }
  const dead = tombstones.get(base);
  if (dead) for (const k of dead) addTombstone(out, k);
  return out;
}

function mergeMappings(base: Dict, over: Dict, path: PathSeg[]): Dict {
  const out = cloneMapping(base);
  // Keys the override reset in an earlier merge reset the base too.
  const dead = tombstones.get(over);
  if (dead) {
    for (const k of dead) {
      if (hasOwn(over, k)) continue;
      delete out[k];
      addTombstone(out, k);
    }
  }
  for (const k of Object.keys(over)) {
    const tag = tagOf(over, k);
    const overRef = { c: over, k };
    if (tag === 'reset') {
      delete out[k];
      addTombstone(out, k);
      continue;
    }
    const next = path.length < MAX_RULE_DEPTH ? [...path, k] : path;
    const baseReset = tagOf(out, k) === 'reset';
    if (tag === 'override' || baseReset || !hasOwn(out, k)) {
      place(out, k, { value: normalize(over[k], next), from: overRef });
      dropTombstone(out, k);
      // Replacing a value dropped by `!reset` is what `!override` means, also for later merges.
      if (tag === 'override' || baseReset) setMergeTag(out, k, 'override');
      continue;
    }
    const merged = mergeValues({ c: out, k }, overRef, next);
    place(out, k, merged, merged.from ?? { c: base, k });
  }
  return out;
}

/** Deepest path any rule looks at (services.*.networks.*.aliases); deeper paths are not tracked. */
const MAX_RULE_DEPTH = 6;

type Merger = (base: Ref, over: Ref, path: PathSeg[]) => Merged;

function mergeValues(base: Ref, over: Ref, path: PathSeg[]): Merged {
  const special = specials.lookup(path);
  if (special) return special(base, over, path);
  const b = valueAt(base);
  const o = valueAt(over);
  if (o === null || o === undefined) return { value: b, from: base };
  if (isDict(b) && isDict(o)) return { value: mergeMappings(b, o, path) };
  if (Array.isArray(b) && Array.isArray(o)) return { value: appendLists(b, o, path) };
  // Scalars, and mismatched kinds (compose-go errors; the schema reports the type): override wins.
  return { value: normalize(o, path), from: over };
}

function valueAt(r: Ref): unknown {
  return (r.c as Record<Key, unknown>)[r.k];
}

/** base ++ override, then one item per key where the path asks for it. */
function appendLists(b: unknown[], o: unknown[], path: PathSeg[]): unknown[] {
  const out: unknown[] = [];
  copySelfOrigin(out, b);
  pushAll(out, b, path, false);
  pushAll(out, o, path, true);
  return enforceUnicity(out, path);
}

function pushAll(out: unknown[], items: unknown[], path: PathSeg[], fromOverride: boolean): void {
  const itemPath = path.length < MAX_RULE_DEPTH ? [...path, '[]'] : path;
  for (let i = 0; i < items.length; i++) {
    const v = fromOverride ? normalize(items[i], itemPath) : items[i];
    place(out, out.length, { value: v, from: { c: items, k: i } });
  }
}

/**
 * Prepare a value taken from an override as it stands: drop its `!reset` keys (compose-go removes
 * them while parsing) and deduplicate its unique sequences. Copies only what changes.
 */
function normalize(v: unknown, path: PathSeg[]): unknown {
  // One working copy of the path per call from outside, grown and shrunk in place below: the walk
  // visits every container of a file (issue 13: a path array per container was 8% of the bytes
  // allocated at 10,000 services).
  return isContainer(v) ? normalizeAt(v, path.slice()) : v;
}

/** normalize() of a container at `path`, which it may extend and restores before returning. */
function normalizeAt(v: object, path: PathSeg[]): unknown {
  const grow = path.length < MAX_RULE_DEPTH;
  if (Array.isArray(v)) {
    let out: unknown[] = v;
    if (grow) path.push('[]');
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (!isContainer(item)) continue;
      const n = normalizeAt(item, path);
      if (n === item) continue;
      if (out === v) out = cloneWithOrigins(v);
      out[i] = n;
    }
    if (grow) path.pop();
    return isUniquePath(path) ? enforceUnicity(out, path) : out;
  }
  const d = v as Dict;
  let out: Dict = d;
  const tagged = hasMergeTags(d); // rare: no tag lookup per key without them
  const keys = Object.keys(d);
  // Indexed, not for-of: this walk runs before the optimizer kicks in, and the interpreter's
  // iterator allocates a result per key (13 MB at 10,000 services).
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (tagged && mergeTagOf(d, k) === 'reset') {
      if (out === d) out = cloneMapping(d); // cloneMapping drops it
      continue;
    }
    const child = d[k];
    if (!isContainer(child)) continue;
    if (grow) path.push(k);
    const n = normalizeAt(child, path);
    if (grow) path.pop();
    if (n === child) continue;
    if (out === d) out = cloneMapping(d);
    setOwn(out, k, n);
  }
  return out;
}

// ---- special rules (compose-go mergeSpecials) ----

/** The override's value replaces the base's, whatever it is (even null). */
const replace: Merger = (_b, over, path) => ({ value: normalize(valueAt(over), path), from: over });

/** Both sides as `K=V` sequences, appended. */
const appendAsSequence: Merger = (base, over, path) => {
  const out: unknown[] = [];
  const b = valueAt(base);
  copySelfOrigin(out, isContainer(b) ? b : {});
  appendSequenceForm(out, base, false);
  appendSequenceForm(out, over, true);
  return { value: enforceUnicity(out, path) };
};

/** Like appendAsSequence, but an override entry equal to a base entry is not repeated. */
const appendHosts: Merger = (base, over, path) => {
  const out: unknown[] = [];
  const b = valueAt(base);
  copySelfOrigin(out, isContainer(b) ? b : {});
  appendSequenceForm(out, base, false);
  const fromBase = new Set(out);
  const extra: unknown[] = [];
  appendSequenceForm(extra, over, true);
  extra.forEach((v, i) => {
    if (!fromBase.has(v)) place(out, out.length, { value: v, from: { c: extra, k: i } });
  });
  return { value: enforceUnicity(out, path) };
};

/** compose-go convertIntoSequence: a mapping becomes sorted `K=V` (or `K` for null) strings. */
function appendSequenceForm(out: unknown[], r: Ref, fromOverride: boolean): void {
  const v = valueAt(r);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) place(out, out.length, { value: fromOverride ? normalize(v[i], []) : v[i], from: { c: v, k: i } });
  } else if (typeof v === 'string') {
    place(out, out.length, { value: v, from: r });
  } else if (isDict(v)) {
    const entries: { text: string; origin?: Origin }[] = [];
    for (const k of Object.keys(v)) {
      if (fromOverride && mergeTagOf(v, k) === 'reset') continue;
      const val = v[k];
      const keyO = keyOriginOf(v, k);
      if (val === null || val === undefined) entries.push({ text: k, origin: keyO });
      else if (Array.isArray(val)) val.forEach((item, i) => entries.push({ text: `${k}=${goValue(item)}`, origin: span(keyO, originOf(val, i)) }));
      else entries.push({ text: `${k}=${goValue(val)}`, origin: span(keyO, originOf(v, k)) });
    }
    entries.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    for (const e of entries) {
      setOrigin(out, out.length, e.origin);
      out.push(e.text);
    }
  }
}

/** From the start of one origin to the end of another (a `KEY: value` entry). */
function span(a: Origin | undefined, b: Origin | undefined): Origin | undefined {
  if (a && b && a.source === b.source && b.end >= a.start) return { source: a.source, start: a.start, end: b.end };
  return a ?? b;
}

/** Go's `%v` of a YAML scalar (compose-go builds `K=V` strings with it). */
export function goValue(v: unknown): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v) || !Number.isFinite(v)) return Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN';
    const [mantissa, e] = v.toExponential().split('e');
    const exp = Number(e);
    if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return String(v);
  }
  if (v === null || v === undefined) return '<nil>';
  return scalarText(v);
}

/**
 * compose-go convertIntoMapping: a list of names becomes a mapping name -> default (null, or a fresh
 * copy of `dflt`), each entry pointing at the list item it came from.
 */
function mappingForm(r: Ref, dflt: Dict | null): Dict {
  const v = valueAt(r);
  if (isDict(v)) return v;
  const out: Dict = {};
  if (!Array.isArray(v)) return out;
  setSelfOrigin(out, selfOrigin(v));
  v.forEach((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number') return;
    const name = String(item);
    const at = originOf(v, i);
    let value: unknown = null;
    if (dflt) {
      const d: Dict = {};
      setSelfOrigin(d, at);
      for (const [dk, dv] of Object.entries(dflt)) {
        d[dk] = dv;
        setOrigin(d, dk, at);
        setKeyOrigin(d, dk, at);
      }
      value = d;
    }
    setOwn(out, name, value);
    setOrigin(out, name, at);
    setKeyOrigin(out, name, at);
  });
  return out;
}

const mergeAsMappings =
  (dflt: Dict | null): Merger =>
  (base, over, path) => {
    const o = valueAt(over);
    const right = mappingForm(base, dflt);
    if (o === null || o === undefined) return { value: right };
    return { value: mergeMappings(right, mappingForm(over, dflt), path) };
  };

/** `build: ./dir` is `build: {context: ./dir}` for merging. */
const mergeBuild: Merger = (base, over, path) => {
  const asDict = (r: Ref): Dict => {
    const v = valueAt(r);
    if (isDict(v)) return v;
    const d: Dict = {};
    if (typeof v === 'string') {
      d.context = v;
      setOrigin(d, 'context', originOf(r.c, r.k));
      setKeyOrigin(d, 'context', keyOriginOf(r.c, r.k));
      setSelfOrigin(d, originOf(r.c, r.k));
    }
    return d;
  };
  return { value: mergeMappings(asDict(base), asDict(over), path) };
};

/** Logging options merge only when both sides name the same driver (or one names none). */
const mergeLogging: Merger = (base, over, path) => {
  const b = valueAt(base);
  const o = valueAt(over);
  if (o === null || o === undefined) return { value: b, from: base };
  if (!isDict(b) || !isDict(o)) return { value: normalize(o, path), from: over };
  if (!hasOwn(o, 'driver') || !hasOwn(b, 'driver') || o.driver === b.driver) return { value: mergeMappings(b, o, path) };
  return { value: normalize(o, path), from: over };
};

/**
 * IPAM configs pair up by subnet (compose-go mergeIPAMConfig, including its quirk that a base
 * config whose subnet no override mentions is dropped).
 */
const mergeIpamConfig: Merger = (base, over, path) => {
  const b = valueAt(base);
  const o = valueAt(over);
  if (!Array.isArray(b) || !Array.isArray(o)) return o === null || o === undefined ? { value: b, from: base } : { value: normalize(o, path), from: over };
  const out: unknown[] = [];
  copySelfOrigin(out, b);
  const subnetOf = (c: unknown): unknown => (isDict(c) ? c.subnet : undefined);
  const indexOfSubnet = (s: unknown): number => out.findIndex((c) => subnetOf(c) === s);
  const itemPath = [...path, '[]'];
  for (let i = 0; i < b.length; i++) {
    let right: Dict = mappingForm({ c: b, k: i }, null);
    let slot = -1;
    for (let j = 0; j < o.length; j++) {
      const left = mappingForm({ c: o, k: j }, null);
      if (left.subnet !== right.subnet && indexOfSubnet(left.subnet) < 0) {
        place(out, out.length, { value: normalize(left, itemPath), from: { c: o, k: j } });
        continue;
      }
      right = mergeMappings(right, left, itemPath);
      if (slot >= 0) out[slot] = right; // compose-go merges in place: an earlier slot sees the change
      const idx = indexOfSubnet(right.subnet);
      if (idx >= 0) out[idx] = right;
      else out.push(right);
      slot = idx >= 0 ? idx : out.length - 1;
    }
  }
  return { value: out };
};

const specials = new PathTable<Merger>([
  ['networks.*.ipam.config', mergeIpamConfig],
  ['networks.*.labels', appendAsSequence],
  ['volumes.*.labels', appendAsSequence],
  ['models.*.runtime_flags', replace], // compose-go merge_models_test: runtime flags are replaced
  ['services.*.annotations', appendAsSequence],
  ['services.*.build', mergeBuild],
  ['services.*.build.args', appendAsSequence],
  ['services.*.build.additional_contexts', appendAsSequence],
  ['services.*.build.extra_hosts', appendHosts],
  ['services.*.build.labels', appendAsSequence],
  ['services.*.command', replace],
  ['services.*.depends_on', mergeAsMappings({ condition: 'service_started', required: true })],
  ['services.*.deploy.labels', appendAsSequence],
  ['services.*.dns', appendAsSequence],
  ['services.*.dns_opt', appendAsSequence],
  ['services.*.dns_search', appendAsSequence],
  ['services.*.entrypoint', replace],
  ['services.*.env_file', appendAsSequence],
  ['services.*.label_file', appendAsSequence],
  ['services.*.environment', appendAsSequence],
  ['services.*.extra_hosts', appendHosts],
  ['services.*.healthcheck.test', replace],
  ['services.*.labels', appendAsSequence],
  ['services.*.logging', mergeLogging],
  ['services.*.models', mergeAsMappings(null)],
  ['services.*.networks', mergeAsMappings(null)],
  ['services.*.sysctls', appendAsSequence],
  ['services.*.tmpfs', appendAsSequence],
  ['services.*.ulimits.*', replace],
]);
