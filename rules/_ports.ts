/**
 * Shared by the host-port rules (published-port-conflict, host-network-port-clash): which services
 * can run at the same time, which port values are really known, and when two host addresses
 * overlap.
 */
import { addressValue, ipVersion } from '../src/util/ip';
import { ComposeDict, Project, servicesOf } from '../src/model/project';
import { networkMode, profilesOf, replicas, serviceNetworks } from '../src/model/service';
import { publishesPortsOn } from '../src/graph/exposure';
import { effectiveEnvironment } from '../src/graph/references';
import type { Origin } from '../src/model/origin';
import { writtenWithUnknownVariable } from '../src/load/template';
import { defaultPortsSource, describePorts, listeningPorts, servicePorts } from '../src/graph/ports';
import { familiarName, parseImageReference } from '../src/model/image';
import type { Graph, ListeningPort } from '../src/graph/types';
import { isDict, scalarText } from '../src/util/dict';

export interface RunnableService {
  name: string;
  svc: ComposeDict;
  profiles: string[];
  replicas: number;
}

/**
 * Enabled services and those disabled by profiles: a clash with a profile's service is real as
 * soon as someone activates that profile. Services scaled to 0 start no container.
 */
export function runnableServices(project: Project): readonly RunnableService[] {
  let list = runnableMemo.get(project);
  if (!list) runnableMemo.set(project, (list = deriveRunnable(project)));
  return list;
}
/** runnableServices() per project: two rules ask for it, and at 10,000 services each call copied the whole services mapping. Shared: read it, never change it. */
const runnableMemo = new WeakMap<Project, readonly RunnableService[]>();

function deriveRunnable(project: Project): RunnableService[] {
  const all = { ...project.disabledServices, ...servicesOf(project) };
  return Object.keys(all)
    .filter((name) => isDict(all[name]))
    .map((name) => ({ name, svc: all[name], profiles: profilesOf(all[name]), replicas: replicas(all[name]) }))
    .filter((s) => s.replicas > 0);
}

/**
 * Services without profiles run with everything; two services with profiles run together only when
 * they share one. Disjoint profiles are alternatives (`cpu` vs `gpu`), so they never clash.
 */
export function canRunTogether(a: RunnableService, b: RunnableService): boolean {
  if (a.profiles.length === 0 || b.profiles.length === 0) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}

/** One host address family's binding: every address of the family ('*') or one address. */
type Binding = { v4?: string; v6?: string };

/**
 * What a `host_ip` binds: '' binds every IPv4 and every IPv6 address (Docker publishes on both),
 * 0.0.0.0 every IPv4 one, `::` every IPv6 one, anything else that one address.
 */
function bindingOf(hostIp: string): Binding {
  if (hostIp === '') return { v4: '*', v6: '*' };
  const version = ipVersion(hostIp);
  if (version === 4) return { v4: hostIp === '0.0.0.0' ? '*' : hostIp };
  // Text that is no address (Compose refuses it as host_ip) is one address, compared as written.
  if (version === 0) return { v6: `text ${hostIp}` };
  // By value: `::1`, `0:0::1` and `0:0:0:0:0:0:0:1` are one address.
  const v6 = addressValue(hostIp, 6);
  return { v6: v6 === 0n ? '*' : v6.toString(16) };
}

export function hostAddressesOverlap(a: string, b: string): boolean {
  const x = bindingOf(a);
  const y = bindingOf(b);
  const meet = (p?: string, q?: string): boolean => p !== undefined && q !== undefined && (p === '*' || q === '*' || p === q);
  return meet(x.v4, y.v4) || meet(x.v6, y.v6);
}

/**
 * `"a"`, `"a" and "b"`, `"a", "b" and "c"`; past four names, `"a", "b", "c" and 5 others`.
 * `total` is the number of names when `names` holds only the first few of them.
 */
export function quotedList(names: readonly string[], total = names.length): string {
  const q = names.map((n) => `"${n}"`);
  if (total > 4) return `${q.slice(0, 3).join(', ')} and ${total - 3} others`;
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * Whether a service's `ports` reach the host: not under `network_mode: host` (Docker discards them
 * there, the process binds host ports itself) nor none/service:/container: (nothing to publish on),
 * nor when every network of the service is `internal: true` (Docker maps no port then, so the host
 * port stays free: see internalOnly in src/graph/exposure.ts). Disabled services are not in the
 * graph, so this reads the service's own settings against the graph's networks.
 */
export function publishesPorts(svc: ComposeDict, graph: Graph): boolean {
  return publishesPortsOn(graph, networkMode(svc)?.kind ?? 'own', networkNames(svc));
}

/** The service's network keys (`default` when it names none). */
export function networkNames(svc: ComposeDict): string[] {
  return serviceNetworks(svc).map((a) => a.name);
}

