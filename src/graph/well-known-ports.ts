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
