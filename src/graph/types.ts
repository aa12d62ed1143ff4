/**
 * The service/network graph: who can reach whom. Built once per project by `buildGraph`, read by
 * every rule (`ctx.graph`) and printed by `compose-lint graph`.
 *
 * Names are DNS names, so they are compared case-insensitively: every map keyed by a name uses the
 * lowercase form; the values keep the spelling the file used.
 *
 * Query helpers that answer the usual questions live in `query.ts`:
 *   resolveName(graph, 'ui', 'post')   -> does `post` resolve from ui, and to which services
 *   namespaceOwner(graph, 'sidecar')    -> the service whose network stack sidecar uses
 *   reachableNetworks(graph, 'ui')      -> networks ui's namespace sits on
 *   sharedNetworks(graph, 'ui', 'post') -> networks both sit on
 *   holdersOf(graph, 'post_db')         -> every (service, network) where a name resolves
 *   usersOf(graph, 'db')                -> services that use db (depends_on, links, resolved hostnames)
 *   nearestName(graph, 'kafak', 'api')  -> 'kafka': the closest known name, for "did you mean"
 *   linkWorks(graph, web, 'db')         -> whether a link can work (links do not cross networks)
 * `exposure.ts` says how reachable each service is (node.exposure: public / adjacent / internal),
 * `describe.ts` words the answers for messages ("post is on back_net, ui is only on front_net"),
 * `datastores.ts` recognises datastores (node.datastore), `image-ports.ts` knows default ports of
 * well-known images, `render/` prints the graph.
 */
import type { Origin } from '../model/origin';

/** A datastore engine as compose-lint recognises it (the catalog is in datastores.ts). */
export interface Family {
  /** The family's name in messages: "postgres", "redis", "kafka". */
  name: string;
  /** Repository names (last path part) of images of this engine. */
  repositories: string[];
  /** Words configuration uses for this kind of datastore. */
  words: string[];
  /** Ports that count as evidence of this engine (default-ports.ts rows with `evidence`; not every default port: 9300, 33060, 7474 and 9000 are left out). */
  ports: number[];
  /** Environment variables only the server image reads. */
  serverEnv?: RegExp;
  /**
   * Variables clients set too (zabbix-server-mysql reads MYSQL_USER): evidence only for a service
   * built from a Dockerfile (`build:` without `image`), where nothing else names the engine.
   */
  clientOrServerEnv?: RegExp;
}

/** Why a service counts as a datastore. */
export interface Datastore {
  family: Family;
  /** The evidence, as a phrase for messages: "image postgres:16", "POSTGRES_PASSWORD in its environment", "named post_db". */
  evidence: string;
  /**
   * The kind of evidence: the image names the engine; server settings in the environment; a
   * well-known datastore port; the service's name; or the config's `datastores` list. Rules that
   * need certainty (a finding about the engine itself) accept only `image` and `config`.
   */
  by: 'image' | 'environment' | 'port' | 'name' | 'config';
}

/** How far a service is from the outside world; see exposure.ts for the definitions. */
export type ExposureLevel = 'public' | 'adjacent' | 'internal';

/** A service's exposure with the words a message needs. */
export interface Exposure {
  level: ExposureLevel;
  /**
   * How the service is reached, as a phrase for messages: "published on 0.0.0.0:8080",
   * "on the host network (network_mode: host)", "on front_net with public service ui",
   * "in the network namespace of public service ui"; "not published" for internal services.
   */
  reason: string;
  /** The `ports` entry or `network_mode` that makes a service public. */
  origin?: Origin;
  /** For `adjacent`: the public service it sits next to. */
  via?: string;
}

/**
 * Whose network stack a service uses (`network_mode`):
 * - `own`: its own, attached to `attachments` (the normal case, no `network_mode`)
 * - `host`: the host's stack: no DNS names, binds host ports directly
 * - `none`: loopback only
 * - `bridge`: Docker's default bridge, where only legacy links resolve
 * - `service` / `container`: shares `target`'s stack (reaches what it reaches; `localhost` is the target)
 * - `other`: a mode compose-lint cannot see into (e.g. the name of a network outside the project)
 */
export type NamespaceKind = 'own' | 'host' | 'none' | 'bridge' | 'service' | 'container' | 'other';

export interface Namespace {
  kind: NamespaceKind;
  /** The service (kind `service`) or container (kind `container`) whose stack is shared. */
  target?: string;
  /** The `network_mode` value as written, for kinds other than `own`. */
  raw?: string;
  origin?: Origin;
}

export interface NetworkNode {
  /** The network's key in the project (`default` for the implicit one). */
  name: string;
  /** Declared under the top-level `networks` (false for the implicit default and for undefined networks). */
  declared: boolean;
  internal: boolean;
  external: boolean;
  /** `bridge` unless the declaration names another driver (overlay, macvlan, host, none, ...). */
  driver: string;
  /** Where the network is declared (its key under top-level `networks`). */
  origin?: Origin;
  /** Services attached, in model order. */
  members: string[];
  /**
   * Lowercase DNS name -> services it resolves to on this network: each member's service name,
   * container_name, `hostname` (Docker Engine 25 and later) and aliases on this network. Links aliases are not here: they resolve for the
   * linking service only (see ServiceNode.links). Networks with driver host or none hold no names.
   */
  dnsNames: Map<string, string[]>;
}

