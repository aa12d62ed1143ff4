import type { Rule, Severity } from '../src/types';
import type { Graph, HostReference, ServiceNode } from '../src/graph/types';
import type { Project } from '../src/model/project';
import { holdersOf, isHostnameReference, namespaceOwner, nearestName, resolveName } from '../src/graph/query';
import { listNames, networkPhrase, networksPhrase, placement } from '../src/graph/describe';
import { datastoreWords } from '../src/graph/datastores';

/** The docs' example up to the database's networks, which the bad and good versions write differently. */
const POST_ON_BACK_NET = ['services:', '  post:', '    image: reddit/post', '    environment:', '      POST_DATABASE_HOST: post_db', '    networks: [back_net]', '  mongo:', '    image: mongo:4'];

const rule: Rule = {
  id: 'unresolved-hostname',
  description: 'A service refers to a host name that does not resolve from the networks it is on.',
  category: 'network',
  severity: 'error',
  fixable: false,
  options: { type: 'object', properties: {}, additionalProperties: false },
  messages: {
    unknownName: 'No service, container_name or network alias is called that (suggests the nearest name, or an alias to add).',
    noSharedNetwork: 'The name exists, but on networks the service is not on.',
    noNetworkName: 'The name belongs to a service that has no name on any network (network_mode host, none, service:X, ...).',
    isolated: 'The service itself uses network_mode host, bridge or none, where compose names do not resolve.',
    hostnameOnly: 'The name is only some service\'s `hostname`, which other containers cannot resolve.',
    maybeExternal: 'Not defined in the project, but the service is on an external network where it may live (warning).',
    maybeOtherFile: 'Not defined in the project, but another compose file of the same project name (beside it, or pinned by COMPOSE_PROJECT_NAME) may define it (warning).',
  },
  docs: {
    why: [
      'Compose services find each other through the DNS server of the networks they share: a service resolves the names (service name, `container_name`, network `aliases`) of the services on its own networks, and nothing else. A host name in `environment`, an `env_file`, `command` or `entrypoint` that no service answers to, or that belongs to a service on another network, fails at runtime with "could not resolve host" — often only when that code path first runs.',
      'compose-lint reads host names from URLs (`scheme://host:port`), `host:port` and `user:pass@host` values, and bare names in variables named `HOST`, `*_HOST`, `*_SERVER`, `*_ADDR` (lists in `*_HOSTS`, `*_SERVERS`, `*_SEEDS`). `localhost`, IP addresses, bucket URLs (`s3://`) and real domains (`smtp.gmail.com`) are ignored; names in `extra_hosts` resolve. A service\'s `hostname` is not a DNS name for the others: use a network alias. Names of services whose profile is off are not reported. When the service is also on an external network the name may be a container there, and another compose file started under the same project name (one beside it, or any with the same `COMPOSE_PROJECT_NAME`) shares the networks and may define it: those findings are warnings.',
    ].join('\n\n'),
    bad: [...POST_ON_BACK_NET, '    networks: [back_net]', 'networks:', '  back_net:', ''].join('\n'),
    good: [...POST_ON_BACK_NET, '    networks:', '      back_net:', '        aliases: [post_db]', 'networks:', '  back_net:', ''].join('\n'),
  },
  check(ctx) {
    const { graph } = ctx;
    // Services reading one env_file share its lines: one finding per place, naming every service it fails for.
    const byPlace = new Map<string, { ref: HostReference; services: string[]; explanation: Explanation }[]>();
    for (const node of graph.services.values()) {
      for (const ref of node.references) {
        if (!isHostnameReference(ref)) continue;
        if (resolveName(graph, node.name, ref.host).status !== 'unresolved') continue;
        if (graph.disabledNames.has(ref.host.toLowerCase())) continue; // answers once its profile is active
        const explanation = explain(graph, node, ref, ctx.project);
        if (!explanation) continue;
        const place = ref.origin ? `${ref.origin.source.path}\0${ref.origin.start}\0${ref.origin.end}\0${ref.host}` : `${node.name}\0${ref.host}`;
        const same = byPlace.get(place) ?? [];
        byPlace.set(place, same);
        const twin = same.find((g) => g.explanation.messageId === explanation.messageId && g.explanation.detail === explanation.detail);
        if (twin) twin.services.push(node.name);
        else same.push({ ref, services: [node.name], explanation });
      }
    }
    for (const group of byPlace.values()) {
      for (const { ref, services, explanation } of group) {
        ctx.report({
          messageId: explanation.messageId,
          severity: explanation.severity,
          message: `\`${ref.host}\` does not resolve from ${listNames(services)}: ${explanation.detail}`,
          origin: ref.origin,
          service: services[0],
          value: ref.host,
        });
      }
    }
  },
};
export default rule;

interface Explanation {
  messageId: string;
  /** What follows "`name` does not resolve from <service>: ". */
  detail: string;
  severity?: Severity;
}

