/**
 * The project in Compose's canonical form: what `docker compose config` prints. Follows compose-go
 * v2 (loader/normalize.go, transform/*.go, paths/resolve.go, types/*.go) and docker compose's
 * `config` command (cmd/compose/config.go):
 *
 *   - short syntaxes expanded: ports, volumes, depends_on, build, secrets/configs, networks list,
 *     environment/labels lists, `command`/`entrypoint` strings split as go-shellwords does;
 *   - defaults made explicit: the `default` network, `name` of every top-level resource
 *     (`<project>_<key>`, the key itself when external), build context `.` and `Dockerfile`,
 *     port `mode: ingress` / `protocol: tcp`, `bind.create_host_path` for short bind mounts;
 *   - implicit `depends_on` from links, volumes_from and `service:X` in network_mode/ipc/pid/uts/cgroup;
 *   - `environment` resolved: bare names take the project environment, env_file values folded
 *     under it (environment wins), `env_file` dropped (docker compose config discards it);
 *   - every local path absolute (against the project directory; `~` is the home directory);
 *   - unused networks/volumes/secrets/configs dropped (docker compose without --all-resources);
 *   - keys in compose-go's struct field order; Go maps in the encoder's order (see canonical-text.ts).
 *
 * Every place this still differs from Docker Compose is listed in docs/config.md.
 */
import * as path from 'path';
import { goMap, isGoMap, yamlKeyLess } from './canonical-text';
import { goDuration, parseDuration, ramInBytes, shellWords } from './go-values';
import { normalizePorts, PortMapping } from './ports';
import type { ComposeDict, Project } from './project';
import { type Dict, isDict, scalarText as textOf } from '../util/dict';
import { parseShortVolume } from './volume-spec';

const isExtension = (k: string): boolean => k.startsWith('x-');

export interface CanonicalOptions {
  /** Home directory for `~` paths (default: none, `~` kept as written). */
  home?: string;
  /**
   * Values of an env_file (absolute path; `earlier`: the values of the service's env files read
   * before it), undefined when it cannot be read. Default: none (env files are dropped unread).
   */
  envFile?: (absPath: string, earlier: Record<string, unknown>) => Record<string, string> | undefined;
  /** 'json' adds what Go's JSON encoding prints and YAML omits (`command: null`, ...). */
  format?: 'yaml' | 'json';
  /** Keep networks/volumes/secrets/configs no service uses (docker compose --all-resources). */
  allResources?: boolean;
}

interface Ctx {
  project: Project;
  opts: CanonicalOptions;
  lookup: (k: string) => string | undefined;
}

// ---- converters: one per Go type of compose-go ------------------------------------------------

/** A converter maps a model value to its canonical form; undefined means "omitted" (omitempty). */
type Conv = (v: unknown, c: Ctx) => unknown;

const str: Conv = (v) => (v === null || v === undefined || v === '' ? undefined : typeof v === 'object' ? undefined : textOf(v));
const int: Conv = (v) => {
  const n = Number(v);
  return v === null || v === '' || !Number.isFinite(n) || n === 0 ? undefined : n;
};
const intPtr: Conv = (v) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? undefined : Number(v));
const bool: Conv = (v) => (v === true || v === 'true' ? true : undefined);
const boolPtr: Conv = (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
const bytes: Conv = (v) => {
  const n = ramInBytes(v);
  return n === undefined ? (v === null ? undefined : textOf(v)) : n === 0 ? undefined : String(n);
};
const duration: Conv = (v) => {
  const ns = parseDuration(v);
  return ns === undefined ? str(v, {} as Ctx) : goDuration(ns);
};
/** []string, omitempty; a lone string is a one-item list (StringList). */
const strings: Conv = (v) => {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v.map((x) => String(x)) : undefined;
  return list && list.length ? list : undefined;
};
/** ShellCommand: a string is split into words; `[]` stays (it clears the image's command). */
const shellCommand: Conv = (v) => {
  if (typeof v === 'string') return shellWords(v) ?? [v];
  if (Array.isArray(v)) return v.map((x) => String(x));
  return undefined;
};
/**
 * A value that keeps the shape it was written in: extensions (map[string]any in Go, so mappings
 * print with sorted keys) and the few types this module does not model (docs/config.md).
 */
const asWritten: Conv = (v) => (v === undefined ? undefined : copyPlain(v));

function copyPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyPlain);
  if (isDict(v)) {
    const out: Dict = goMap({});
    for (const [k, x] of Object.entries(v)) out[k] = copyPlain(x);
    return out;
  }
  return v;
}

