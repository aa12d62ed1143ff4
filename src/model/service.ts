/**
 * Typed views of a service definition. The model keeps compose's many spellings (list or map
 * forms); these accessors give rules one shape, each entry with the origin it was written at.
 */
import { Origin, keyOriginOf, originOf } from './origin';
import type { ComposeDict } from './project';
import { isDict, mapStrings, scalarText } from '../util/dict';
import { parseShortVolume } from './volume-spec';

const entries = (v: unknown): [string, unknown][] => (isDict(v) ? Object.entries(v) : []);
/** A scalar list entry as text (numbers and booleans as written); undefined for null, mappings and lists. */
const entryText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

export interface NetworkAttachment {
  /** Network key as written in the service (the top-level networks key). */
  name: string;
  aliases: { value: string; origin?: Origin }[];
  /** Where the attachment is written (the entry in the service's `networks`). */
  origin?: Origin;
  /** True for the implicit `default` network of a service that names none. */
  implicit: boolean;
}

/**
 * serviceNetworks() per service definition, with the two values it was derived from: the graph and
 * five rules ask for it (issue 13: about 110 ms at 10,000 services when derived each time).
 */
const attachmentsMemo = new WeakMap<object, { nets: unknown; mode: unknown; list: readonly NetworkAttachment[] }>();

/**
 * Networks a service joins. A service with neither `networks` nor `network_mode` joins `default`,
 * and so does one whose `networks` is empty (`networks: []`), as compose-go's normalization does.
 * The list is shared by every caller on the same definition: read it, never change it.
 */
export function serviceNetworks(svc: ComposeDict): readonly NetworkAttachment[] {
  const memo = attachmentsMemo.get(svc);
  if (memo && memo.nets === svc.networks && memo.mode === svc.network_mode) return memo.list;
  const list = deriveNetworks(svc);
  attachmentsMemo.set(svc, { nets: svc.networks, mode: svc.network_mode, list });
  return list;
}

function deriveNetworks(svc: ComposeDict): NetworkAttachment[] {
  const nets = svc.networks;
  if (Array.isArray(nets)) {
    const named = mapStrings(nets, (value, index) => ({ name: value, aliases: [], origin: originOf(nets, index), implicit: false }));
    if (named.length) return named; // none named (or only non-strings, a schema error): as if empty
  }
  if (isDict(nets) && Object.keys(nets).length) {
    return Object.entries(nets).map(([name, cfg]) => {
      const al = isDict(cfg) ? cfg.aliases : undefined;
      const aliases = Array.isArray(al) ? mapStrings(al, (value, index) => ({ value, origin: originOf(al, index) })) : [];
      return { name, aliases, origin: keyOriginOf(nets, name), implicit: false };
    });
  }
  if (svc.network_mode !== undefined && svc.network_mode !== null) return [];
  return [{ name: 'default', aliases: [], origin: undefined, implicit: true }];
}

export type NetworkModeKind = 'host' | 'none' | 'bridge' | 'service' | 'container' | 'other';
export interface NetworkMode {
  raw: string;
  kind: NetworkModeKind;
  /** For service:X / container:X. */
  target?: string;
  origin?: Origin;
}

export function networkMode(svc: ComposeDict): NetworkMode | undefined {
  const v = svc.network_mode;
  if (typeof v !== 'string' || v === '') return undefined;
  const origin = originOf(svc, 'network_mode');
  const m = /^(service|container):(.+)$/.exec(v);
  if (m) return { raw: v, kind: m[1] as 'service' | 'container', target: m[2], origin };
  const kind: NetworkModeKind = v === 'host' || v === 'none' || v === 'bridge' ? v : 'other';
  return { raw: v, kind, origin };
}

export interface Dependency {
  name: string;
  condition: string;
  required: boolean;
  origin?: Origin;
  /** Where `condition` is written (map form only). */
  conditionOrigin?: Origin;
}

/** `depends_on` in list or map form. */
export function dependsOn(svc: ComposeDict): Dependency[] {
  const d = svc.depends_on;
  if (Array.isArray(d)) return mapStrings(d, (value, index) => ({ name: value, condition: 'service_started', required: true, origin: originOf(d, index) }));
  return entries(d).map(([name, cfg]) => ({
    name,
    condition: isDict(cfg) && typeof cfg.condition === 'string' ? cfg.condition : 'service_started',
    required: !(isDict(cfg) && cfg.required === false),
    origin: keyOriginOf(d, name),
    conditionOrigin: isDict(cfg) && typeof cfg.condition === 'string' ? originOf(cfg, 'condition') : undefined,
  }));
}