/** One `ports` or `expose` entry with the host ports it takes (a range entry takes several). */
export interface PortEntry {
  service: RunnableService;
  origin?: Origin;
  hostIp: string;
  protocol: string;
  ports: number[];
  /** For listening ports not declared in `ports`/`expose`: how they are known ("nginx listens on 80 by default"). */
  how?: string;
  /** The ports are the image's defaults, which the service's own configuration may change. */
  fromImage?: boolean;
}

/**
 * Host ports a service's `ports` entries bind for sure: fixed host ports with known values. A host
 * range for one container port ("8000-8010:80") is left out: Docker takes whichever port is free.
 * `graph`: the project's graph, whose nodes already hold the published ports of enabled services.
 */
export function publishedEntries(s: RunnableService, env: Record<string, string>, graph: Graph): PortEntry[] {
  // The graph already holds them for enabled services (the same definitions); disabled ones are not in it.
  const published = graph.services.get(s.name)?.published ?? servicePorts(s.svc).published;
  return groupByOrigin(
    s,
    published.filter((p) => /^\d+$/.test(p.published) && !writtenWithUnknownVariable(p.origin, env)),
    (p) => ({ hostIp: p.hostIp, protocol: p.protocol, port: Number(p.published) }),
  );
}

/**
 * Ports the service's processes listen on, with known values: the graph's answer (declared ports,
 * stated settings, else the image's defaults); for a service disabled by profiles, which the graph
 * does not hold, the same computed by the graph's functions from its environment as the model
 * holds it (env files are read for enabled services only, as compose-go does: a disabled service's
 * env_file counts when an enabled service reads the same file).
 */
export function listeningEntries(s: RunnableService, project: Project, graph: Graph): PortEntry[] {
  const node = graph.services.get(s.name);
  const listening: ListeningPort[] = node ? node.listening : listeningPorts(s.svc, effectiveEnvironment(s.svc, project));
  const entries = groupByOrigin(
    s,
    listening.filter((l) => !writtenWithUnknownVariable(l.origin, project.env)),
    (l) => ({ hostIp: '', protocol: l.protocol, port: l.port }),
  );
  for (const e of entries) {
    const first = listening.find((l) => l.origin === e.origin && l.protocol === e.protocol);
    if (first?.from === 'image' && typeof s.svc.image === 'string') {
      e.fromImage = true;
      e.how = defaultPortsSource(familiarName(parseImageReference(s.svc.image)), e.ports, e.protocol);
    } else if (first?.source) e.how = first.source;
  }
  return entries;
}

/** One PortEntry per written entry: the mappings of one entry share its origin object. */
function groupByOrigin<T extends { origin?: Origin }>(s: RunnableService, items: T[], read: (t: T) => { hostIp: string; protocol: string; port: number }): PortEntry[] {
  const entries: PortEntry[] = [];
  // A range entry ("0-65535:0-65535") maps many ports: a Set per entry keeps this linear.
  const byOrigin = new Map<Origin, { entry: PortEntry; seen: Set<number> }>();
  for (const item of items) {
    const { hostIp, protocol, port } = read(item);
    const known = item.origin ? byOrigin.get(item.origin) : undefined;
    if (known && known.entry.protocol === protocol) {
      if (!known.seen.has(port)) {
        known.seen.add(port);
        known.entry.ports.push(port);
      }
      continue;
    }
    const entry: PortEntry = { service: s, origin: item.origin, hostIp, protocol, ports: [port] };
    entries.push(entry);
    if (item.origin) byOrigin.set(item.origin, { entry, seen: new Set([port]) });
  }
  return entries;
}

/** Entries indexed by "protocol/port", so only entries sharing a port are ever compared. */
function indexByPort(entries: readonly PortEntry[]): Map<string, PortEntry[]> {
  const index = new Map<string, PortEntry[]>();
  for (const e of entries) {
    for (const port of e.ports) {
      const key = `${e.protocol}/${port}`;
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    }
  }
  return index;
}

/** "8080/tcp", or "127.0.0.1:8080/tcp" / "[::1]:8080/tcp" when the entry binds one address. */
export function hostPortLabel(hostIp: string, ports: readonly number[], protocol: string): string {
  const ip = hostIp === '' ? '' : ipVersion(hostIp) === 6 ? `[${hostIp}]:` : `${hostIp}:`;
  return `${ip}${describePorts(ports, protocol)}`;
}

/** For each entry: the entries it clashes with and the ports they share. */
export type Clashes = Map<PortEntry, Map<PortEntry, number[]>>;

function record(clashes: Clashes, a: PortEntry, b: PortEntry, port: number): void {
  let others = clashes.get(a);
  if (!others) clashes.set(a, (others = new Map<PortEntry, number[]>()));
  const ports = others.get(b);
  if (ports) ports.push(port);
  else others.set(b, [port]);
}

