/**
 * Ports and images that should not face every network: datastores' and brokers' protocol ports,
 * remote administration ports, and web admin consoles recognised by image. Read by
 * `port-all-interfaces`; the datastore families themselves are in datastores.ts.
 *
 * Port numbers are each product's documented default (IANA service names where registered:
 * postgresql 5432, mysql 3306, ms-sql-s 1433, ssh 22, telnet 23, docker 2375, docker-s 2376,
 * rfb 5900, ms-wbt-server 3389, etcd-client 2379; vendor docs for the rest).
 */

import { repositoryName } from '../model/image';

export interface WellKnownPort {
  /** What listens there, for messages: "PostgreSQL", "the Docker API without TLS". */
  name: string;
  kind: 'datastore' | 'admin';
}

const PORTS: [number, string, WellKnownPort['kind']][] = [
  [5432, 'PostgreSQL', 'datastore'],
  [3306, 'MySQL/MariaDB', 'datastore'],
  [33060, 'MySQL X Protocol', 'datastore'],
  [1433, 'SQL Server', 'datastore'],
  [1521, 'Oracle Database', 'datastore'],
  [27017, 'MongoDB', 'datastore'],
  [27018, 'MongoDB (shard)', 'datastore'],
  [27019, 'MongoDB (config server)', 'datastore'],
  [6379, 'Redis', 'datastore'],
  [11211, 'Memcached', 'datastore'],
  [9200, 'Elasticsearch/OpenSearch', 'datastore'],
  [9300, 'Elasticsearch transport', 'datastore'],
  [5984, 'CouchDB', 'datastore'],
  [8086, 'InfluxDB', 'datastore'],
  [9042, 'Cassandra', 'datastore'],
  [7687, 'Neo4j Bolt', 'datastore'],
  [28015, 'RethinkDB', 'datastore'],
  [8529, 'ArangoDB', 'datastore'],
  [26257, 'CockroachDB', 'datastore'],
  [6333, 'Qdrant', 'datastore'],
  [19530, 'Milvus', 'datastore'],
  [5672, 'RabbitMQ (AMQP)', 'datastore'],
  [9092, 'Kafka', 'datastore'],
  [2181, 'ZooKeeper', 'datastore'],
  [22, 'SSH', 'admin'],
  [23, 'Telnet', 'admin'],
  [2375, 'the Docker API without TLS', 'admin'],
  [2376, 'the Docker API', 'admin'],
  [2377, 'Docker Swarm management', 'admin'],
  [2379, 'etcd', 'admin'],
  [2380, 'etcd peer traffic', 'admin'],
  [10250, 'the kubelet API', 'admin'],
  [5900, 'VNC', 'admin'],
  [3389, 'RDP', 'admin'],
  [15672, 'the RabbitMQ management console', 'admin'],
  [8500, 'the Consul HTTP API', 'admin'],
];

const BY_PORT = new Map<number, WellKnownPort>(PORTS.map(([port, name, kind]) => [port, { name, kind }]));

/** What usually listens on a container port, when it is a datastore or administration port. */
export function wellKnownPort(port: number): WellKnownPort | undefined {
  return BY_PORT.get(port);
}

/** Web consoles that administer a datastore or Docker itself, by the image's repository name. */
const ADMIN_IMAGES: Record<string, string> = {
  adminer: 'the Adminer database console',
  phpmyadmin: 'the phpMyAdmin database console',
  pgadmin4: 'the pgAdmin database console',
  'mongo-express': 'the mongo-express database console',
  'redis-commander': 'the Redis Commander console',
  redisinsight: 'the RedisInsight console',
  portainer: 'the Portainer Docker console',
  'portainer-ce': 'the Portainer Docker console',
  'portainer-ee': 'the Portainer Docker console',
};

/** The admin console an image runs, for messages, or undefined. */
export function adminConsole(image: string): string | undefined {
  const name = repositoryName(image);
  return Object.prototype.hasOwnProperty.call(ADMIN_IMAGES, name) ? ADMIN_IMAGES[name] : undefined;
}

/** Git servers publish SSH on purpose (clone over ssh): their port 22 is not an admin port. */
const GIT_SERVERS = new Set(['gitea', 'forgejo', 'gitlab', 'gitlab-ce', 'gitlab-ee', 'gogs', 'soft-serve', 'onedev']);

export function isGitServer(image: string): boolean {
  return GIT_SERVERS.has(repositoryName(image));
}
