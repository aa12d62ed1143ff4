import { defineRule } from '../src/define-rule';
import type { Severity } from '../src/types';
import type { Graph, ServiceNode } from '../src/graph/types';
import { namespaceOwner, sharedNetworks, usersOf } from '../src/graph/query';
import { datastoreOf } from '../src/graph/datastores';
import { listNames, networkPhrase } from '../src/graph/describe';
import { consoleServes } from '../src/graph/well-known-ports';

interface Options {
  /** Report datastores no service is seen using too. */
  strict: boolean;
  /** Services that count as public even without published ports. */
  frontends: string[];
  /** Services (or image names) that count as datastores besides the recognised ones. */
  datastores: string[];
}

type MessageId = 'shared' | 'unused';

export default defineRule<Options, MessageId>({
  id: 'frontend-reaches-database',
  description: 'A public service shares a network with a datastore it does not use.',
  category: 'network',
  severity: 'warning',
  fixable: false,
  options: {
    type: 'object',
    properties: {
      strict: { type: 'boolean', default: false, description: 'Also report datastores that no service is seen using (an app that hardcodes its hosts).' },
      frontends: { type: 'array', items: { type: 'string' }, default: [], description: 'Services that are public even without published ports.' },
      datastores: { type: 'array', items: { type: 'string' }, default: [], description: 'Services (by name or image name) that are datastores besides the recognised ones.' },
    },
    additionalProperties: false,
  },
  messages: {
    shared: 'datastore {{store}} shares {{network}} with public {{publics}}, which {{doNot}} use it (only {{users}} {{use}} it); {{fix}}',
    unused: 'datastore {{store}} shares {{network}} with public {{publics}}, and no service is seen using it; {{fix}}',
  },
  docs: {
    why: [
      "A public service (one that publishes a port on an address other machines reach, or runs on the host network) is the one an attacker reaches first. When it sits on the same network as a datastore it never talks to, a compromise of the frontend is one hop from the data: nothing but the datastore's password stands in the way. Put public services on a front network and datastores on a back network shared only with the services that use them.",
      "There is one finding per datastore and network, at the datastore's attachment to that network, listing the public services there that do not use it. Services published only on loopback (`127.0.0.1:8080:80`) are not public. A service that uses the datastore through a sidecar sharing its network stack (`network_mode: service:X`) uses it. A database console uses the datastores of the engines it manages on its networks, since the server is picked at login: Adminer (MySQL/MariaDB, PostgreSQL, MS SQL, Elasticsearch, MongoDB, ClickHouse; adminer.org), phpMyAdmin (MySQL/MariaDB), pgAdmin (PostgreSQL), mongo-express (MongoDB), Redis Commander and RedisInsight (Redis); a console published on every interface is `port-all-interfaces`' finding. To stay quiet on designs where an app hardcodes its hosts, the rule needs evidence of the datastore's real clients: a service that depends on it, links to it, or names it in its environment (in a URL, as `host:port`, or as the whole value of any variable: `EventBusConnection=rabbitmq`); with `strict: true` datastores without seen clients are reported too.",
      "Severity: a warning, or `info` when every public service listed uses another datastore on that network (the voting app's `vote` writes to redis on the back tier it shares with `db`): it belongs on that network, and the advice is to give the datastore a network of its own.",
      "Datastores are recognised by evidence: the image (postgres, mysql, mariadb, mongo, redis, valkey, memcached, elasticsearch, opensearch, cassandra, clickhouse, ..., and the brokers kafka, rabbitmq, nats, zookeeper), also when the engine is part of the image name (`bitnami/postgresql`, `pgautoupgrade/pgautoupgrade`, `weaveworksdemos/user-db`) but not tools around it (`postgres-exporter`, `mongo-express`); server settings in the environment (`POSTGRES_PASSWORD`, `MYSQL_ROOT_PASSWORD`, `MONGO_INITDB_*`, without a host to connect to); a well-known datastore port in `expose` or a `ports` target; a name like `db`, `*-db`, `*_db`. The `frontends` and `datastores` options (or the config's top-level lists) add services by name.",
    ].join('\n\n'),
    bad: [
      'services:',
      '  ui:',
      '    image: reddit/ui',
      '    ports: ["9292:9292"]',
      '    networks: [reddit]',
      '  post:',
      '    image: reddit/post',
      '    environment:',
      '      POST_DATABASE_HOST: post_db',
      '    networks: [reddit]',
      '  post_db:',
      '    image: mongo:4',
      '    networks: [reddit]',
      'networks:',
      '  reddit:',
      '',
    ].join('\n'),
    good: [
      'services:',
      '  ui:',
      '    image: reddit/ui',
      '    ports: ["9292:9292"]',
      '    networks: [front_net]',
      '  post:',
      '    image: reddit/post',
      '    environment:',
      '      POST_DATABASE_HOST: post_db',
      '    networks: [front_net, back_net]',
      '  post_db:',
      '    image: mongo:4',
      '    networks: [back_net]',
      'networks:',
      '  front_net:',
      '  back_net:',
      '',
    ].join('\n'),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const frontends = new Set(options.frontends);
    const isStore = (s: ServiceNode): boolean => datastoreOf(s, options.datastores) !== undefined;
    const isPublic = (s: ServiceNode): boolean => !isStore(s) && (frontends.has(s.name) || s.exposure.level === 'public');
    const group = namespaceGroups(graph);
    // A service uses a datastore when it, or a sidecar in its network stack, does; a database
    // console (Adminer, phpMyAdmin, ...) uses the datastores of its engines it can reach.
    const uses = (svc: ServiceNode, store: ServiceNode): boolean => {
      const users = usersOf(graph, store.name);
      const family = datastoreOf(store, options.datastores)?.family.name;
      return (group.get(svc.name) ?? [svc.name]).some((m) => users.has(m) || isConsoleFor(graph.services.get(m), family));
    };

    for (const net of graph.networks.values()) {
      const members = net.members.map((m) => graph.services.get(m)!);
      const stores = members.filter(isStore);
      const publics = members.filter(isPublic);
      if (!stores.length || !publics.length) continue;
      for (const store of stores) {
        const exposed = publics.filter((p) => !uses(p, store));
        const users = [...usersOf(graph, store.name)].filter((u) => u !== store.name);
        if (!exposed.length || (!users.length && !options.strict)) continue;
        // Publics that use another datastore here belong on this network: the datastore should move.
        const settled = exposed.filter((p) => stores.some((other) => other !== store && uses(p, other)));
        const severity: Severity = settled.length === exposed.length ? 'info' : 'warning';
        const names = exposed.map((p) => p.name);
        const data = {
          store: store.name,
          network: networkPhrase(graph, net.name),
          publics: `${names.length === 1 ? 'service' : 'services'} ${shortList(names)}`,
          doNot: names.length === 1 ? 'does not' : 'do not',
          users: shortList(users),
          use: users.length === 1 ? 'uses' : 'use',
          fix: advice(graph, net.name, store.name, exposed, severity === 'info', group),
        };
        const attachment = store.attachments.find((a) => a.network === net.name);
        ctx.report({ messageId: users.length ? 'shared' : 'unused', data, severity, origin: attachment?.origin ?? store.origin, service: store.name, value: net.name });
      }
    }
  },
});

