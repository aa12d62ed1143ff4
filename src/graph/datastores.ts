/**
 * Datastores: databases, caches, search engines and message brokers, the services a public service
 * should not sit next to. This is the one definition every rule and the graph view read
 * (`node.datastore`, set by buildGraph; `datastoreOf` adds the config's `datastores` list).
 *
 * A service is a datastore when some evidence says so, strongest first:
 *   1. its image is a known engine: the repository's last part (`postgres`, `bitnami/postgresql`,
 *      `pgautoupgrade/pgautoupgrade`), or any part of the image path naming an engine
 *      (`mcr.microsoft.com/mssql/server`, `weaveworksdemos/user-db`), unless a part names a tool around the engine
 *      (`postgres-exporter`, `mongo-express`, `kafka-ui`);
 *   2. its environment configures a database server (`MYSQL_ROOT_PASSWORD`, `MONGO_INITDB_*`,
 *      `POSTGRES_INITDB_ARGS`; `POSTGRES_PASSWORD`, `MYSQL_USER` only for a service built without
 *      an `image`, since clients set those too) and names no host to connect to (`*_HOST`, `*_URL`);
 *   3. it listens on a well-known datastore port (`expose` or a `ports` target: 5432, 3306, 6379...),
 *      when its image is not known as something else (Home Assistant's 8123 is ClickHouse's HTTP port);
 *   4. its name says so (`db`, `database`, `*-db`, `*_db`, or an engine: `redis`, `post_db`), when
 *      its image is not known as something else.
 * An image is known as something else when the table of default-ports.ts lists it and evidence 1
 * does not take it for a datastore.
 *
 * Each family lists the words configuration uses for it (POST_DATABASE_HOST, CACHE_URL, pg://), so a
 * message can guess which datastore a dangling name was meant for.
 * Default ports, with their sources: default-ports.ts.
 */
import { imageForMessage, parseImageReference, repositoryName } from '../model/image';
import { PORT_FACTS } from './default-ports';
import { adminConsole } from './well-known-ports';
import type { Datastore, Family, ServiceNode } from './types';

export type { Datastore, Family };

const FAMILY_ROWS: readonly Omit<Family, 'ports'>[] = [
  {
    name: 'mongo',
    repositories: ['mongo', 'mongodb', 'mongodb-community-server', 'mongodb-enterprise-server', 'percona-server-mongodb'],
    words: ['mongo', 'mongodb', 'db', 'database'],
    serverEnv: /^MONGO_INITDB_/,
  },
  {
    name: 'postgres',
    repositories: ['postgres', 'postgresql', 'postgis', 'pgvector', 'timescaledb', 'timescaledb-ha', 'pgautoupgrade', 'cockroach', 'cockroachdb', 'supabase-postgres'],
    words: ['postgres', 'postgresql', 'pg', 'psql', 'sql', 'db', 'database'],
    serverEnv: /^(POSTGRES_(INITDB_ARGS|INITDB_WALDIR|HOST_AUTH_METHOD)|PGDATA)$/,
    clientOrServerEnv: /^POSTGRES_(PASSWORD|USER|DB)$/,
  },
  {
    name: 'mysql',
    repositories: ['mysql', 'mysql-server', 'mariadb', 'percona', 'percona-server'],
    words: ['mysql', 'mariadb', 'maria', 'sql', 'db', 'database'],
    serverEnv: /^(MYSQL|MARIADB)_(ROOT_PASSWORD|ALLOW_EMPTY_PASSWORD|RANDOM_ROOT_PASSWORD|ROOT_HOST)$/,
    clientOrServerEnv: /^(MYSQL|MARIADB)_(DATABASE|USER|PASSWORD)$/,
  },
  {
    name: 'mssql',
    repositories: ['mssql', 'mssql-server-linux', 'azure-sql-edge'],
    words: ['mssql', 'sqlserver', 'sql', 'db', 'database'],
    serverEnv: /^(MSSQL_SA_PASSWORD|SA_PASSWORD|ACCEPT_EULA)$/,
  },
  { name: 'redis', repositories: ['redis', 'redis-stack', 'redis-stack-server', 'valkey', 'keydb', 'dragonfly', 'garnet'], words: ['redis', 'valkey', 'keydb', 'cache', 'kv'] },
  { name: 'memcached', repositories: ['memcached'], words: ['memcached', 'memcache', 'cache'] },
  { name: 'elasticsearch', repositories: ['elasticsearch', 'opensearch'], words: ['elasticsearch', 'elastic', 'opensearch', 'es', 'search'] },
  { name: 'cassandra', repositories: ['cassandra', 'scylla'], words: ['cassandra', 'scylla', 'db', 'database'] },
  { name: 'couchdb', repositories: ['couchdb', 'couchbase'], words: ['couchdb', 'couchbase', 'couch', 'db', 'database'] },
  { name: 'influxdb', repositories: ['influxdb'], words: ['influxdb', 'influx', 'db', 'database'] },
  { name: 'clickhouse', repositories: ['clickhouse', 'clickhouse-server'], words: ['clickhouse', 'ch', 'db', 'database'] },
  { name: 'neo4j', repositories: ['neo4j'], words: ['neo4j', 'graph', 'db', 'database'] },
  { name: 'rethinkdb', repositories: ['rethinkdb'], words: ['rethinkdb', 'rethink', 'db', 'database'] },
  { name: 'arangodb', repositories: ['arangodb'], words: ['arangodb', 'arango', 'db', 'database'] },
  { name: 'questdb', repositories: ['questdb'], words: ['questdb', 'db', 'database'] },
  {
    name: 'vector',
    repositories: ['qdrant', 'weaviate', 'milvus', 'chroma', 'chromadb'],
    words: ['qdrant', 'weaviate', 'milvus', 'chroma', 'chromadb', 'vector', 'db', 'database'],
  },
  // Message brokers hold data in flight (and often at rest): data services like the databases.
  { name: 'kafka', repositories: ['kafka', 'cp-kafka', 'cp-server', 'redpanda'], words: ['kafka', 'broker', 'brokers', 'bootstrap', 'redpanda'] },
  { name: 'rabbitmq', repositories: ['rabbitmq'], words: ['rabbitmq', 'rabbit', 'amqp', 'broker', 'mq', 'queue'] },
  { name: 'nats', repositories: ['nats', 'nats-streaming'], words: ['nats', 'broker'] },
  { name: 'zookeeper', repositories: ['zookeeper', 'cp-zookeeper'], words: ['zookeeper', 'zk'] },
];

