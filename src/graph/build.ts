/**
 * Build the service/network graph of a resolved project in one pass over its services: each
 * service's namespace, attachments, ports and references; each network's members and the DNS names
 * that resolve on it. Nothing here compares services pairwise: names are indexed per network.
 */
import { keyOriginOf } from '../model/origin';
import { servicesOf, topLevel, ComposeDict, Project } from '../model/project';
import { externalLinks, links, networkMode, serviceNetworks } from '../model/service';
import { computeExposure } from './exposure';
import { looksLikeDomain } from './hostnames';
import { peerFilesOf } from './peers';
import { listeningPorts, servicePorts } from './ports';
import { recognizeDatastore } from './datastores';
import { isKnownImage } from './image-ports';
import { isHostnameReference } from './query';
import { effectiveEnvironment, serviceReferences } from './references';
import type { Attachment, Graph, HostReference, Namespace, NetworkNode, ServiceNode } from './types';
import { isDict } from '../util/dict';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function buildGraph(project: Project): Graph {
  const graph: Graph = {
    networks: new Map(),
    services: new Map(),
    names: new Map(),
    serviceNames: new Map(),
    hostnames: new Map(),
    disabledNames: new Set(),
    peerFiles: peerFilesOf(project, buildGraph),
  };
  const declared = topLevel(project, 'networks');
  for (const name of Object.keys(declared)) graph.networks.set(name, declaredNetwork(name, declared[name], keyOriginOf(declared, name)));

  const services = servicesOf(project);
  for (const name of Object.keys(services)) {
    const svc = services[name];
    if (!isDict(svc)) continue;
    const node = serviceNode(name, svc, keyOriginOf(services, name), project);
    graph.services.set(name, node);
    index(graph.serviceNames, name, name);
    if (node.containerName) index(graph.serviceNames, node.containerName, name);
    if (node.hostname) index(graph.hostnames, node.hostname, name);
    for (const a of node.attachments) attach(graph, node, a);
  }

  for (const [name, svc] of Object.entries(project.disabledServices)) {
    if (!isDict(svc)) continue;
    graph.disabledNames.add(name.toLowerCase());
    const cn = str(svc.container_name);
    if (cn) graph.disabledNames.add(cn.toLowerCase());
    for (const a of serviceNetworks(svc)) for (const al of a.aliases) graph.disabledNames.add(al.value.toLowerCase());
  }

  // A dotted name is an outside domain (smtp.gmail.com), and a bare word under a URL-like key some
  // other setting, unless the project itself answers to it.
  const defined = (name: string): boolean => {
    const lower = name.toLowerCase();
    return graph.names.has(lower) || graph.serviceNames.has(lower) || graph.hostnames.has(lower) || graph.disabledNames.has(lower);
  };
  const keep = (r: HostReference): boolean => {
    if (!isHostnameReference(r)) return true;
    // A bare value under any other key is a use only of a service by that name.
    if (r.usageOnly) return graph.serviceNames.has(r.host.toLowerCase());
    return !(r.ifDefined || looksLikeDomain(r.host)) || defined(r.host);
  };
  for (const node of graph.services.values()) {
    // Most services keep every reference: copy the list only when one goes.
    if (!node.references.every(keep)) node.references = node.references.filter(keep);
  }
  for (const [name, exposure] of computeExposure(graph, services)) graph.services.get(name)!.exposure = exposure;
  return graph;
}

function declaredNetwork(name: string, cfg: ComposeDict | null, origin: NetworkNode['origin']): NetworkNode {
  const c = isDict(cfg) ? cfg : {};
  const external = c.external === true || isDict(c.external); // `external: {name: x}` is the legacy form
  return {
    name,
    declared: true,
    internal: c.internal === true,
    external,
    driver: str(c.driver) ?? 'bridge',
    origin,
    members: [],
    dnsNames: new Map(),
  };
}

