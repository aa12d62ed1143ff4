import { defineRule, MessageData } from '../src/define-rule';
import type { Severity } from '../src/types';
import type { Graph, HostReference, ServiceNode } from '../src/graph/types';
import type { Project } from '../src/model/project';
import { holdersOf, isHostnameReference, namespaceOwner, nearestName, resolveName } from '../src/graph/query';
import { listNames, networkPhrase, networksPhrase, placement } from '../src/graph/describe';
import { datastoreOf } from '../src/graph/datastores';
import { dockerNetworkName } from '../src/graph/peers';
import { fileLine } from '../src/model/origin';

/** The docs' example up to the database's networks, which the bad and good versions write differently. */
const POST_ON_BACK_NET = ['services:', '  post:', '    image: reddit/post', '    environment:', '      POST_DATABASE_HOST: post_db', '    networks: [back_net]', '  mongo:', '    image: mongo:4'];

type MessageId = 'unknownName' | 'noSharedNetwork' | 'noNetworkName' | 'isolated' | 'hostnameOnly' | 'maybeExternal' | 'otherFile';

export default defineRule<Record<string, never>, MessageId>({
  id: 'unresolved-hostname',
  description: 'A service refers to a host name that does not resolve from the networks it is on.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    unknownName: '`{{host}}` does not resolve from {{services}}: no service, container_name or network alias is called that{{suggestion}}',
    noSharedNetwork: '`{{host}}` does not resolve from {{services}}: {{holder}} on {{networks}}, {{service}} {{placement}}',
    noNetworkName: '`{{host}}` does not resolve from {{services}}: {{target}} has no name on any network: {{why}}',
    isolated: '`{{host}}` does not resolve from {{services}}: {{service}} {{placement}}, where service names do not resolve',
    hostnameOnly:
      '`{{host}}` does not resolve from {{services}}: it is only the `hostname` of {{target}}, which is on no network where Docker could register it as a DNS name; give the service meant to answer the network alias `{{host}}`',
    maybeExternal: '`{{host}}` does not resolve from {{services}}: nothing in this project is called that; it may be a container on the external network {{network}}, which {{service}} joins',
    otherFile:
      '`{{host}}` does not resolve from {{services}}: nothing in this project is called that; {{where}} defines it{{what}} on network {{network}}, which {{service}} also joins when the files are used together: lint them together (add -f {{file}})',
  },
  docs: {
    why: [
      'Compose services find each other through the DNS server of the networks they share: a service resolves the names (service name, `container_name`, network `aliases`) of the services on its own networks, and nothing else. A host name in `environment`, an `env_file`, `command` or `entrypoint` that no service answers to, or that belongs to a service on another network, fails at runtime with "could not resolve host" — often only when that code path first runs.',
      "compose-lint reads host names from URLs (`scheme://host:port`), `host:port` and `user:pass@host` values, and bare names in variables named `HOST`, `*_HOST`, `*_SERVER`, `*_ADDR` (lists in `*_HOSTS`, `*_SERVERS`, `*_SEEDS`). `localhost`, IP addresses, bucket URLs (`s3://`) and real domains (`smtp.gmail.com`) are ignored; names in `extra_hosts` resolve. Since Docker Engine 25 a service's `hostname` is also a DNS name on its user-defined networks (the daemon registers it as an alias), and compose-lint resolves it there; on the default bridge (`network_mode: bridge`) and with older engines it is not, so use a network alias where those matter. A bare word under a URL-like key (`MONGODB_URL=post_db`, `*_URI`, `*_DSN`, `*_ENDPOINT`, `*_BROKER(S)`, `*_CONNECTION`) is checked when the project defines that name, and ignored otherwise (it is some other setting). Names of services whose profile is off are not reported. When the service is also on an external network the name may be a container there (a warning). A compose file beside the project (`docker-compose-monitoring.yml` next to `docker-compose.yml`) is often used with it, merged with `-f` or started on its own from the same directory under the same default project name, sharing its networks: when that file really defines the name on a network the service joins (the same network key, or the same Docker network name), the finding is a warning naming the file and line (the directory's base file, `compose.yaml` or `docker-compose.yml`, when several define it). Only compose files count: files named like one (`docker-compose-*.yml`, `*-compose.yml`), and, beside a file that is not named like one (`conduktor.yml` next to `full-stack.yml`), YAML files with a top-level `services:`; never a dot file such as `.compose-lint.yaml`, nor other YAML beside a `compose.yaml`. A name no neighbour defines stays an error.",
    ].join('\n\n'),
    bad: [...POST_ON_BACK_NET, '    networks: [back_net]', 'networks:', '  back_net:', ''].join('\n'),
    good: [...POST_ON_BACK_NET, '    networks:', '      back_net:', '        aliases: [post_db]', 'networks:', '  back_net:', ''].join('\n'),
  },
  check(ctx) {
    const { graph } = ctx;
    const datastores = ctx.settings?.datastores ?? [];
    // Services reading one env_file share its lines: one finding per place, naming every service it fails for.
    const byPlace = new Map<string, { ref: HostReference; services: string[]; explanation: Explanation }[]>();
    for (const node of graph.services.values()) {
      for (const ref of node.references) {
        if (!isHostnameReference(ref) || ref.usageOnly) continue; // a bare word under any key: a use, not a host to check
        if (resolveName(graph, node.name, ref.host).status !== 'unresolved') continue;
        if (graph.disabledNames.has(ref.host.toLowerCase())) continue; // answers once its profile is active
        const explanation = explain(graph, node, ref, ctx.project, datastores);
        if (!explanation) continue;
        const place = ref.origin ? `${ref.origin.source.path}\0${ref.origin.start}\0${ref.origin.end}\0${ref.host}` : `${node.name}\0${ref.host}`;
        const same = byPlace.get(place) ?? [];
        byPlace.set(place, same);
        const twin = same.find((g) => g.explanation.messageId === explanation.messageId && sameData(g.explanation.data, explanation.data));
        if (twin) twin.services.push(node.name);
        else same.push({ ref, services: [node.name], explanation });
      }
    }
    for (const group of byPlace.values()) {
      for (const { ref, services, explanation } of group) {
        ctx.report({
          messageId: explanation.messageId,
          severity: explanation.severity,
          data: { host: ref.host, services: listNames(services), ...explanation.data },
          origin: ref.origin,
          service: services[0],
          value: ref.host,
        });
      }
    }
  },
});

