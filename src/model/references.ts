/**
 * The names a service definition refers to that another part of the project must define: the
 * top-level networks, volumes, secrets and configs it uses, and the services it names. Read by
 * the undefined-reference rule, and by the loader to tell an overlay that cannot stand alone
 * (src/load/overlay.ts) from one that can.
 */
import type { Origin } from './origin';
import type { ComposeDict } from './project';
import { Dependency, links, resourceRefs, serviceNetworks, sharedNamespaces, volumeMounts, volumesFrom } from './service';

/** One name a service refers to. */
export interface Reference {
  /** What is named, for messages: `network`, `volume`, `secret`, `build secret`, `config`, `service`. */
  kind: string;
  name: string;
  /** How the service names it, when that says more than the kind (`depends on`, `links to`, ...). */
  via?: string;
  /** The entry as written, when it holds more than the name (`db:database`, `:alias`). */
  written?: string;
  origin?: Origin;
}

/** The top-level section a resource reference names. */
export type ResourceKey = 'networks' | 'volumes' | 'secrets' | 'configs';

/**
 * The top-level resources one service uses, by kind, passed to `visit` in the order written:
 * networks it names (not the implicit `default`), named volumes, secrets (build secrets too) and
 * configs. Values still holding `$` are skipped: interpolation failed there (or, in a file read
 * raw, has not run). A visitor, not a list of pairs: this runs for every service (issue 13).
 */
export function resourceReferences(svc: ComposeDict, visit: (key: ResourceKey, ref: Reference) => void): void {
  const put = (key: ResourceKey, kind: string, name: string, origin: Origin | undefined): void => {
    if (!name.includes('$')) visit(key, { kind, name, origin });
  };
  for (const a of serviceNetworks(svc)) if (!a.implicit) put('networks', 'network', a.name, a.origin);
  for (const m of volumeMounts(svc)) if (m.type === 'volume' && m.source !== '') put('volumes', 'volume', m.source, m.origin);
  for (const s of resourceRefs(svc, 'secrets')) put('secrets', 'secret', s.source, s.origin);
  for (const s of resourceRefs(svc, 'secrets', true)) put('secrets', 'build secret', s.source, s.origin);
  for (const c of resourceRefs(svc, 'configs')) put('configs', 'config', c.source, c.origin);
}

/**
 * Services one service names, passed to `visit` in the order written: depends_on (`deps`, the
 * service's dependsOn(), read once by the caller), links, volumes_from and `pid`/`ipc`/`uts:
 * service:X`. Links, volumes_from and shared namespaces make Compose start the named service
 * first, exactly like depends_on; `disabledIsLoaderProblem` is true for depends_on, whose naming
 * of a disabled service the loader's profiles step reports. (`network_mode: service:X` is
 * network-mode-conflict's.) Names holding `$` are skipped.
 */
export function serviceReferences(svc: ComposeDict, deps: readonly Dependency[], visit: (ref: Reference, disabledIsLoaderProblem: boolean) => void): void {
  const put = (via: string, name: string, origin: Origin | undefined, disabledIsLoaderProblem: boolean, written?: string): void => {
    if (!name.includes('$')) visit({ kind: 'service', via, name, origin, ...(written !== undefined && written !== name ? { written } : {}) }, disabledIsLoaderProblem);
  };
  for (const d of deps) put('depends on', d.name, d.origin, true);
  for (const l of links(svc)) put('links to', l.target, l.origin, false, l.raw);
  for (const v of volumesFrom(svc)) if (v.kind === 'service') put('takes volumes_from', v.name, v.origin, false, v.raw);
  for (const n of sharedNamespaces(svc)) put(`shares the ${n.key} namespace of`, n.target, n.origin, false);
}