/** A `key=value` list or a mapping -> map entries (values as given). */
function entriesOf(v: unknown, sep = '='): [string, unknown][] {
  if (isDict(v)) return Object.entries(v);
  if (!Array.isArray(v)) return [];
  return v.map((item) => {
    const s = String(item);
    const at = s.indexOf(sep);
    return at < 0 ? [s, null] : [s.slice(0, at), s.slice(at + 1)];
  });
}

/** Mapping / Labels (map[string]string): values as strings, null -> "". */
const mapping: Conv = (v) => {
  const e = entriesOf(v);
  if (!e.length) return undefined;
  return goMap(Object.fromEntries(e.map(([k, x]) => [k, x === null || x === undefined ? '' : textOf(x)])));
};

/** MappingWithEquals (environment, build args): a bare name takes the project environment. */
function resolvedMapping(keepUnset: boolean): Conv {
  return (v, c) => {
    const out: Dict = {};
    for (const [k, x] of entriesOf(v)) {
      if (x !== null && x !== undefined) out[k] = textOf(x);
      else {
        const found = c.lookup(k);
        if (found !== undefined) out[k] = found;
        else if (keepUnset) out[k] = null;
      }
    }
    return Object.keys(out).length ? goMap(out) : undefined;
  };
}

/** A Go struct: known fields in order, then x- extensions (an inline map: yaml.v3 key order). */
function struct(fields: Record<string, Conv>, opts: { extensions?: boolean } = {}): Conv {
  return (v, c) => {
    if (!isDict(v)) return undefined;
    const out: Dict = {};
    for (const [k, conv] of Object.entries(fields)) {
      if (!(k in v)) continue;
      const x = conv(v[k], c);
      if (x !== undefined) out[k] = x;
    }
    // x- keys are an inline map after the fields (json:"-": Go's JSON encoding leaves them out)
    if (opts.extensions !== false && c.opts.format !== 'json') {
      const ext = Object.keys(v).filter(isExtension);
      if (ext.length) out[TAIL] = Object.fromEntries(ext.map((k) => [k, copyPlain(v[k])]));
    }
    return out;
  };
}

/** Where a struct keeps its inline extensions until flattenTails() puts them last, in order. */
const TAIL = '\u0000tail';

/** map[string]T: keys in encoder order; a null value prints as null (a nil pointer). */
function mapOf(conv: Conv, nullable = true): Conv {
  return (v, c) => {
    if (!isDict(v)) return undefined;
    const out: Dict = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined) {
        if (nullable) out[k] = null;
        continue;
      }
      const y = conv(x, c);
      out[k] = y === undefined ? {} : y;
    }
    return Object.keys(out).length ? goMap(out) : undefined;
  };
}

function listOf(conv: Conv): Conv {
  return (v, c) => {
    if (!Array.isArray(v) || !v.length) return undefined;
    return v.map((x) => conv(x, c) ?? {});
  };
}

// ---- paths (compose-go paths/resolve.go) ------------------------------------------------------