function serviceNode(name: string, svc: ComposeDict, origin: ServiceNode['origin'], project: Project): ServiceNode {
  const namespace = namespaceOf(svc);
  const attachments: Attachment[] = namespace.kind === 'own' ? serviceNetworks(svc).map((a) => ({ network: a.name, aliases: a.aliases, origin: a.origin, implicit: a.implicit })) : [];
  const { published, listening: declared } = servicePorts(svc);
  const environment = effectiveEnvironment(svc, project);
  const image = str(svc.image);
  const datastore = recognizeDatastore({
    name,
    image,
    envKeys: environment.map((e) => e.key),
    declaredPorts: declared.map((l) => l.port),
    builds: svc.build !== undefined && svc.build !== null,
    knownOtherImage: image !== undefined && isKnownImage(image),
  });
  const node: ServiceNode = {
    name,
    origin,
    namespace,
    attachments,
    networks: attachments.map((a) => a.network),
    containerName: str(svc.container_name),
    hostname: str(svc.hostname),
    image,
    extraHosts: extraHostNames(svc.extra_hosts),
    links: links(svc),
    externalLinks: externalLinks(svc),
    published,
    listening: listeningPorts(svc, environment, declared),
    references: serviceReferences(svc, environment),
    exposure: { level: 'internal', reason: 'not published' }, // set once every service is known
  };
  if (datastore) node.datastore = datastore;
  return node;
}

function namespaceOf(svc: ComposeDict): Namespace {
  const mode = networkMode(svc);
  if (!mode) return { kind: 'own' };
  const ns: Namespace = { kind: mode.kind, raw: mode.raw, origin: mode.origin };
  if (mode.target) ns.target = mode.target;
  return ns;
}

/** `extra_hosts` as a list (`name:ip`, `name=ip`) or a map (name: ip). */
function extraHostNames(v: unknown): Set<string> {
  const names = new Set<string>();
  const add = (n: string): void => {
    if (n.trim()) names.add(n.trim().toLowerCase());
  };
  if (Array.isArray(v)) {
    for (const s of v) {
      if (typeof s !== 'string') continue; // the schema reports it
      const eq = s.indexOf('=');
      add(eq !== -1 ? s.slice(0, eq) : s.split(':')[0]);
    }
  } else if (isDict(v)) {
    Object.keys(v).forEach(add);
  }
  return names;
}

function attach(graph: Graph, node: ServiceNode, a: Attachment): void {
  let net = graph.networks.get(a.network);
  if (!net) {
    net = { name: a.network, declared: false, internal: false, external: false, driver: 'bridge', members: [], dnsNames: new Map() };
    graph.networks.set(a.network, net);
  }
  net.members.push(node.name);
  if (net.driver === 'host' || net.driver === 'none') return; // no embedded DNS there
  // Docker Engine 25 registers the container's hostname as a DNS name on user-defined networks.
  // Each distinct lower-case name once, in this order; no Set or spread per attachment (issue 13).
  const name = node.name.toLowerCase();
  addDnsName(graph, net, node.name, name);
  const cn = node.containerName?.toLowerCase();
  if (cn !== undefined && cn !== name) addDnsName(graph, net, node.name, cn);
  const hn = node.hostname?.toLowerCase();
  if (hn !== undefined && hn !== name && hn !== cn) addDnsName(graph, net, node.name, hn);
  if (!a.aliases.length) return;
  const seen = new Set([name, cn, hn]);
  for (const { value } of a.aliases) {
    const al = value.toLowerCase();
    if (seen.has(al)) continue;
    seen.add(al);
    addDnsName(graph, net, node.name, al);
  }
}

/** `lower` (already lower-case) answers for `service` on `net`. */
function addDnsName(graph: Graph, net: NetworkNode, service: string, lower: string): void {
  index(net.dnsNames, lower, service);
  index(graph.names, lower, { service, network: net.name });
}

function index<T>(m: Map<string, T[]>, name: string, value: T): void {
  const key = name.toLowerCase();
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}