/**
 * Every pair of entries that `clash` says conflict, on each port they share. Pairs are compared
 * only within a (protocol, port) bucket, so entries that share no port never meet.
 */
export function findClashes(entries: readonly PortEntry[], clash: (a: PortEntry, b: PortEntry) => boolean): Clashes {
  const clashes: Clashes = new Map();
  for (const [key, bucket] of indexByPort(entries)) {
    const port = Number(key.slice(key.indexOf('/') + 1));
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        if (bucket[i] === bucket[j] || !clash(bucket[i], bucket[j])) continue;
        record(clashes, bucket[i], bucket[j], port);
        record(clashes, bucket[j], bucket[i], port);
      }
    }
  }
  return clashes;
}

/** Entries that relate alike to every other entry (one class of findClashGroups), with their distinct service names. */
export interface PortGroup {
  members: PortEntry[];
  /** Distinct service names of the members, in order. */
  names: string[];
  nameSet: Set<string>;
}

/** For each entry that clashes: the ports it shares and the groups it shares them with. */
export type GroupClashes = Map<PortEntry, { ports: Set<number>; groups: Set<PortGroup> }>;

/**
 * findClashes for many entries on one port (5,000 services publishing 80:80): entries with the same
 * `classOf` key must relate alike to every entry, so the predicate runs once per pair of classes
 * (and once within a class) and each entry records the groups it clashes with, not every pair.
 * Cost per (protocol, port) bucket: classes² predicate calls plus entries × clashing classes.
 */
export function findClashGroups(entries: readonly PortEntry[], clash: (a: PortEntry, b: PortEntry) => boolean, classOf: (e: PortEntry) => string): GroupClashes {
  const out: GroupClashes = new Map();
  const note = (e: PortEntry, port: number, g: PortGroup): void => {
    let c = out.get(e);
    if (!c) out.set(e, (c = { ports: new Set(), groups: new Set() }));
    c.ports.add(port);
    c.groups.add(g);
  };
  const groupsOf = new Map<string, PortGroup>();
  for (const [key, bucket] of indexByPort(entries)) {
    const port = Number(key.slice(key.indexOf('/') + 1));
    const classes = new Map<string, PortEntry[]>();
    for (const e of bucket) {
      const k = classOf(e);
      const list = classes.get(k);
      if (list) list.push(e);
      else classes.set(k, [e]);
    }
    const groups = [...classes.entries()].map(([k, members]) => groupFor(groupsOf, `${key}\0${k}`, members));
    for (let i = 0; i < groups.length; i++) {
      const gi = groups[i];
      if (gi.members.length > 1 && clash(gi.members[0], gi.members[1])) for (const e of gi.members) note(e, port, gi);
      for (let j = i + 1; j < groups.length; j++) {
        const gj = groups[j];
        if (!clash(gi.members[0], gj.members[0])) continue;
        for (const e of gi.members) note(e, port, gj);
        for (const e of gj.members) note(e, port, gi);
      }
    }
  }
  return out;
}

function groupFor(cache: Map<string, PortGroup>, key: string, members: PortEntry[]): PortGroup {
  let g = cache.get(key);
  if (!g) {
    const nameSet = new Set(members.map((m) => m.service.name));
    cache.set(key, (g = { members, names: [...nameSet], nameSet }));
  }
  return g;
}

/**
 * The other services an entry clashes with (at most `shown` names, and how many in all), and
 * whether another entry of its own service is among them; linear in the groups' sizes only when
 * an entry meets several groups.
 */
export function clashingServices(entry: PortEntry, groups: Iterable<PortGroup>, shown = 4): { names: string[]; count: number; sameService: boolean } {
  const own = entry.service.name;
  const list = [...groups];
  const sameService = list.some((g) => g.nameSet.has(own) && g.members.some((m) => m !== entry && m.service.name === own));
  if (list.length === 1) {
    const g = list[0];
    const count = g.names.length - (g.nameSet.has(own) ? 1 : 0);
    const names: string[] = [];
    for (const n of g.names) {
      if (names.length >= shown) break;
      if (n !== own) names.push(n);
    }
    return { names, count, sameService };
  }
  const all = new Set<string>();
  for (const g of list) for (const n of g.names) if (n !== own) all.add(n);
  return { names: [...all].slice(0, shown), count: all.size, sameService };
}

/**
 * `"8080:80"` for the short syntax; `with target 80` for the long one, or what it gives instead
 * when `target` is missing (the schema does not require it): `with published 8080 and no target`.
 */
export function portText(p: unknown): string {
  if (!isDict(p)) return `"${scalarText(p)}"`;
  const given = (v: unknown): boolean => v !== undefined && v !== null;
  if (given(p.target)) return `with target ${scalarText(p.target)}`;
  return given(p.published) ? `with published ${scalarText(p.published)} and no target` : 'without a target';
}