function absPath(p: unknown, c: Ctx): unknown {
  if (typeof p !== 'string' || p === '') return p;
  let s = p;
  if (s.startsWith('~') && c.opts.home) s = path.join(c.opts.home, s.slice(1));
  if (path.isAbsolute(s) || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\') || s.startsWith('~')) return s;
  return path.join(c.project.workingDir, s);
}

/** Build contexts may be URLs, git repositories or other images. */
function isRemoteContext(p: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('github.com/') || p.startsWith('git@') || /^(docker-image|oci-layout|service|target):/.test(p);
}
const absContext: Conv = (v, c) => (typeof v === 'string' && isRemoteContext(v) ? v : absPath(v, c));

// ---- services ---------------------------------------------------------------------------------

const ulimit: Conv = (v) => (isDict(v) ? { soft: Number(v.soft ?? 0), hard: Number(v.hard ?? 0) } : Number(v));

const extraHosts: Conv = (v) => {
  const list: string[] = [];
  if (isDict(v)) {
    for (const [host, ip] of Object.entries(v)) for (const one of Array.isArray(ip) ? ip : [ip ?? '']) list.push(`${host}=${unbracket(String(one))}`);
  } else if (Array.isArray(v)) {
    for (const item of v) {
      const s = String(item);
      const at = s.includes('=') ? s.indexOf('=') : s.indexOf(':');
      if (at < 0) list.push(s);
      else for (const ip of s.slice(at + 1).split(',')) list.push(`${s.slice(0, at)}=${unbracket(ip)}`);
    }
  }
  return list.length ? list.sort() : undefined;
};
const unbracket = (ip: string): string => (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip);

const buildFields: Record<string, Conv> = {
  context: absContext,
  dockerfile: str,
  dockerfile_inline: str,
  entitlements: strings,
  args: resolvedMapping(false),
  provenance: str,
  sbom: str,
  ssh: asWritten,
  labels: mapping,
  cache_from: strings,
  cache_to: strings,
  no_cache: bool,
  no_cache_filter: strings,
  additional_contexts: (v, c) => {
    const m = mapping(v, c) as Dict | undefined;
    if (!m) return undefined;
    for (const k of Object.keys(m)) m[k] = absContext(m[k], c);
    return m;
  },
  pull: bool,
  extra_hosts: extraHosts,
  isolation: str,
  network: str,
  target: str,
  secrets: listOf((v, c) => fileReference(v, c)),
  shm_size: bytes,
  tags: strings,
  ulimits: mapOf(ulimit),
  platforms: strings,
  privileged: bool,
};

/** transform/build.go + normalize.go: a string is the context; context `.` and `Dockerfile` by default. */
const build: Conv = (v, c) => {
  const b: Dict = typeof v === 'string' ? { context: v } : isDict(v) ? { ...v } : {};
  if (b.context === undefined || b.context === null) b.context = '.';
  if (b.dockerfile === undefined && b.dockerfile_inline === undefined) b.dockerfile = 'Dockerfile';
  return struct(buildFields)(b, c);
};

const healthcheck = struct({
  test: (v) => (typeof v === 'string' ? ['CMD-SHELL', v] : strings(v, {} as Ctx)),
  timeout: duration,
  interval: duration,
  retries: intPtr,
  start_period: duration,
  start_interval: duration,
  disable: bool,
});

const logging = struct({ driver: str, options: mapping });

const resource = struct({ cpus: (v) => (v === null ? undefined : Number(v)), memory: bytes, pids: int, devices: asWritten, generic_resources: asWritten });
const updateConfig = struct({ parallelism: intPtr, delay: duration, failure_action: str, monitor: duration, max_failure_ratio: int, order: str });
const deploy = struct({
  mode: str,
  replicas: intPtr,
  labels: mapping,
  update_config: updateConfig,
  rollback_config: updateConfig,
  resources: nonEmpty(struct({ limits: resource, reservations: resource })),
  restart_policy: struct({ condition: str, delay: duration, max_attempts: intPtr, window: duration }),
  placement: nonEmpty(struct({ constraints: strings, preferences: asWritten, max_replicas_per_node: int })),
  endpoint_mode: str,
});

/** A struct held by value with omitempty: omitted when every field is empty. */
function nonEmpty(conv: Conv): Conv {
  return (v, c) => {
    const x = conv(v, c);
    return isDict(x) && Object.keys(x).length === 0 ? undefined : x;
  };
}

function portList(v: unknown): unknown {
  if (!Array.isArray(v) || !v.length) return undefined;
  const out: Dict[] = [];
  for (const entry of v) {
    let mappings: PortMapping[];
    try {
      mappings = normalizePorts(entry);
    } catch {
      out.push(entry as Dict); // not interpolated (--no-interpolate), or refused by compose: as written
      continue;
    }
    for (const m of mappings) {
      const p: Dict = {};
      if (m.name) p.name = m.name;
      if (m.mode) p.mode = m.mode;
      if (m.host_ip) p.host_ip = m.host_ip;
      p.target = m.target;
      if (m.published) p.published = m.published;
      if (m.protocol) p.protocol = m.protocol;
      if (m.app_protocol) p.app_protocol = m.app_protocol;
      out.push(p);
    }
  }
  return out.length ? out : undefined;
}

/** compose-go format.ParseVolume for the short syntax; long syntax fields in struct order. */
function volumeMount(v: unknown, c: Ctx): unknown {
  const long = typeof v === 'string' ? shortVolumeMount(v) : isDict(v) ? { ...v } : undefined;
  if (!long) return undefined;
  if (long.type === 'bind') long.source = absPath(long.source, c);
  if (isDict(long.bind) && long.bind.create_host_path === undefined) long.bind = { ...long.bind, create_host_path: true };
  return struct({
    type: str,
    source: str,
    target: str,
    read_only: bool,
    consistency: str,
    bind: (b, cc) => (isDict(b) ? struct({ selinux: str, propagation: str, create_host_path: bool, recursive: str })(b, cc) : undefined),
    volume: (x, cc) => (isDict(x) ? struct({ labels: mapping, nocopy: bool, subpath: str })(x, cc) : undefined),
    tmpfs: (x, cc) => (isDict(x) ? struct({ size: bytes, mode: int })(x, cc) : undefined),
    image: (x, cc) => (isDict(x) ? struct({ subpath: str })(x, cc) : undefined),
  })(long, c);
}

/** A short spec (volume-spec.ts) as the long syntax compose-go makes of it. */
function shortVolumeMount(spec: string): Dict {
  const short = parseShortVolume(spec);
  const vol: Dict = {};
  if (short.source !== '') vol.source = short.source;
  vol.target = short.target;
  for (const option of short.options.filter(Boolean)) {
    if (option === 'ro') vol.read_only = true;
    else if (option === 'rw') vol.read_only = false;
    else if (option === 'nocopy') vol.volume = { nocopy: true };
    else if (option === 'z' || option === 'Z') vol.bind = { ...(vol.bind as Dict), selinux: option };
  }
  if (short.propagation !== undefined) vol.bind = { ...(vol.bind as Dict), propagation: short.propagation };
  if (typeof vol.target === 'string' && vol.target !== '') vol.target = path.posix.normalize(vol.target).replace(/(.)\/$/, '$1');
  if (short.type === 'bind') {
    vol.type = 'bind';
    vol.bind = { ...(vol.bind as Dict), create_host_path: true };
  } else {
    vol.type = 'volume';
    if (!vol.volume) vol.volume = {};
  }
  return vol;
}

/** Service secrets/configs: a name is `{source: name}`. */
function fileReference(v: unknown, c: Ctx): unknown {
  const d = typeof v === 'string' ? { source: v } : v;
  return struct({ source: str, target: str, uid: str, gid: str, mode: intPtr })(d, c);
}

const serviceNetwork = struct({
  aliases: strings,
  driver_opts: mapping,
  gw_priority: int,
  interface_name: str,
  ipv4_address: str,
  ipv6_address: str,
  link_local_ips: strings,
  mac_address: str,
  priority: int,
});

const dependsOn: Conv = (v) => {
  if (!isDict(v)) return undefined;
  const out: Dict = {};
  for (const [name, dep] of Object.entries(v)) {
    const d = isDict(dep) ? dep : {};
    const entry: Dict = { condition: typeof d.condition === 'string' ? d.condition : 'service_started' };
    if (d.restart === true || d.restart === 'true') entry.restart = true;
    entry.required = !(d.required === false || d.required === 'false');
    out[name] = entry;
  }
  return Object.keys(out).length ? goMap(out) : undefined;
};

/** compose-go ServiceConfig, fields in declaration order (types/types.go). */
const serviceFields: Record<string, Conv> = {
  profiles: strings,
  annotations: mapping,
  attach: boolPtr,
  build,
  develop: asWritten,
  blkio_config: asWritten,
  cap_add: strings,
  cap_drop: strings,
  cgroup_parent: str,
  cgroup: str,
  cpu_count: int,
  cpu_percent: int,
  cpu_period: int,
  cpu_quota: int,
  cpu_rt_period: int,
  cpu_rt_runtime: int,
  cpus: (v) => (v === null || Number(v) === 0 ? undefined : Number(v)),
  cpuset: str,
  cpu_shares: int,
  command: shellCommand,
  configs: listOf(fileReference),
  container_name: str,
  credential_spec: asWritten,
  depends_on: dependsOn,
  deploy,
  device_cgroup_rules: strings,
  devices: asWritten,
  dns: strings,
  dns_opt: strings,
  dns_search: strings,
  dockerfile: str,
  domainname: str,
  entrypoint: shellCommand,
  provider: asWritten,
  environment: resolvedMapping(true),
  expose: (v) => strings(Array.isArray(v) ? v : v === undefined || v === null ? v : [v], {} as Ctx),
  extends: asWritten,
  external_links: strings,
  extra_hosts: extraHosts,
  group_add: strings,
  gpus: asWritten,
  hostname: str,
  healthcheck,
  image: str,
  init: boolPtr,
  ipc: str,
  isolation: str,
  labels: mapping,
  label_file: (v, c) => (strings(v, c) as string[] | undefined)?.map((p) => absPath(p, c)),
  links: strings,
  logging,
  log_driver: str,
  log_opt: mapping,
  mem_limit: bytes,
  mem_reservation: bytes,
  memswap_limit: bytes,
  mem_swappiness: bytes,
  mac_address: str,
  models: asWritten,
  net: str,
  network_mode: str,
  networks: mapOf(serviceNetwork),
  oom_kill_disable: bool,
  oom_score_adj: int,
  pid: str,
  pids_limit: int,
  platform: str,
  ports: portList,
  privileged: bool,
  pull_policy: (v) => (v === 'if_not_present' ? 'missing' : str(v, {} as Ctx)),
  read_only: bool,
  restart: str,
  runtime: str,
  scale: intPtr,
  secrets: listOf(fileReference),
  security_opt: strings,
  shm_size: bytes,
  stdin_open: bool,
  stop_grace_period: duration,
  stop_signal: str,
  storage_opt: mapping,
  sysctls: mapping,
  tmpfs: strings,
  tty: bool,
  ulimits: mapOf(ulimit),
  use_api_socket: bool,
  user: str,
  userns_mode: str,
  uts: str,
  volume_driver: str,
  volumes: listOf(volumeMount),
  volumes_from: strings,
  working_dir: str,
  post_start: asWritten,
  pre_stop: asWritten,
};

const serviceStruct = struct(serviceFields);

/** normalize.go: links, volumes_from and `service:X` namespaces are dependencies too. */
function withImplicitDependencies(svc: Dict): Dict {
  const deps: Dict = {};
  const written = svc.depends_on;
  if (Array.isArray(written)) for (const n of written) deps[String(n)] = { condition: 'service_started', required: true };
  else if (isDict(written)) Object.assign(deps, written);
  const add = (name: string, restart: boolean): void => {
    if (!(name in deps)) deps[name] = { condition: 'service_started', restart, required: true };
  };
  if (Array.isArray(svc.links)) {
    for (const l of svc.links) {
      const parts = String(l).split(':');
      add(parts.length === 2 ? parts[0] : String(l), true);
    }
  }
  for (const ns of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']) {
    const ref = svc[ns];
    if (typeof ref === 'string' && ref.startsWith('service:')) add(ref.slice('service:'.length), true);
  }
  if (Array.isArray(svc.volumes_from)) {
    for (const v of svc.volumes_from) {
      const s = String(v);
      if (!s.startsWith('container:')) add(s.split(':')[0], false);
    }
  }
  return Object.keys(deps).length ? { ...svc, depends_on: deps } : svc;
}

/** WithServicesEnvironmentResolved(discardEnvFiles: true): env_file values under `environment`. */
function withEnvFiles(svc: Dict, c: Ctx): Dict {
  if (svc.env_file === undefined || !c.opts.envFile) {
    const { env_file: _drop, ...rest } = svc;
    return rest;
  }
  const files = typeof svc.env_file === 'string' ? [svc.env_file] : Array.isArray(svc.env_file) ? svc.env_file : [];
  const fromFiles: Dict = {};
  for (const f of files as unknown[]) {
    const p = isDict(f) ? f.path : f;
    if (typeof p !== 'string') continue;
    const values = c.opts.envFile(absPath(p, c) as string, fromFiles);
    if (values) Object.assign(fromFiles, values);
  }
  const written: Dict = Object.fromEntries(entriesOf(svc.environment));
  const { env_file: _drop, ...rest } = svc;
  const environment = { ...fromFiles, ...written };
  return Object.keys(environment).length ? { ...rest, environment } : rest;
}

/** normalizeNetworks: a service with neither networks nor network_mode joins `default`. */
function serviceNetworksOf(svc: Dict): Dict {
  if (svc.network_mode !== undefined || svc.provider !== undefined) return svc;
  const nets = svc.networks;
  if (Array.isArray(nets) && nets.length) return { ...svc, networks: Object.fromEntries(nets.map((n) => [String(n), null])) };
  if (isDict(nets) && Object.keys(nets).length) return svc;
  return { ...svc, networks: { default: null } };
}

function canonicalService(svc: Dict, c: Ctx): unknown {
  let s = serviceNetworksOf(svc);
  s = withImplicitDependencies(s);
  s = withEnvFiles(s, c);
  const out = serviceStruct(s, c) as Dict;
  if (c.opts.format === 'json') return withJsonCommands(out);
  return out;
}

/** ShellCommand fields have no omitempty in JSON: an unset command prints as null. */
function withJsonCommands(out: Dict): Dict {
  const ordered: Dict = {};
  const fieldOrder = Object.keys(serviceFields);
  const keys = new Set([...Object.keys(out), 'command', 'entrypoint']);
  for (const k of fieldOrder) if (keys.has(k)) ordered[k] = k in out ? out[k] : null;
  for (const k of Object.keys(out)) if (!(k in ordered)) ordered[k] = out[k];
  return ordered;
}

// ---- top level ------------------------------------------------------------------------------

/** transform/external.go: `external: {name: x}` is `external: true` with name x. */
function externalResource(v: unknown): Dict {
  const d: Dict = isDict(v) ? { ...v } : {};
  if (isDict(d.external)) {
    if (typeof d.external.name === 'string' && d.name === undefined) d.name = d.external.name;
    d.external = true;
  }
  return d;
}

function named(conv: Conv): Conv {
  return (v, c) => {
    if (!isDict(v)) return undefined;
    const out: Dict = {};
    for (const [key, raw] of Object.entries(v)) {
      const d = externalResource(raw);
      if (d.name === undefined || d.name === null) d.name = d.external === true || d.external === 'true' ? key : `${c.project.name}_${key}`;
      out[key] = conv(d, c) ?? {};
    }
    return Object.keys(out).length ? goMap(out) : undefined;
  };
}

const network = struct({
  name: str,
  driver: str,
  driver_opts: mapping,
  ipam: nonEmpty(struct({ driver: str, config: listOf(struct({ subnet: str, gateway: str, ip_range: str, aux_addresses: mapping })), options: mapping })),
  external: bool,
  internal: bool,
  attachable: bool,
  labels: mapping,
  enable_ipv4: boolPtr,
  enable_ipv6: boolPtr,
});

const volume: Conv = (v, c) => {
  const d = isDict(v) ? { ...v } : {};
  if (d.driver === 'local' && isDict(d.driver_opts) && d.driver_opts.o === 'bind') d.driver_opts = { ...d.driver_opts, device: absPath(d.driver_opts.device, c) };
  return struct({ name: str, driver: str, driver_opts: mapping, external: bool, labels: mapping })(d, c);
};

const fileObject: Conv = (v, c) => {
  const d = isDict(v) ? { ...v } : {};
  if (typeof d.file === 'string') d.file = absPath(d.file, c);
  return struct({ name: str, file: str, environment: str, content: str, external: bool, labels: mapping, driver: str, driver_opts: mapping, template_driver: str })(d, c);
};

/** Which top-level resources the services use (types.Project.WithoutUnnecessaryResources). */
function usedResources(services: Dict): Record<'networks' | 'volumes' | 'secrets' | 'configs', Set<string>> {
  const used = { networks: new Set<string>(), volumes: new Set<string>(), secrets: new Set<string>(), configs: new Set<string>() };
  for (const svc of Object.values(services)) {
    if (!isDict(svc)) continue;
    if (isDict(svc.networks)) for (const n of Object.keys(svc.networks)) used.networks.add(n);
    if (Array.isArray(svc.volumes)) for (const m of svc.volumes) if (isDict(m) && m.type === 'volume' && typeof m.source === 'string' && m.source) used.volumes.add(m.source);
    for (const kind of ['secrets', 'configs'] as const) {
      if (Array.isArray(svc[kind])) for (const r of svc[kind] as Dict[]) used[kind].add(String(r.source));
    }
    if (isDict(svc.build) && Array.isArray(svc.build.secrets)) for (const r of svc.build.secrets as Dict[]) used.secrets.add(String(r.source));
  }
  return used;
}

function keepUsed(all: unknown, used: Set<string>): unknown {
  if (!isDict(all)) return undefined;
  const out = goMap(Object.fromEntries(Object.entries(all).filter(([k]) => used.has(k))));
  return Object.keys(out).length ? out : undefined;
}

/**
 * The canonical model of a loaded project, as plain data whose key order is the printed order
 * (Go maps marked with goMap()). Inputs are not modified.
 */
export function canonicalModel(project: Project, opts: CanonicalOptions = {}): ComposeDict {
  const c: Ctx = { project, opts, lookup: (k) => (Object.prototype.hasOwnProperty.call(project.env, k) ? project.env[k] : undefined) };
  const model = project.model;
  const services: Dict = goMap({});
  if (isDict(model.services)) for (const [name, svc] of Object.entries(model.services)) services[name] = canonicalService(isDict(svc) ? svc : {}, c);

  let networks: Dict = isDict(model.networks) ? { ...model.networks } : {};
  const usesDefault = Object.values(services).some((s) => isDict(s) && isDict(s.networks) && 'default' in s.networks);
  if (usesDefault && !('default' in networks)) networks = { ...networks, default: null };

  const out: ComposeDict = { name: project.name, services };
  const top: Record<string, unknown> = {
    networks: named(network)(networks, c),
    volumes: named(volume)(model.volumes, c),
    secrets: named(fileObject)(model.secrets, c),
    configs: named(fileObject)(model.configs, c),
  };
  const used = opts.allResources ? undefined : usedResources(services);
  for (const kind of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    const v = used ? keepUsed(top[kind], used[kind]) : top[kind];
    if (v !== undefined) out[kind] = v;
  }
  if (isDict(model.models)) out.models = copyPlain(model.models);
  const ext = Object.keys(model).filter(isExtension);
  if (ext.length) out[TAIL] = Object.fromEntries(ext.map((k) => [k, copyPlain(model[k])]));
  const flat = flattenTails(out) as ComposeDict;
  return opts.format === 'json' ? goMap(flat) : flat;
}

/** Put each struct's inline extensions after its fields, in the encoder's key order. */
function flattenTails(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(flattenTails);
  if (!isDict(v)) return v;
  const tail = v[TAIL] as Dict | undefined;
  const wasMap = isGoMap(v);
  const out: Dict = {};
  for (const k of Object.keys(v)) if (k !== TAIL) out[k] = flattenTails(v[k]);
  if (tail) {
    const sortedTail = Object.keys(tail).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
    for (const k of sortedTail) out[k] = flattenTails(tail[k]);
  }
  return wasMap ? goMap(out) : out;
}

/** The names `docker compose config --services` prints: dependencies before their dependents. */
export function servicesInDependencyOrder(model: ComposeDict): string[] {
  const services = isDict(model.services) ? model.services : {};
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !(name in services)) return;
    seen.add(name);
    const svc = services[name];
    const deps = isDict(svc) && isDict(svc.depends_on) ? Object.keys(svc.depends_on).sort() : [];
    deps.forEach(visit);
    out.push(name);
  };
  Object.keys(services).sort().forEach(visit);
  return out;
}

/** `docker compose config --images`: the image, or `<project>-<service>` for a service built here. */
export function imagesOf(model: ComposeDict, projectName: string): string[] {
  const services = isDict(model.services) ? model.services : {};
  return Object.keys(services)
    .sort()
    .map((name) => {
      const svc = services[name];
      return isDict(svc) && typeof svc.image === 'string' ? svc.image : `${projectName}-${name}`;
    });
}
