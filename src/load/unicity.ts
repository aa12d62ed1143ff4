/**
 * compose-go's `EnforceUnicity`: some service sequences hold items that are unique by a key (a port
 * binding, a mount target, an environment name...). When merged files repeat a key, the later item
 * replaces the earlier one in the earlier one's position.
 *
 * Facts (paths and index keys) from compose-go `override/uncity.go` (v2.13, Apache-2.0). Where
 * compose-go fails on an item of the wrong type, the item is kept as it is: schema validation
 * reports the type.
 */
import { copySelfOrigin, originOf, keyOriginOf, setKeyOrigin, setOrigin } from '../model/origin';
import { isDict, scalarText } from '../util/dict';
import { parseShortVolume } from '../model/volume-spec';

export type PathSeg = string;

/** Index key of a sequence item, or undefined when the item has no key (it is then kept as is). */
type Indexer = (item: unknown) => string | undefined;

/** Patterns of dotted paths with `*` for any one segment, looked up by last segment. */
export class PathTable<T> {
  private readonly byLast = new Map<string, { segs: string[]; value: T }[]>();

  constructor(entries: [string, T][]) {
    for (const [pattern, value] of entries) {
      const segs = pattern.split('.');
      const last = segs[segs.length - 1];
      const list = this.byLast.get(last) ?? [];
      list.push({ segs, value });
      this.byLast.set(last, list);
    }
  }

  lookup(path: readonly PathSeg[]): T | undefined {
    const n = path.length;
    if (n === 0) return undefined;
    // Called for every container the merge normalizes: the two candidate lists are not copied.
    return PathTable.match(this.byLast.get(path[n - 1]), path) ?? PathTable.match(this.byLast.get('*'), path);
  }

  private static match<T>(candidates: { segs: string[]; value: T }[] | undefined, path: readonly PathSeg[]): T | undefined {
    if (!candidates) return undefined;
    const n = path.length;
    for (const c of candidates) {
      if (c.segs.length !== n) continue;
      let ok = true;
      for (let i = 0; i < n && ok; i++) ok = c.segs[i] === '*' || c.segs[i] === path[i];
      if (ok) return c.value;
    }
    return undefined;
  }
}

/** Go's `%s` / `%d` of an arbitrary value: only equality of the results matters here. */
function goS(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '%!s(<nil>)';
  return `%!s(${typeof v}=${scalarText(v)})`;
}
function goD(v: unknown): string {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return `%!d(${v === null || v === undefined ? '<nil>' : `${typeof v}=${scalarText(v)}`})`;
}
const has = (m: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

const keyValue: Indexer = (v) => (typeof v === 'string' ? v.split('=', 1)[0] : undefined);

const volume: Indexer = (v) => {
  if (isDict(v)) return typeof v.target === 'string' ? v.target : undefined;
  if (typeof v === 'string') return shortVolumeTarget(v);
  return '';
};

/**
 * The mount target of a short volume spec, read before interpolation (`${...}` is opaque: see
 * volume-spec.ts); undefined when compose-go refuses the spec (empty section, too many colons).
 */
export function shortVolumeTarget(spec: string): string | undefined {
  const { target, error } = parseShortVolume(spec);
  return error === undefined ? target : undefined;
}

const device: Indexer = (v) => {
  if (isDict(v)) return typeof v.target === 'string' ? v.target : undefined;
  if (typeof v === 'string') {
    const parts = v.split(':');
    return parts.length === 1 ? parts[0] : parts[1];
  }
  return '';
};

const expose: Indexer = (v) => (typeof v === 'string' ? v : typeof v === 'number' && Number.isInteger(v) ? String(v) : undefined);

const mount =
  (defaultDir: string): Indexer =>
  (v) => {
    if (typeof v === 'string') return `${defaultDir}/${v}`;
    if (isDict(v)) return has(v, 'target') ? String(v.target) : `${defaultDir}/${goS(v.source)}`;
    return undefined;
  };

const port: Indexer = (v) => {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string') return v;
  if (isDict(v)) {
    if (!has(v, 'target')) return undefined;
    const host = has(v, 'host_ip') ? v.host_ip : '0.0.0.0';
    const protocol = has(v, 'protocol') ? v.protocol : 'tcp';
    return `${goS(host)}:${goS(v.published)}:${goD(v.target)}/${goS(protocol)}`;
  }
  return '';
};

const envFile: Indexer = (v) => {
  if (typeof v === 'string') return v;
  if (isDict(v)) return has(v, 'path') ? String(v.path) : undefined;
  return '';
};

const uniqueBy = new PathTable<Indexer>([
  ['networks.*.labels', keyValue],
  ['networks.*.ipam.options', keyValue],
  ['services.*.annotations', keyValue],
  ['services.*.build.args', keyValue],
  ['services.*.build.additional_contexts', keyValue],
  ['services.*.build.platform', keyValue],
  ['services.*.build.tags', keyValue],
  ['services.*.build.labels', keyValue],
  ['services.*.cap_add', keyValue],
  ['services.*.cap_drop', keyValue],
  ['services.*.devices', device],
  ['services.*.configs', mount('')],
  ['services.*.deploy.labels', keyValue],
  ['services.*.dns', keyValue],
  ['services.*.dns_opt', keyValue],
  ['services.*.dns_search', keyValue],
  ['services.*.environment', keyValue],
  ['services.*.env_file', envFile],
  ['services.*.expose', expose],
  ['services.*.labels', keyValue],
  ['services.*.links', keyValue],
  ['services.*.networks.*.aliases', keyValue],
  ['services.*.networks.*.link_local_ips', keyValue],
  ['services.*.ports', port],
  ['services.*.profiles', keyValue],
  ['services.*.secrets', mount('/run/secrets')],
  ['services.*.sysctls', keyValue],
  ['services.*.tmpfs', keyValue],
  ['services.*.volumes', volume],
]);

/** Whether sequences at this path are deduplicated. */
export function isUniquePath(path: readonly PathSeg[]): boolean {
  return uniqueBy.lookup(path) !== undefined;
}

/**
 * Remove repeated items of a sequence at `path`: a later item takes the place of the earlier one
 * with the same key. Returns the input itself when nothing repeats; a new array (origins kept) else.
 */
export function enforceUnicity(list: unknown[], path: readonly PathSeg[]): unknown[] {
  const indexer = uniqueBy.lookup(path);
  if (!indexer) return list;
  const slotOf = new Map<string, number>();
  const kept: number[] = []; // index into `list` of the item in each output slot
  for (let i = 0; i < list.length; i++) {
    const key = indexer(list[i]);
    const slot = key === undefined ? undefined : slotOf.get(key);
    if (slot === undefined) {
      if (key !== undefined) slotOf.set(key, kept.length);
      kept.push(i);
    } else {
      kept[slot] = i;
    }
  }
  if (kept.length === list.length) return list;
  const out: unknown[] = [];
  copySelfOrigin(out, list);
  kept.forEach((from, to) => {
    out.push(list[from]);
    setOrigin(out, to, originOf(list, from));
    setKeyOrigin(out, to, keyOriginOf(list, from));
  });
  return out;
}