interface Explanation {
  messageId: MessageId;
  /** The message's data besides `host` and `services`. */
  data: MessageData;
  severity?: Severity;
}

const sameData = (a: MessageData, b: MessageData): boolean => JSON.stringify(a) === JSON.stringify(b);

function explain(graph: Graph, node: ServiceNode, ref: HostReference, project: Project, datastores: readonly string[]): Explanation | undefined {
  const name = ref.host;
  const lower = name.toLowerCase();
  const owner = namespaceOwner(graph, node.name)!;
  const isComposeName = graph.names.has(lower) || graph.serviceNames.has(lower);
  if (owner.namespace.kind !== 'own') {
    // The host's (or the default bridge's) resolver may know names outside the project: only compose names are sure misses.
    if (!isComposeName && owner.namespace.kind !== 'none') return undefined;
    return { messageId: 'isolated', data: { service: node.name, placement: placement(graph, node.name) } };
  }
  const holders = holdersOf(graph, name);
  if (holders.length) {
    const nets = [...new Set(holders.map((h) => h.network))];
    return {
      messageId: 'noSharedNetwork',
      data: {
        holder: whoAnswers(
          graph,
          name,
          holders.map((h) => h.service),
        ),
        networks: networksPhrase(graph, nets),
        service: node.name,
        placement: placement(graph, node.name, true),
      },
    };
  }
  const named = graph.serviceNames.get(lower);
  if (named) {
    const t = graph.services.get(named[0])!;
    const shares = t.namespace.kind === 'service' && t.namespace.target;
    // Own network stack yet no name: its networks have no DNS (driver host or none).
    const why = shares
      ? `it shares ${t.namespace.target}'s network stack (network_mode: ${t.namespace.raw}); use \`${t.namespace.target}\``
      : t.namespace.raw !== undefined
        ? `it uses network_mode: ${t.namespace.raw}`
        : `${networksPhrase(graph, t.networks)} ${t.networks.length === 1 ? 'has' : 'have'} no DNS names (driver host or none)`;
    return { messageId: 'noNetworkName', data: { target: t.name, why } };
  }
  const byHostname = graph.hostnames.get(lower);
  if (byHostname) {
    const t = byHostname[0];
    return { messageId: 'hostnameOnly', data: { target: t } };
  }
  // The hostname of a service whose profile is off: once it is on, the hostnameOnly message above applies.
  if (Object.values(project.disabledServices).some((d) => typeof d.hostname === 'string' && d.hostname.toLowerCase() === lower)) return undefined;
  const external = owner.networks.find((n) => graph.networks.get(n)?.external);
  if (external) {
    return { messageId: 'maybeExternal', severity: 'warning', data: { network: external, service: node.name } };
  }
  // Compose files started one by one beside each other share networks (the reddit course's
  // docker-compose-monitoring.yml beside docker-compose.yml): a warning only when one really defines the name there.
  const peer = peerDefinition(graph, owner, lower, project);
  if (peer) {
    const what = peer.service.toLowerCase() === lower ? '' : ` (service ${peer.service})`;
    return { messageId: 'otherFile', severity: 'warning', data: { where: peer.where, what, network: peer.network, service: node.name, file: peer.file } };
  }
  return { messageId: 'unknownName', data: { suggestion: suggestion(graph, node, ref, datastores) } };
}

/**
 * The first neighbouring compose file defining `name` on a network `owner` joins: by key (the
 * files merged with -f) or by Docker's network name (the files started side by side).
 */