/** A service's entry in one network (from its `networks`, or the implicit default). */
export interface Attachment {
  network: string;
  /** Aliases on this network, as written. */
  aliases: { value: string; origin?: Origin }[];
  /** The entry in the service's `networks`; undefined for the implicit default network. */
  origin?: Origin;
  implicit: boolean;
}

export interface PublishedPort {
  /** '' means every address. */
  hostIp: string;
  /** Host port or range ("8080", "8000-8010"); '' when Docker picks one. */
  published: string;
  target: number;
  protocol: string;
  origin?: Origin;
}

export interface ListeningPort {
  port: number;
  protocol: string;
  /**
   * Where the port is known from: declared (`ports` target, `expose`), stated by the service's own
   * settings (`environment`, `env_file`, `command`, `entrypoint`), or the `image`'s default.
   */
  from: 'ports' | 'expose' | 'environment' | 'env_file' | 'command' | 'entrypoint' | 'image';
  /** Where it was written: the entry, the variable, the argument, or the `image` value. */
  origin?: Origin;
  /** For ports not declared: how it is known, for messages ("nginx listens on 80 by default", "PORT=3000 in its environment"). */
  source?: string;
}

export type ReferenceKind = 'depends_on' | 'links' | 'external_links' | 'network_mode' | 'environment' | 'env_file' | 'command' | 'entrypoint';

/** A service naming another host. */
export interface HostReference {
  kind: ReferenceKind;
  /** The host name as written (case kept). */
  host: string;
  port?: number;
  /** Environment variable the name was found in (kinds environment and env_file). */
  key?: string;
  /** The whole value the name was found in. */
  value: string;
  /** Where the name is written: the host inside the value when it can be found there, else the value. */
  origin?: Origin;
  /** A bare word under a URL-like key: kept only when the project defines the name (see hostnames.ts). */
  ifDefined?: boolean;
  /**
   * The bare whole value of a key that says nothing about hosts (EventBusConnection=rabbitmq): kept
   * only when it is a service's name (or container_name), as a use of that service; never checked
   * as a host name (see hostnames.ts).
   */
  usageOnly?: boolean;
}

export interface ServiceLink {
  /** The linked service (or container, for external_links). */
  target: string;
  /** The name the target resolves as, for the linking service only. */
  alias: string;
  raw: string;
  origin?: Origin;
}

export interface ServiceNode {
  name: string;
  /** Where the service is defined (its key under `services`). */
  origin?: Origin;
  namespace: Namespace;
  /** Own network attachments; empty unless namespace.kind is `own`. */
  attachments: Attachment[];
  /** attachments' network names, in order. */
  networks: string[];
  containerName?: string;
  /**
   * `hostname`: resolves for the service itself (and services sharing its namespace), and, since
   * Docker Engine 25, for the other services on its user-defined networks (it is in their dnsNames).
   */
  hostname?: string;
  /** `image` as written (after interpolation). */
  image?: string;
  /** Lowercase names from `extra_hosts`: they resolve for this service. */
  extraHosts: Set<string>;
  links: ServiceLink[];
  externalLinks: ServiceLink[];
  published: PublishedPort[];
  listening: ListeningPort[];
  /** Everything the service names as a host: depends_on, links, network_mode, environment, env_file, command, entrypoint. */
  references: HostReference[];
  /** public / adjacent / internal, with the phrase a message uses (see exposure.ts). */
  exposure: Exposure;
  /** Why the service is a datastore (database, cache, search engine, broker), if it is one (see datastores.ts). */
  datastore?: Datastore;
}

/** One place a DNS name resolves: `service`, on `network`. */
export interface NameHolder {
  service: string;
  network: string;
}

export interface Graph {
  networks: Map<string, NetworkNode>;
  services: Map<string, ServiceNode>;
  /** Lowercase DNS name -> every (service, network) it resolves to, across all networks. */
  names: Map<string, NameHolder[]>;
  /** Lowercase service name or container_name -> services, whether or not they are on a network (host mode, service:X). */
  serviceNames: Map<string, string[]>;
  /** Lowercase `hostname` values -> services (DNS names on their networks since Docker Engine 25; not on the default bridge). */
  hostnames: Map<string, string[]>;
  /** Lowercase service names, container_names and aliases of services disabled by profiles. */
  disabledNames: Set<string>;
  /**
   * The other compose files in the project directory (Project.neighbours): base files first
   * (compose-go's discovery order), then override files, then the rest by name.
   * `docker compose -f <one of them> up` runs under the same default project name and so joins
   * the same networks: names they define on those networks may resolve here at runtime.
   */
  peerFiles: PeerFile[];
}

/** A neighbouring compose file and the DNS names it defines (see peers.ts). */
export interface PeerFile {
  /** Display path. */
  path: string;
  /** The file's own graph, as `docker compose -f <file>` would form its project; built on the first call; undefined when it cannot be loaded. */
  graph(): Graph | undefined;
  /** Lowercase DNS name -> each place it resolves; loads the file on the first call (empty when it cannot be loaded). */
  names(): Map<string, PeerName[]>;
}

/** A name a neighbouring compose file defines: its service, and a network it resolves on. */
export interface PeerName {
  service: string;
  /** The network's key in that file (`default` for the implicit one): the same network once the files are merged with -f. */
  key: string;
  /** Docker's name of the network (`<project>_<key>`, or its `name:`): the same network when the files run side by side. */
  network: string;
  /** The service's key in that file. */
  origin?: Origin;
}

export type { Origin };
