/**
 * Image references (`image:`), split the way Docker's distribution/reference grammar does
 * (github.com/distribution/reference, reference.go and normalize.go):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path
 *   domain    := host [ ":" port ]
 *
 * The first part of the name is a registry domain only when it contains `.` or `:`, is `localhost`,
 * or has upper-case letters (normalize.go, splitDockerDomain); otherwise the whole name is a Docker
 * Hub path (`team/app`). So a `:` before the last `/` is a registry port, and the tag starts at the
 * first `:` after the last `/` (a path component cannot hold `:`). The split is by index, never by a
 * backtracking regex: an image of 100k colons stays linear.
 *
 * This is a reader for facts about images, not a validator: a reference Docker would refuse
 * (`nginx:1:2`, an upper-case path) is still split (tag `1:2`, path lower-cased), and Docker reports
 * it at pull time.
 */

/** Registry hosts that name Docker Hub (`docker.io` is the canonical one; normalize.go maps `index.docker.io` to it; `registry-1.docker.io` is the Hub's registry endpoint, which serves the same repositories). */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** An image reference split into its parts; every field is '' when absent. */
export interface ImageReference {
  /** Registry host with its port as written, lower-cased: `localhost:5000`, `ghcr.io`; '' when none is written (Docker Hub). */
  domain: string;
  /** Repository path after the domain, lower-cased: `library/redis`, `team/app`, `postgres`. */
  path: string;
  /** The tag as written (tags are case-sensitive): `1.2`, `latest`; '' without one. */
  tag: string;
  /** The digest as written: `sha256:...`; '' without one. */
  digest: string;
}

/** Split an image reference: `localhost:5000/app:1.2@sha256:ab` -> { domain 'localhost:5000', path 'app', tag '1.2', digest 'sha256:ab' }. */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at === -1 ? '' : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  const name = colon === -1 ? named : named.slice(0, colon);
  const tag = colon === -1 ? '' : named.slice(colon + 1);
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const isDomain = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  return {
    domain: isDomain ? first.toLowerCase() : '',
    path: (isDomain ? name.slice(slash + 1) : name).toLowerCase(),
    tag,
    digest,
  };
}

/**
 * The repository as Docker prints it for short (reference.FamiliarName): Docker Hub's domain and
 * its `library/` namespace removed, other registries kept. `docker.io/library/nginx:1.27` -> `nginx`,
 * `grafana/grafana` -> `grafana/grafana`, `gcr.io/cadvisor/cadvisor` -> `gcr.io/cadvisor/cadvisor`.
 */
export function familiarName(ref: ImageReference): string {
  if (ref.domain && !DOCKER_HUB.has(ref.domain)) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith('library/') && ref.path.indexOf('/', 8) === -1 ? ref.path.slice(8) : ref.path;
}

/** The last part of the repository path, lower-cased: `docker.io/library/adminer:4` -> `adminer`, `ghcr.io/team/user-db` -> `user-db`. */
export function repositoryName(image: string): string {
  const { path } = parseImageReference(image);
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The image as messages name it: an empty tag or digest that an unset variable left behind
 * (`quay.io/debezium/kafka:${DEBEZIUM_VERSION}` -> `quay.io/debezium/kafka:`) is dropped rather than
 * printed as `kafka:`; the interpolation rule reports the variable itself.
 */
export function imageForMessage(image: string): string {
  return image.replace(/[:@]+$/, '');
}

/**
 * The part of a reference that is written but empty: `nginx:` ends in an empty tag, `nginx@` (or
 * `nginx:1.27@`) in an empty digest; undefined otherwise (`localhost:5000/app` has a registry port,
 * not a tag). Docker refuses both as "invalid reference format": a tag is one to 128 characters
 * (distribution/reference regexp.go, TagRegexp `[\w][\w.-]{0,127}`) and a digest follows its own
 * grammar (moby/moby#20023: `repo/image:` has been refused since Docker 1.10).
 */
export function emptyReferencePart(image: string): 'tag' | 'digest' | undefined {
  if (image.endsWith('@')) return 'digest';
  const named = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
  return named.endsWith(':') && named.indexOf(':', named.lastIndexOf('/') + 1) === named.length - 1 ? 'tag' : undefined;
}