function peerDefinition(graph: Graph, owner: ServiceNode, name: string, project: Project): { file: string; where: string; service: string; network: string } | undefined {
  const keys = new Set(owner.networks);
  const dockerNames = new Set(owner.networks.map((n) => dockerNetworkName(project, n)));
  for (const peer of graph.peerFiles) {
    const hit = peer
      .names()
      .get(name)
      ?.find((p) => keys.has(p.key) || dockerNames.has(p.network));
    if (!hit) continue;
    const where = hit.origin ? fileLine(hit.origin) : peer.path;
    return { file: peer.path, where, service: hit.service, network: hit.key };
  }
  return undefined;
}

/** "post is", "`post_db` (an alias of mongo) is", "`db` (post_db and cache) is". */
function whoAnswers(graph: Graph, name: string, services: string[]): string {
  const unique = [...new Set(services)];
  if (unique.length === 1 && unique[0] === name) return `${name} is`;
  const node = graph.services.get(unique[0]);
  const lower = name.toLowerCase();
  const what =
    unique.length > 1
      ? listNames(unique)
      : node?.containerName?.toLowerCase() === lower
        ? `the container_name of ${unique[0]}`
        : node?.hostname?.toLowerCase() === lower
          ? `the hostname of ${unique[0]}`
          : `an alias of ${unique[0]}`;
  return `\`${name}\` (${what}) is`;
}

/** The nearest existing name; else the one reachable datastore the reference's words point at, with the alias to add. */
function suggestion(graph: Graph, node: ServiceNode, ref: HostReference, datastores: readonly string[]): string {
  const near = nearestName(graph, ref.host, node.name);
  if (near) return `; did you mean \`${near}\`?`;
  const meant = meantDatastore(graph, node, ref, datastores);
  if (meant) return `; if ${meant.service} is meant, add \`${ref.host}\` to its aliases on ${networkPhrase(graph, meant.network)}`;
  return '; add it to the network aliases of the service meant to answer';
}

/**
 * The datastore a dangling name was probably meant for: among the datastores on the referrer's
 * networks, those whose family the reference's words name (POST_DATABASE_HOST=post_db -> a
 * database, CACHE_URL -> a cache); a single one wins, else the single one the referrer depends on.
 */
function meantDatastore(graph: Graph, node: ServiceNode, ref: HostReference, datastores: readonly string[]): { service: string; network: string } | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+._-]*):\/\//.exec(ref.value)?.[1] ?? '';
  const words = new Set(`${ref.key ?? ''} ${ref.host} ${scheme}`.toLowerCase().split(/[^a-z0-9]+/));
  // Looked up by word in a per-network index, and stopped at two: thousands of references over
  // networks of thousands of members stay linear (issue 14).
  const candidates = new Map<string, string>();
  for (const net of node.networks) {
    const { byWord } = datastoresOn(graph, net, datastores);
    for (const w of words) {
      for (const m of byWord.get(w) ?? []) {
        if (m !== node.name && !candidates.has(m)) candidates.set(m, net);
        if (candidates.size > 1) break;
      }
      if (candidates.size > 1) break;
    }
    if (candidates.size > 1) break;
  }
  if (candidates.size === 1) {
    const [[service, network]] = candidates;
    return { service, network };
  }
  if (candidates.size === 0) return undefined;
  // Several: the single one the referrer depends on (depends_on or links), if there is one.
  const meant = new Map<string, string>();
  for (const r of node.references) {
    if ((r.kind !== 'depends_on' && r.kind !== 'links') || r.host === node.name || meant.has(r.host)) continue;
    const network = node.networks.find((net) =>
      datastoresOn(graph, net, datastores)
        .family.get(r.host)
        ?.some((w) => words.has(w)),
    );
    if (network) meant.set(r.host, network);
  }
  if (meant.size !== 1) return undefined;
  const [[service, network]] = meant;
  return { service, network };
}

interface NetworkDatastores {
  /** Family word -> the datastore members of the network whose family uses it, in member order. */
  byWord: Map<string, string[]>;
  /** Datastore member -> its family's words. */
  family: Map<string, readonly string[]>;
}

const datastoreIndex = new WeakMap<Graph, Map<string, NetworkDatastores>>();

/** The datastores on one network (with the config's `datastores` list), indexed once per graph. */
function datastoresOn(graph: Graph, network: string, datastores: readonly string[]): NetworkDatastores {
  let perNetwork = datastoreIndex.get(graph);
  if (!perNetwork) datastoreIndex.set(graph, (perNetwork = new Map<string, NetworkDatastores>()));
  const key = `${datastores.join('\0')}\0\0${network}`;
  let index = perNetwork.get(key);
  if (!index) {
    index = { byWord: new Map(), family: new Map() };
    for (const m of graph.networks.get(network)?.members ?? []) {
      const other = graph.services.get(m);
      const words = other ? datastoreOf(other, datastores)?.family.words : undefined;
      if (!words || index.family.has(m)) continue;
      index.family.set(m, words);
      for (const w of words) {
        const list = index.byWord.get(w) ?? [];
        if (!list.length) index.byWord.set(w, list);
        if (list[list.length - 1] !== m) list.push(m);
      }
    }
    perNetwork.set(key, index);
  }
  return index;
}