export interface SharedNamespace {
  /** The namespace shared: `pid`, `ipc` or `uts`. */
  key: 'pid' | 'ipc' | 'uts';
  /** The service named by `service:X`. */
  target: string;
  origin?: Origin;
}

const NAMESPACE_KEYS = ['pid', 'ipc', 'uts'] as const;
/**
 * `pid`, `ipc` and `uts` set to `service:X`: the container joins X's namespace, so X must exist
 * and start first, as with `network_mode: service:X`.
 */
export function sharedNamespaces(svc: ComposeDict): SharedNamespace[] {
  const out: SharedNamespace[] = [];
  for (const key of NAMESPACE_KEYS) {
    const v = svc[key];
    const m = typeof v === 'string' ? /^service:(.+)$/.exec(v) : null;
    if (m) out.push({ key, target: m[1], origin: originOf(svc, key) });
  }
  return out;
}

/** False when the service defines no healthcheck, or disables it (`disable: true`, `test: ["NONE"]`). */
export function hasHealthcheck(svc: ComposeDict): boolean {
  const h = svc.healthcheck;
  if (!isDict(h) || h.disable === true) return false;
  return !(Array.isArray(h.test) && h.test[0] === 'NONE');
}

export interface Link {
  /** The linked service (or container for external_links); '' for `:alias`, which names none. */
  target: string;
  /** The name it resolves as for the linking service (the alias, else the target). */
  alias: string;
  raw: string;
  origin?: Origin;
}

/**
 * `SERVICE[:ALIAS]`, split as compose-go does (loader/normalize.go, and docker/compose's getLinks):
 * on every `:`, and only exactly two parts are a service and an alias; `a:b:c` is all a service
 * name (an undefined one). An empty alias (`db:`) adds no name: Docker Engine cannot register a
 * link under its own container name and drops it (moby daemon registerLink), so the link resolves
 * as the service's name, like `db`.
 */
function parseLinks(v: unknown): Link[] {
  if (!Array.isArray(v)) return [];
  return mapStrings(v, (s, index) => {
    const parts = s.split(':');
    const target = parts.length === 2 ? parts[0] : s;
    const alias = parts.length === 2 && parts[1] !== '' ? parts[1] : target;
    return { target, alias, raw: s, origin: originOf(v, index) };
  });
}
export const links = (svc: ComposeDict): Link[] => parseLinks(svc.links);
export const externalLinks = (svc: ComposeDict): Link[] => parseLinks(svc.external_links);

export interface EnvEntry {
  key: string;
  /** undefined for `- NAME` / `NAME:` entries that take their value from the environment. */
  value?: string;
  origin?: Origin;
}

/** `environment` in map or list (`KEY=value`) form. */
export function environment(svc: ComposeDict): EnvEntry[] {
  const e = svc.environment;
  if (Array.isArray(e)) {
    const out: EnvEntry[] = [];
    for (let i = 0; i < e.length; i++) {
      const s = entryText(e[i]);
      if (s === undefined) continue;
      const eq = s.indexOf('=');
      out.push(eq === -1 ? { key: s, origin: originOf(e, i) } : { key: s.slice(0, eq), value: s.slice(eq + 1), origin: originOf(e, i) });
    }
    return out;
  }
  // A mapping where a value belongs (a schema error) reads as JSON, never [object Object].
  return entries(e).map(([key, v]) => ({ key, value: v === null || v === undefined ? undefined : scalarText(v), origin: originOf(e, key) }));
}

/** `env_file` entries (string, list of strings, or list of {path, required}). */
export function envFiles(svc: ComposeDict): { path: string; required: boolean; origin?: Origin }[] {
  const v = svc.env_file;
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
  return list.flatMap((item, i) => {
    const origin = typeof v === 'string' ? originOf(svc, 'env_file') : originOf(v, i);
    if (isDict(item)) return typeof item.path === 'string' ? [{ path: item.path, required: item.required !== false, origin }] : [];
    return typeof item === 'string' ? [{ path: item, required: true, origin }] : [];
  });
}

/** A capability name as Docker reads it in `cap_add` and `cap_drop`: any case, with or without `CAP_` (`cap_net_admin` -> `NET_ADMIN`). */
export function capabilityName(entry: string): string {
  return entry.trim().toUpperCase().replace(/^CAP_/, '');
}

