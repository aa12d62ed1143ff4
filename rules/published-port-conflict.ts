import * as path from 'path';
import { defineRule, TypedRuleContext } from '../src/define-rule';
import { fileLine, keyOriginOf, Origin } from '../src/model/origin';
import { ipVersion } from '../src/util/ip';
import { Project, serviceEntries } from '../src/model/project';
import {
  PortEntry,
  PortGroup,
  RunnableService,
  canRunTogether,
  clashingServices,
  hostAddressesOverlap,
  hostPortLabel,
  findClashGroups,
  networkNames,
  portText,
  publishedEntries,
  publishesPorts,
  quotedList,
  runnableServices,
} from './_ports';
import { isDict, listOf } from '../src/util/dict';
import { originOf } from '../src/model/origin';
import { networkMode } from '../src/model/service';
import { internalOnly, networksPhrase } from '../src/graph/exposure';

/** `deploy` settings only `docker stack deploy` reads; Docker Compose ignores them. */
const SWARM_ONLY = ['update_config', 'rollback_config', 'placement', 'endpoint_mode'];

/**
 * Why the project looks written for Swarm, where the routing mesh lets replicas share a published
 * port: a stack file name (`docker-stack.yml`) or deploy settings only Swarm reads.
 */
function swarmEvidence(project: Project): string | undefined {
  const stackFile = project.files.map((f) => path.basename(f)).find((f) => /stack/i.test(f));
  if (stackFile) return `the file name ${stackFile}`;
  for (const [name, svc] of serviceEntries(project)) {
    const deploy = svc.deploy;
    if (!isDict(deploy)) continue;
    const key = SWARM_ONLY.find((k) => deploy[k] !== undefined) ?? (deploy.mode === 'global' ? 'mode: global' : undefined);
    if (key) return `\`deploy.${key}\` in service "${name}"`;
  }
  return undefined;
}

function clash(a: PortEntry, b: PortEntry): boolean {
  if (!hostAddressesOverlap(a.hostIp, b.hostIp)) return false;
  return a.service === b.service || canRunTogether(a.service, b.service);
}

/** `service "api"`, `services "api" and "web"`: the other services an entry clashes with. */
function describeOthers(entry: PortEntry, groups: Iterable<PortGroup>): string {
  const { names, count } = clashingServices(entry, groups);
  return count ? `${count === 1 ? 'service' : 'services'} ${quotedList(names, count)}` : '';
}

/** Whether an entry clashes with an entry of another service (cheap: groups hold their distinct names). */
function clashesWithOtherService(entry: PortEntry, clashes: ReturnType<typeof findClashGroups>): boolean {
  const groups = clashes.get(entry)?.groups;
  if (!groups) return false;
  for (const g of groups) if (g.names.length > (g.nameSet.has(entry.service.name) ? 1 : 0)) return true;
  return false;
}

type MessageId = 'conflict' | 'duplicate' | 'sharedEntry' | 'replicas' | 'replicasSwarm' | 'internalOnly';
type Context = TypedRuleContext<Record<string, never>, MessageId>;

/** Entries with the same host address and profiles clash with the same entries (see `clash`). */
const clashClass = (e: PortEntry): string => `${e.hostIp}\0${[...e.service.profiles].sort().join(',')}`;

/**
 * `ports` of a service whose every network is `internal: true`: Docker maps none of them (no
 * gateway, so no port mapping: see internalOnly), so they neither take the host port nor reach the
 * service. One warning per entry.
 */
function reportInternalOnly(ctx: Context, runnable: readonly RunnableService[]): void {
  const reported = new Set<Origin>(); // an entry services share through extends or an anchor: once
  for (const s of runnable) {
    const ports = listOf(s.svc.ports);
    if (!ports.length || networkMode(s.svc) !== undefined) continue;
    const nets = internalOnly(ctx.graph, networkNames(s.svc));
    if (!nets) continue;
    const networks = networksPhrase(nets);
    ports.forEach((p, i) => {
      const origin = originOf(ports, i);
      if (origin && reported.has(origin)) return;
      if (origin) reported.add(origin);
      ctx.report({ messageId: 'internalOnly', data: { port: portText(p), service: s.name, networks }, origin, service: s.name, severity: 'warning' });
    });
  }
}