function explain(graph: Graph, node: ServiceNode, ref: HostReference, project: Project): Explanation | undefined {
  const name = ref.host;
  const lower = name.toLowerCase();
  const owner = namespaceOwner(graph, node.name)!;
  const isComposeName = graph.names.has(lower) || graph.serviceNames.has(lower);
  if (owner.namespace.kind !== 'own') {
    // The host's (or the default bridge's) resolver may know names outside the project: only compose names are sure misses.
    if (!isComposeName && owner.namespace.kind !== 'none') return undefined;
    return { messageId: 'isolated', detail: `${node.name} ${placement(graph, node.name)}, where service names do not resolve` };
  }
  const holders = holdersOf(graph, name);
  if (holders.length) {
    const nets = [...new Set(holders.map((h) => h.network))];
    return {
      messageId: 'noSharedNetwork',
      detail: `${whoAnswers(graph, name, holders.map((h) => h.service))} on ${networksPhrase(graph, nets)}, ${node.name} ${placement(graph, node.name, true)}`,
    };
  }
  const named = graph.serviceNames.get(lower);
  if (named) {
    const t = graph.services.get(named[0])!;
    const shares = t.namespace.kind === 'service' && t.namespace.target;
    const why = shares ? `it shares ${t.namespace.target}'s network stack (network_mode: ${t.namespace.raw}); use \`${t.namespace.target}\`` : `it uses network_mode: ${t.namespace.raw}`;
    return { messageId: 'noNetworkName', detail: `${t.name} has no name on any network: ${why}` };
  }
  const byHostname = graph.hostnames.get(lower);
  if (byHostname) {
    const t = byHostname[0];
    return {
      messageId: 'hostnameOnly',
      detail: `it is only the \`hostname\` of ${t}, which other containers cannot resolve; add \`${name}\` to ${t}'s network aliases`,
    };
  }
  // The hostname of a service whose profile is off: once it is on, the hostnameOnly message above applies.
  if (Object.values(project.disabledServices).some((d) => typeof d.hostname === 'string' && d.hostname.toLowerCase() === lower)) return undefined;
  const external = owner.networks.find((n) => graph.networks.get(n)?.external);
  if (external) {
    return {
      messageId: 'maybeExternal',
      severity: 'warning',
      detail: `nothing in this project is called that; it may be a container on the external network ${external}, which ${node.name} joins`,
    };
  }
  // Compose files started one by one under one project name share its networks (the reddit
  // course's docker-compose-monitoring.yml beside docker-compose.yml): the name may be defined there.
  const pinned = project.env.COMPOSE_PROJECT_NAME;
  if (graph.peerFiles.length || pinned) {
    const others = graph.peerFiles.length
      ? `${listNames(graph.peerFiles)} in the same directory ${graph.peerFiles.length === 1 ? 'runs' : 'run'} as the same project by default, ${graph.peerFiles.length === 1 ? 'shares' : 'share'} its networks`
      : `another compose file run as project ${pinned} (COMPOSE_PROJECT_NAME) shares its networks`;
    return {
      messageId: 'maybeOtherFile',
      severity: 'warning',
      detail: `nothing in this project is called that; ${others} and may define it: lint the files together (-f one.yml -f other.yml)`,
    };
  }
  return { messageId: 'unknownName', detail: `no service, container_name or network alias is called that${suggestion(graph, node, ref)}` };
}

/** "post is", "`post_db` (an alias of mongo) is", "`db` (post_db and cache) is". */
function whoAnswers(graph: Graph, name: string, services: string[]): string {
  const unique = [...new Set(services)];
  if (unique.length === 1 && unique[0] === name) return `${name} is`;
  const node = graph.services.get(unique[0]);
  const what = unique.length > 1 ? listNames(unique) : node?.containerName?.toLowerCase() === name.toLowerCase() ? `the container_name of ${unique[0]}` : `an alias of ${unique[0]}`;
  return `\`${name}\` (${what}) is`;
}

/** The nearest existing name; else the one reachable datastore the reference's words point at, with the alias to add. */
function suggestion(graph: Graph, node: ServiceNode, ref: HostReference): string {
  const near = nearestName(graph, ref.host, node.name);
  if (near) return `; did you mean \`${near}\`?`;
  const meant = meantDatastore(graph, node, ref);
  if (meant) return `; if ${meant.service} is meant, add \`${ref.host}\` to its aliases on ${networkPhrase(graph, meant.network)}`;
  return '; add it to the network aliases of the service meant to answer';
}

/**
 * The datastore a dangling name was probably meant for: among the datastores on the referrer's
 * networks, those whose family the reference's words name (POST_DATABASE_HOST=post_db -> a
 * database, CACHE_URL -> a cache); a single one wins, else the single one the referrer depends on.
 */
function meantDatastore(graph: Graph, node: ServiceNode, ref: HostReference): { service: string; network: string } | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+._-]*):\/\//.exec(ref.value)?.[1] ?? '';
  const words = new Set(`${ref.key ?? ''} ${ref.host} ${scheme}`.toLowerCase().split(/[^a-z0-9]+/));
  const candidates = new Map<string, string>();
  for (const net of node.networks) {
    for (const m of graph.networks.get(net)?.members ?? []) {
      const family = m === node.name ? undefined : datastoreWords(graph.services.get(m)?.image ?? '');
      if (family?.some((w) => words.has(w)) && !candidates.has(m)) candidates.set(m, net);
    }
  }
  let chosen = [...candidates.keys()];
  if (chosen.length > 1) chosen = chosen.filter((c) => node.references.some((r) => (r.kind === 'depends_on' || r.kind === 'links') && r.host === c));
  return chosen.length === 1 ? { service: chosen[0], network: candidates.get(chosen[0])! } : undefined;
}
