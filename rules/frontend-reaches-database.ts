import type { Rule } from '../src/types';
import type { Graph, ServiceNode } from '../src/graph/types';
import { sharedNetworks, usersOf } from '../src/graph/query';
import { isDatastoreImage } from '../src/graph/datastores';
import { listNames, networkPhrase } from '../src/graph/describe';

interface Options {
  /** Report every public service next to a datastore it does not use, whether or not others use it. */
  strict?: boolean;
  /** Services that count as public even without published ports. */
  frontends?: string[];
  /** Services (or image names) that count as datastores besides the recognised images. */
  datastores?: string[];
}

const rule: Rule<Options> = {
  id: 'frontend-reaches-database',
  description: 'A public service shares a network with a datastore that only other services use.',
  category: 'network',
  severity: 'warning',
  fixable: false,
  options: {
    type: 'object',
    properties: {
      strict: { type: 'boolean', default: false, description: 'Report every public service sharing a network with a datastore it does not use, even when no other service is seen using it.' },
      frontends: { type: 'array', items: { type: 'string' }, description: 'Services that are public even without published ports.' },
      datastores: { type: 'array', items: { type: 'string' }, description: 'Services (by name or image name) that are datastores besides the recognised images.' },
    },
    additionalProperties: false,
  },
  messages: {
    sharedNetwork: 'A public service shares a network with a datastore that other services use and it does not.',
    strict: 'strict: a public service shares a network with a datastore it does not use.',
  },
  docs: {
    why: [
      'A service that publishes ports is the one an attacker reaches first. When it sits on the same network as a database it never talks to, a compromise of the frontend is one hop from the data: nothing but the database password stands in the way. Put public services on a front network and datastores on a back network shared only with the services that use them.',
      'To stay quiet on designs where an app hardcodes its hosts, the rule needs evidence of the datastore\'s real clients: another service that depends on it, links to it, or names it (service name, `container_name` or alias) in its environment. A public service that itself uses a datastore on that network is taken to belong there (the voting app\'s `vote` writes to redis on its back tier, next to the results database). With `strict: true` every public service next to a datastore it does not use is reported. Datastores are recognised by image (mongo, postgres, mysql, mariadb, redis, valkey, memcached, elasticsearch, opensearch, cassandra, couchdb, influxdb, clickhouse, neo4j, cockroach, ...); `frontends` and `datastores` options add services by name.',
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
    const { graph } = ctx;
    const strict = ctx.options.strict === true;
    const frontends = new Set(ctx.options.frontends ?? []);
    const declaredStores = new Set(ctx.options.datastores ?? []);
    const isDatastore = (s: ServiceNode): boolean => declaredStores.has(s.name) || (s.image !== undefined && (isDatastoreImage(s.image) || declaredStores.has(repositoryName(s.image))));
    const isPublic = (s: ServiceNode): boolean => frontends.has(s.name) || (s.published.length > 0 && !isDatastore(s));

    for (const net of graph.networks.values()) {
      const members = net.members.map((m) => graph.services.get(m)!);
      const stores = members.filter(isDatastore);
      if (!stores.length) continue;
      for (const front of members.filter(isPublic)) {
        // A public service that itself uses a datastore here belongs to this data network (the
        // voting app's `vote` writes to redis on back-tier): only strict mode questions that.
        const usesStoreHere = stores.some((st) => usersOf(graph, st.name).has(front.name));
        if (usesStoreHere && !strict) continue;
        // One finding per attachment, naming every datastore it opens a path to.
        const exposed = stores
          .filter((store) => store !== front)
          .map((store) => ({ store: store.name, users: [...usersOf(graph, store.name)] }))
          .filter((e) => !e.users.includes(front.name) && (strict || e.users.length > 0));
        if (!exposed.length) continue;
        const attachment = front.attachments.find((a) => a.network === net.name);
        ctx.report({
          messageId: exposed.some((e) => e.users.length) ? 'sharedNetwork' : 'strict',
          message: message(graph, { front, network: net.name, exposed, declared: frontends.has(front.name), usesStoreHere, reachesOnlyHere: reachesOnlyThrough(graph, front, net.name) }),
          origin: attachment?.origin ?? front.origin,
          service: front.name,
          value: net.name,
        });
      }
    }
  },
};
export default rule;

interface Path {
  front: ServiceNode;
  network: string;
  /** The datastores reachable through the attachment, each with the services that use it. */
  exposed: { store: string; users: string[] }[];
  /** The front is a frontend by config rather than by publishing ports. */
  declared: boolean;
  /** The front uses another datastore on this network (strict mode), so it cannot simply leave it. */
  usesStoreHere: boolean;
  /** The front uses a service it reaches through this network only, so the datastores should move instead. */
  reachesOnlyHere: boolean;
}

/** Does `front` use a service that shares no other network with it than `network`? */
function reachesOnlyThrough(graph: Graph, front: ServiceNode, network: string): boolean {
  const members = graph.networks.get(network)?.members ?? [];
  return members.some((m) => m !== front.name && usersOf(graph, m).has(front.name) && sharedNetworks(graph, front.name, m).every((n) => n === network));
}

function message(graph: Graph, p: Path): string {
  const { front, exposed } = p;
  const what = p.declared ? `${front.name} is a frontend` : `${front.name} publishes ports`;
  const net = networkPhrase(graph, p.network);
  const stores = exposed.map((e) => e.store);
  let whom: string;
  if (exposed.length === 1) {
    const users = exposed[0].users;
    whom = `the datastore ${stores[0]}, ${users.length ? `which only ${shortList(users)} ${users.length === 1 ? 'uses' : 'use'}` : `which ${front.name} does not use`}`;
  } else {
    // Datastores with the same clients are named together: "redis-cache and redis-queue (used only by ...)".
    const groups = new Map<string, { stores: string[]; users: string[] }>();
    for (const e of exposed) {
      const key = e.users.join('\0');
      const g = groups.get(key) ?? { stores: [], users: e.users };
      g.stores.push(e.store);
      groups.set(key, g);
    }
    const parts = [...groups.values()].map((g) => `${listNames(g.stores)} (${g.users.length ? `used only by ${shortList(g.users)}` : `not used by ${front.name}`})`);
    // An Oxford comma keeps "x (used by a), and y and z (used by b)" readable.
    whom = `the datastores ${parts.length > 2 || (parts.length === 2 && groups.size < exposed.length) ? `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}` : listNames(parts)}`;
  }
  const them = exposed.length === 1 ? stores[0] : 'the datastores';
  let fix: string;
  if (p.network === 'default' && !graph.networks.get(p.network)?.declared) fix = `declare a front and a back network and keep ${them} on the back one with ${exposed.length === 1 ? 'its' : 'their'} clients`;
  else if (p.usesStoreHere) fix = `give ${them} ${exposed.length === 1 ? 'a network of its own' : 'networks of their own'}, shared only with ${exposed.length === 1 ? 'its' : 'their'} clients`;
  else if (p.reachesOnlyHere) fix = `${front.name} needs ${net} for other services, so move ${them} to a back network shared only with ${exposed.length === 1 ? 'its' : 'their'} clients`;
  else fix = `keep ${front.name} off ${net} and give ${them} a back network shared only with ${exposed.length === 1 ? 'its' : 'their'} clients`;
  return `${what} and shares ${net} with ${whom}; ${fix}`;
}

/** A list of services, the tail counted when it is long. */
function shortList(names: string[]): string {
  const LIMIT = 5;
  return names.length <= LIMIT + 1 ? listNames(names) : `${names.slice(0, LIMIT).join(', ')} and ${names.length - LIMIT} more`;
}

/** `registry/team/postgres:16` -> postgres, to match `datastores` entries given as image names. */
function repositoryName(image: string): string {
  const noTag = image.split('@')[0].replace(/:[^/]*$/, '');
  return noTag.split('/').pop()!.toLowerCase();
}