function check(ctx: Context): void {
  const runnable = runnableServices(ctx.project);
  const swarm = swarmEvidence(ctx.project);
  // Swarm publishes through its ingress network whatever the service's own networks (moby/moby#38049).
  if (!swarm) reportInternalOnly(ctx, runnable);
  const services = runnable.filter((s) => publishesPorts(s.svc, ctx.graph));
  const entries = services.flatMap((s) => publishedEntries(s, ctx.project.env, ctx.graph));
  const clashes = findClashGroups(entries, clash, clashClass);
  for (const place of byPlace(entries)) {
    // Clashes with entries of its own service only are reportDuplicates' to word.
    const clashing = place.filter((e) => clashesWithOtherService(e, clashes));
    if (clashing.length === 1) reportConflict(ctx, clashing[0], clashes.get(clashing[0])!);
    else if (clashing.length > 1) reportSharedConflict(ctx, clashing, clashes);
    // Replicas of services sharing one entry: one finding, for the first of them that runs several.
    const replicated = place.find((e) => e.service.replicas > 1);
    if (replicated) reportReplicas(ctx, replicated, swarm);
  }
  reportDuplicates(ctx, entries);
}

/**
 * Entries of one service that bind a host port an earlier entry of the same service binds (an
 * override file adds "8080:8080" beside the base's "8080:80": Compose keeps both). One container
 * cannot bind a port twice, so Docker fails to start it: one finding at the later entry, naming
 * the earlier one's place. Entries several services share (extends, anchors) are reported once.
 */
function reportDuplicates(ctx: Context, entries: readonly PortEntry[]): void {
  const seen = new Map<string, Map<string, PortEntry[]>>(); // service -> "protocol/port" -> its entries so far
  const reported = new Set<Origin | PortEntry>();
  for (const e of entries) {
    let own = seen.get(e.service.name);
    if (!own) seen.set(e.service.name, (own = new Map<string, PortEntry[]>()));
    let first: PortEntry | undefined;
    const shared: number[] = [];
    for (const port of e.ports) {
      const key = `${e.protocol}/${port}`;
      const earlier = own.get(key)?.find((o) => o !== e && hostAddressesOverlap(o.hostIp, e.hostIp) && (first === undefined || o === first));
      if (earlier) {
        first = earlier;
        shared.push(port);
      }
    }
    for (const port of e.ports) {
      const key = `${e.protocol}/${port}`;
      const list = own.get(key);
      if (list) list.push(e);
      else own.set(key, [e]);
    }
    if (!first || reported.has(e.origin ?? e)) continue;
    reported.add(e.origin ?? e);
    const where = first.origin ? fileLine(first.origin) : 'another entry';
    const ip = e.hostIp === '' || e.hostIp === first.hostIp ? first.hostIp || '0.0.0.0' : e.hostIp;
    const bind = `${ipVersion(ip) === 6 ? `[${ip}]` : ip}:${shared[0]}`;
    ctx.report({
      messageId: 'duplicate',
      data: { ...portData(e, new Set(shared)), service: e.service.name, where, bind },
      origin: originOfEntry(e),
      service: e.service.name,
    });
  }
}

/**
 * Entries grouped by where they are written: services that get one entry through `extends` or a
 * YAML anchor share its place, and get one finding there. Entries without a place stay alone.
 */