/** `deploy.replicas`, else `scale`, else 1. */
export function replicas(svc: ComposeDict): number {
  const d = isDict(svc.deploy) ? svc.deploy.replicas : undefined;
  const n = Number(d ?? svc.scale ?? 1);
  return Number.isFinite(n) ? n : 1;
}

export function profilesOf(svc: ComposeDict): string[] {
  return Array.isArray(svc.profiles) ? svc.profiles.flatMap((p) => entryText(p) ?? []) : [];
}

export interface VolumeMount {
  /** `volume` (a named or anonymous volume), `bind`, `tmpfs`, `npipe`, `cluster`, ... */
  type: string;
  /** Volume name or host path; '' for an anonymous volume. */
  source: string;
  target: string;
  /** `read_only: true`, or the short syntax's MODE `ro`. */
  readOnly: boolean;
  /** The bind propagation: the long syntax's `bind.propagation` as written, or the short syntax's last propagation option (`rshared`, ...); absent when not set. */
  propagation?: string;
  /** Where the propagation is written: the long syntax's `bind.propagation`, else the entry. */
  propagationOrigin?: Origin;
  /** The entry as written, when in the short syntax. */
  spec?: string;
  /** The `volumes` entry. */
  origin?: Origin;
}

/**
 * `volumes` entries in either syntax. A short entry is split by volume-spec.ts (compose-go's
 * format.ParseVolume): its source is a host path (`bind`) or a volume name; an entry without a
 * source is an anonymous volume.
 */
export function volumeMounts(svc: ComposeDict): VolumeMount[] {
  const v = svc.volumes;
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i): VolumeMount[] => {
    const origin = originOf(v, i);
    if (isDict(item)) {
      const type = typeof item.type === 'string' ? item.type : 'volume';
      const source = typeof item.source === 'string' ? item.source : '';
      const mount: VolumeMount = { type, source, target: item.target === undefined ? '' : scalarText(item.target), readOnly: item.read_only === true, origin };
      if (isDict(item.bind) && typeof item.bind.propagation === 'string') {
        mount.propagation = item.bind.propagation;
        mount.propagationOrigin = originOf(item.bind, 'propagation') ?? origin;
      }
      return [mount];
    }
    if (typeof item !== 'string') return [];
    const { type, source, target, readOnly, propagation } = parseShortVolume(item);
    return [{ type, source, target, readOnly, ...(propagation === undefined ? {} : { propagation, propagationOrigin: origin }), spec: item, origin }];
  });
}

export interface ResourceRef {
  /** The top-level secret/config named. */
  source: string;
  origin?: Origin;
}

/** A service's `secrets` or `configs` (short `- name` or long `- source: name`); `build.secrets` with `build: true`. */
export function resourceRefs(svc: ComposeDict, key: 'secrets' | 'configs', build = false): ResourceRef[] {
  const owner = build ? svc.build : svc;
  const list = isDict(owner) ? owner[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, i): ResourceRef[] => {
    const source = isDict(item) ? item.source : item;
    return typeof source === 'string' ? [{ source, origin: originOf(list, i) }] : [];
  });
}

export interface VolumesFrom {
  /** `service` for `name`, `name:ro` and `service:name`; `container` for `container:name`. */
  kind: 'service' | 'container';
  name: string;
  raw: string;
  origin?: Origin;
}

/** `volumes_from` entries: `service`, `service:ro`, `service:name[:mode]` or `container:name[:mode]`. */
export function volumesFrom(svc: ComposeDict): VolumesFrom[] {
  const v = svc.volumes_from;
  if (!Array.isArray(v)) return [];
  return mapStrings(v, (raw, i) => {
    const parts = raw.split(':');
    const prefixed = (parts[0] === 'container' || parts[0] === 'service') && parts.length > 1;
    const kind = prefixed && parts[0] === 'container' ? 'container' : 'service';
    return { kind, name: prefixed ? parts[1] : parts[0], raw, origin: originOf(v, i) };
  });
}

/** Where the replica count is written: `deploy.replicas`, else `scale`. */
export function replicasOrigin(svc: ComposeDict): Origin | undefined {
  if (isDict(svc.deploy) && svc.deploy.replicas !== undefined) return originOf(svc.deploy, 'replicas');
  return svc.scale !== undefined ? originOf(svc, 'scale') : undefined;
}