/** Each family with the ports a service listening on is taken for it (default-ports.ts: rows naming the family). */
const FAMILIES: readonly Family[] = FAMILY_ROWS.map((f) => ({ ...f, ports: PORT_FACTS.filter((p) => p.evidence && p.product.family === f.name).map((p) => p.port) }));

/** Parts of an image or service name that make it a tool around an engine rather than the engine. */
const TOOL_WORDS = new Set([
  'exporter',
  'express',
  'commander',
  'ui',
  'admin',
  'insight',
  'insights',
  'web',
  'gui',
  'console',
  'proxy',
  'rest',
  'connect',
  'registry',
  'backup',
  'backups',
  'init',
  'migrate',
  'migration',
  'migrations',
  'migrator',
  'operator',
  'client',
  'cli',
  'manager',
  'dashboard',
  'browser',
  'studio',
  'setup',
  'seed',
  'seeder',
  'exporters',
  'meta',
  'monitor',
  'metrics',
  'agent',
  'sync',
  'cron',
  'worker',
  'dump',
  'restore',
  'tools',
  'wait',
  'healthcheck',
  'bouncer',
  'schema',
  'ksql',
  'mirror',
]);

const BY_REPOSITORY = new Map<string, Family>(FAMILIES.flatMap((f) => f.repositories.map((r) => [r, f] as const)));
const BY_PORT = new Map<number, Family>(FAMILIES.flatMap((f) => f.ports.map((p) => [p, f] as const)));
const GENERIC_DB: Family = { name: 'database', repositories: [], words: ['db', 'database', 'sql', 'data'], ports: [] };

const tokens = (part: string): string[] => part.split(/[-_.]+/).filter(Boolean);

/** The family a name (an image path part or a service name) points at, unless it names a tool: an engine leading it, or a last word `db`. */
function familyOfName(part: string): Family | undefined {
  const words = tokens(part);
  if (words.some((w) => TOOL_WORDS.has(w))) return undefined;
  const whole = BY_REPOSITORY.get(part);
  if (whole) return whole;
  // The engine leads the name (redis-cache, postgres_alpha); later it is a variant of something
  // else (zabbix-server-mysql is a Zabbix server built for MySQL).
  const first = words.length ? BY_REPOSITORY.get(words[0]) : undefined;
  if (first) return first;
  return words.length && (words[words.length - 1] === 'db' || words[words.length - 1] === 'database') ? GENERIC_DB : undefined;
}