function byPlace(entries: readonly PortEntry[]): PortEntry[][] {
  const out = new Map<unknown, PortEntry[]>();
  for (const e of entries) {
    const key = e.origin ? `${e.origin.source.path}\0${e.origin.start}\0${e.origin.end}` : e;
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return [...out.values()];
}

function originOfEntry(entry: PortEntry): Origin | undefined {
  return entry.origin ?? keyOriginOf(entry.service.svc, 'ports');
}

function portData(entry: PortEntry, ports: Set<number>): { what: string; label: string; verb: string } {
  const list = [...ports];
  const many = list.length > 1;
  return { what: many ? 'host ports' : 'host port', label: hostPortLabel(entry.hostIp, list, entry.protocol), verb: many ? 'are' : 'is' };
}

function reportConflict(ctx: Context, entry: PortEntry, others: { ports: Set<number>; groups: Set<PortGroup> }): void {
  ctx.report({ messageId: 'conflict', data: { ...portData(entry, others.ports), others: describeOthers(entry, others.groups) }, origin: originOfEntry(entry), service: entry.service.name });
}

/** One entry several services get (extends, anchors) that clashes: one finding naming them all and whoever else publishes the port. */
function reportSharedConflict(ctx: Context, shared: PortEntry[], clashes: ReturnType<typeof findClashGroups>): void {
  const members = [...new Set(shared.map((e) => e.service.name))];
  const ports = new Set<number>();
  const groups = new Set<PortGroup>();
  for (const e of shared) {
    const c = clashes.get(e)!;
    c.ports.forEach((p) => ports.add(p));
    c.groups.forEach((g) => groups.add(g));
  }
  const outside = new Set<string>();
  for (const g of groups) for (const n of g.names) if (!members.includes(n)) outside.add(n);
  const also = outside.size ? `, and also by ${outside.size === 1 ? 'service' : 'services'} ${quotedList([...outside].slice(0, 4), outside.size)}` : '';
  ctx.report({
    messageId: 'sharedEntry',
    data: { ...portData(shared[0], ports), services: quotedList(members.slice(0, 4), members.length), also },
    origin: originOfEntry(shared[0]),
    service: members[0],
  });
}

/** A fixed host port with several replicas: an error for Compose, a warning when the file is meant for Swarm. */
function reportReplicas(ctx: Context, entry: PortEntry, swarm: string | undefined): void {
  const data = { label: hostPortLabel(entry.hostIp, entry.ports, entry.protocol), replicas: entry.service.replicas };
  ctx.report({
    messageId: swarm ? 'replicasSwarm' : 'replicas',
    data: swarm ? { ...data, swarm } : data,
    origin: originOfEntry(entry),
    service: entry.service.name,
    severity: swarm ? 'warning' : undefined,
  });
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'published-port-conflict',
  description: 'Two services must not publish the same host port, protocol and address, and a service must have a network its published ports can go through.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    conflict: '{{what}} {{label}} {{verb}} also published by {{others}}: whichever container starts second fails with "port is already allocated"',
    duplicate:
      '{{what}} {{label}} {{verb}} published twice by service "{{service}}" (also at {{where}}; Compose keeps both entries): its container cannot bind {{label}} twice, so Docker fails to start it ("Bind for {{bind}} failed: port is already allocated"); drop one of the entries',
    sharedEntry:
      '{{what}} {{label}} {{verb}} published by services {{services}}, which all get this entry (through `extends` or a YAML anchor){{also}}: whichever container starts second fails with "port is already allocated"',
    replicas: 'host port {{label}} is fixed, but the service runs {{replicas}} replicas: only one of them can bind it (leave out the host port, or publish a host range with a port per replica)',
    replicasSwarm:
      'host port {{label}} is fixed, but the service runs {{replicas}} replicas: Docker Compose can start only one of them ("port is already allocated"); Swarm\'s routing mesh would share the port, and this project looks written for Swarm ({{swarm}})',
    internalOnly:
      'port {{port}} is never published: service "{{service}}" is only on internal {{networks}}, and Docker maps no host port for a container without a network that is not internal; attach the service to a non-internal network as well, or drop the entry',
  },
  docs: {
    why: 'A host port can be bound once per protocol and address. When two services publish the same one, the second container to start fails with "port is already allocated". `0.0.0.0` (or no address) overlaps every IPv4 address and `::` every IPv6 one, while `127.0.0.1:80` and `127.0.0.2:80`, or `80/tcp` and `80/udp`, live side by side. Services whose profiles never run together (say `cpu` and `gpu`) do not clash, and a fixed host port clashes with itself when the service runs several replicas (a warning when the project looks written for `docker stack deploy`, whose routing mesh lets replicas share a port: a stack file name or Swarm-only `deploy` settings). One service that publishes the same host port in two entries (often an override file adding `8080:8080` beside `8080:80` in the base file: Compose keeps both) cannot start at all, since its own container cannot bind the port twice ("Bind for 0.0.0.0:8080 failed: port is already allocated"): one finding at the later entry, naming the place of the earlier one. Host ports that are still unknown after interpolation (an unset variable) are not guessed. A `ports` entry several services get through `extends` or a YAML anchor is reported once, where it is written, naming them all. A service whose every network is `internal: true` publishes nothing: Docker programs port mappings only through the network that gives a container its default gateway, and an internal network gives none (moby/moby#36174), so each of its `ports` entries is a warning, and those entries take no host port from other services. One network that is not internal is enough for the ports to be published.',
    bad: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: node\n    ports:\n      - "8080:3000"\n',
    good: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: node\n    ports:\n      - "8081:3000"\n',
  },
  check,
});