/** Is `node` a database console (well-known-ports.ts) for datastores of `family`? */
function isConsoleFor(node: ServiceNode | undefined, family: string | undefined): boolean {
  return node?.image !== undefined && family !== undefined && consoleServes(node.image).includes(family);
}

/** Each namespace owner -> itself and the services sharing its network stack (network_mode: service:X). */
function namespaceGroups(graph: Graph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of graph.services.values()) {
    const owner = namespaceOwner(graph, node.name);
    if (!owner) continue;
    const list = out.get(owner.name) ?? [];
    list.push(node.name);
    out.set(owner.name, list);
  }
  return out;
}

/**
 * Does `front` (or a sidecar in its stack) use a service it shares no other network with than
 * `network`? Then cutting it off the network would break that, and the datastore should move.
 */
function needsNetwork(graph: Graph, front: ServiceNode, network: string, group: Map<string, string[]>): boolean {
  const mine = group.get(front.name) ?? [front.name];
  const members = graph.networks.get(network)?.members ?? [];
  return members.some((m) => !mine.includes(m) && mine.some((s) => usersOf(graph, m).has(s)) && sharedNetworks(graph, front.name, m).every((n) => n === network));
}

function advice(graph: Graph, network: string, store: string, exposed: ServiceNode[], settled: boolean, group: Map<string, string[]>): string {
  const net = networkPhrase(graph, network);
  if (network === 'default' && !graph.networks.get(network)?.declared) return `declare a front and a back network and keep ${store} on the back one with its clients`;
  if (settled) return `give ${store} a network of its own, shared only with its clients`;
  const needy = exposed.filter((p) => needsNetwork(graph, p, network, group)).map((p) => p.name);
  if (needy.length) return `${shortList(needy)} ${needy.length === 1 ? 'needs' : 'need'} ${net} for other services, so move ${store} to a back network shared only with its clients`;
  return `keep ${shortList(exposed.map((p) => p.name))} off ${net} and give ${store} a back network shared only with its clients`;
}

/** A list of services, the tail counted when it is long. */
function shortList(names: string[]): string {
  const LIMIT = 5;
  return names.length <= LIMIT + 1 ? listNames(names) : `${names.slice(0, LIMIT).join(', ')} and ${names.length - LIMIT} more`;
}
