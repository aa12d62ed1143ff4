/**
 * What is known of an image's own HEALTHCHECK, for `depends_on: {condition: service_healthy}` on a
 * service that defines no `healthcheck`: Compose waits for the container's health, which exists
 * only when the image declares one.
 *
 * Sources: the Docker official images team does not add HEALTHCHECK to the images it maintains
 * (docker-library/faq, "HEALTHCHECK"), so the official database and broker images below ship none;
 * OpenZipkin adds one to every image it publishes (openzipkin/zipkin, docker/RATIONALE.md, "Why do
 * we add HEALTHCHECK?"), on Docker Hub and ghcr.io alike.
 */
import { parseImageReference } from './image';

/** Docker official images (library/) maintained by the official images team that ship no HEALTHCHECK. */
const OFFICIAL_WITHOUT = new Set(['postgres', 'mysql', 'mariadb', 'mongo', 'redis', 'memcached', 'rabbitmq', 'cassandra']);
/** Docker Hub namespaces and other registries' paths whose images ship a HEALTHCHECK. */
const NAMESPACES_WITH: readonly { domain: string; namespace: string }[] = [
  { domain: '', namespace: 'openzipkin/' },
  { domain: 'docker.io', namespace: 'openzipkin/' },
  { domain: 'ghcr.io', namespace: 'openzipkin/' },
];

/**
 * 'declared' when the image is known to declare a HEALTHCHECK, 'none' when it is known to declare
 * none, undefined when nothing is known (most images; an image left broken by an unset variable).
 */
export function imageHealthcheck(image: string): 'declared' | 'none' | undefined {
  if (image.includes('$')) return undefined;
  const { domain, path } = parseImageReference(image.trim());
  if (NAMESPACES_WITH.some((n) => n.domain === domain && path.startsWith(n.namespace))) return 'declared';
  const hub = domain === '' || domain === 'docker.io';
  const official = path.startsWith('library/') ? path.slice('library/'.length) : path;
  return hub && !official.includes('/') && OFFICIAL_WITHOUT.has(official) ? 'none' : undefined;
}
