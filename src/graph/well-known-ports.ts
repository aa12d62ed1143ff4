/**
 * Ports and images that should not face every network: datastores' and brokers' protocol ports,
 * remote administration ports, and web admin consoles recognised by image. Read by
 * `port-all-interfaces`; the datastore families themselves are in datastores.ts.
 *
 * The ports, with their sources, are the rows of default-ports.ts that give an `exposure`.
 */

import { repositoryName } from '../model/image';
import { PORT_FACTS } from './default-ports';

export interface WellKnownPort {
  /** What listens there, for messages: "PostgreSQL", "the Docker API without TLS". */
  name: string;
  kind: 'datastore' | 'admin';
}

/** By port number: the rule asks about a container port whatever its protocol. */
const BY_PORT = new Map<number, WellKnownPort>();
for (const f of PORT_FACTS) if (f.exposure && !BY_PORT.has(f.port)) BY_PORT.set(f.port, { name: f.what, kind: f.exposure });

/** What usually listens on a container port, when it is a datastore or administration port. */
export function wellKnownPort(port: number): WellKnownPort | undefined {
  return BY_PORT.get(port);
}

/**
 * Web consoles that administer a datastore or Docker itself, by the image's repository name: what
 * they are, for messages, and the datastore families (datastores.ts) a database console connects to
 * (the server and credentials are typed into it at login, or set in its environment).
 * Sources: adminer.org and the vrana/adminer README (MySQL, MariaDB, PostgreSQL, CockroachDB, MS SQL,
 * Oracle, SQLite; drivers for Elasticsearch, MongoDB, ClickHouse); phpmyadmin.net (MySQL, MariaDB);
 * pgadmin.org (PostgreSQL); the mongo-express, Redis Commander and RedisInsight READMEs.
 */
const ADMIN_IMAGES: Record<string, { what: string; serves: readonly string[] }> = {
  adminer: { what: 'the Adminer database console', serves: ['mysql', 'postgres', 'mssql', 'elasticsearch', 'mongo', 'clickhouse'] },
  phpmyadmin: { what: 'the phpMyAdmin database console', serves: ['mysql'] },
  pgadmin4: { what: 'the pgAdmin database console', serves: ['postgres'] },
  'mongo-express': { what: 'the mongo-express database console', serves: ['mongo'] },
  'redis-commander': { what: 'the Redis Commander console', serves: ['redis'] },
  redisinsight: { what: 'the RedisInsight console', serves: ['redis'] },
  portainer: { what: 'the Portainer Docker console', serves: [] },
  'portainer-ce': { what: 'the Portainer Docker console', serves: [] },
  'portainer-ee': { what: 'the Portainer Docker console', serves: [] },
};

const adminImage = (image: string): { what: string; serves: readonly string[] } | undefined => {
  const name = repositoryName(image);
  return Object.prototype.hasOwnProperty.call(ADMIN_IMAGES, name) ? ADMIN_IMAGES[name] : undefined;
};

/** The admin console an image runs, for messages, or undefined. */
export function adminConsole(image: string): string | undefined {
  return adminImage(image)?.what;
}

/**
 * The datastore families (Family.name: 'mysql', 'postgres', 'redis', ...) a database console image
 * connects to, or [] for any other image. A console uses the datastores of these families that
 * share its network even when no setting names them: the user picks the server at login.
 */
export function consoleServes(image: string): readonly string[] {
  return adminImage(image)?.serves ?? [];
}

/** Git servers publish SSH on purpose (clone over ssh): their port 22 is not an admin port. */
const GIT_SERVERS = new Set(['gitea', 'forgejo', 'gitlab', 'gitlab-ce', 'gitlab-ee', 'gogs', 'soft-serve', 'onedev']);

export function isGitServer(image: string): boolean {
  return GIT_SERVERS.has(repositoryName(image));
}