/** imageFamily() per image reference: a project names few images, used by many services (issue 13). */
const familyMemo = new Map<string, Family | null>();

/** The datastore family of an image, or undefined. */
export function imageFamily(image: string): Family | undefined {
  let f = familyMemo.get(image);
  if (f === undefined) {
    f = familyOfImage(image) ?? null;
    familyMemo.set(image, f);
  }
  return f ?? undefined;
}

function familyOfImage(image: string): Family | undefined {
  // A known console is a client even when its namespace names the engine (redis/redisinsight).
  if (adminConsole(image) !== undefined) return undefined;
  // mcr.microsoft.com/mssql/server, weaveworksdemos/user-db: an engine anywhere in the path (registry host excluded).
  const path = parseImageReference(image).path.split('/');
  const exact = BY_REPOSITORY.get(path[path.length - 1]);
  if (exact) return exact;
  if (path.some((p) => tokens(p).some((w) => TOOL_WORDS.has(w)))) return undefined;
  for (const p of [...path].reverse()) {
    const f = familyOfName(p);
    if (f) return f;
  }
  return undefined;
}

/** The words of the image's datastore family, or undefined when the image is not a datastore. */
export function datastoreWords(image: string): readonly string[] | undefined {
  return imageFamily(image)?.words;
}

/** What the evidence needs to know of a service. */
export interface DatastoreInput {
  name: string;
  image?: string;
  /** Keys of the container's environment (environment and env_file). */
  envKeys: readonly string[];
  /** Ports it listens on inside its namespace, as written in `expose` or a `ports` target. */
  declaredPorts: readonly number[];
  /** The service builds its image (`build:`). */
  builds?: boolean;
  /** True when the image is known to be something else (a web server, Home Assistant): its ports and name are then no evidence. */
  knownOtherImage: boolean;
}

/** A key naming a host to connect to: the service is a client of that engine, not the engine. */
const CLIENT_KEY = /(?:^|_)(?:HOST|HOSTNAME|SERVER|ADDR|ADDRESS|URL|URI|DSN)$/;

/** The evidence that a service is a datastore (see the module comment for the order), or undefined. */
export function recognizeDatastore(s: DatastoreInput): Datastore | undefined {
  if (s.image) {
    const f = imageFamily(s.image);
    if (f) return { family: f, evidence: `image ${imageForMessage(s.image)}`, by: 'image' };
  }
  if (!s.envKeys.some((k) => CLIENT_KEY.test(k))) {
    for (const f of FAMILIES) {
      const key = s.envKeys.find((k) => f.serverEnv?.test(k) || (s.builds && !s.image && f.clientOrServerEnv?.test(k)));
      if (key) return { family: f, evidence: `${key} in its environment`, by: 'environment' };
    }
  }
  if (s.knownOtherImage) return undefined;
  for (const p of s.declaredPorts) {
    const f = BY_PORT.get(p);
    if (f) return { family: f, evidence: `listens on ${p} (${f.name})`, by: 'port' };
  }
  const f = familyOfName(s.name.toLowerCase());
  return f && { family: f, evidence: `named ${s.name}`, by: 'name' };
}

/**
 * The service's datastore evidence, counting the config's `datastores` list (service names or image
 * repository names) as evidence too.
 */
export function datastoreOf(node: ServiceNode, declared: readonly string[] = []): Datastore | undefined {
  if (declared.length) {
    const repo = node.image ? repositoryName(node.image) : undefined;
    if (declared.includes(node.name) || (repo !== undefined && declared.includes(repo))) {
      return node.datastore?.by === 'image' ? node.datastore : { family: node.datastore?.family ?? GENERIC_DB, evidence: 'listed under `datastores` in the config', by: 'config' };
    }
  }
  return node.datastore;
}

/**
 * True when the evidence is certain enough for a finding about the engine itself (its port published,
 * its host networking): the image names it, or the config lists it. Environment, port and name
 * evidence is enough to say whom a service talks to, not to call a built app a database.
 */
export function isEngineItself(d: Datastore | undefined): boolean {
  return d?.by === 'image' || d?.by === 'config';
}
