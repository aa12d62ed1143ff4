/**
 * Host paths a service mounts, in every spelling compose accepts: short syntax (`SRC:DST[:MODE]`),
 * long syntax (`type: bind`, `type: npipe`), and named volumes that are binds in disguise (the
 * `local` driver with `driver_opts: {type: none, o: bind, device: /path}`). Shared by
 * docker-socket-mount and sensitive-host-mount.
 *
 * The entries are read by the model's volumeMounts (short syntax: src/model/volume-spec.ts, after
 * compose-go format.ParseVolume). Fact: the local driver's `o: bind` mounts `device` from the host
 * (Docker docs, "docker volume create", local driver options).
 */
import * as path from 'path';
import type { Origin } from '../src/model/origin';
import { ComposeDict, Project, topLevel } from '../src/model/project';
import { volumeMounts } from '../src/model/service';
import { isDict } from '../src/util/dict';
import { repositoryName } from '../src/model/image';
import type { Exposure } from '../src/graph/exposure';

export interface HostBind {
  /** The host path after interpolation, as written. */
  source: string;
  /**
   * The path for matching: `/` separators, `.`/`..` and repeated slashes resolved, no trailing
   * slash; relative paths made absolute from the project directory; `~` kept as the first segment.
   */
  path: string;
  target: string;
  readOnly: boolean;
  /** `npipe` for Windows named pipes (`\\.\pipe\docker_engine`). */
  type: 'bind' | 'npipe';
  /** The named volume that binds the path, when it comes through one. */
  volume?: string;
  /** The service's `volumes` entry. */
  origin?: Origin;
}

const NPIPE = /^(?:\\\\|\/\/)\.[\\/]pipe[\\/]/i;

/** Every host path the service mounts (tmpfs, anonymous and ordinary named volumes left out). */
export function hostBinds(project: Project, svc: ComposeDict): HostBind[] {
  const declared = topLevel(project, 'volumes');
  const out: HostBind[] = [];
  for (const mount of volumeMounts(svc)) {
    const { origin } = mount;
    // A Windows named pipe is mounted as a bind (`\\.\pipe\docker_engine`, any `type`).
    const m = { ...mount, type: NPIPE.test(mount.source) ? 'npipe' : mount.type };
    if (m.type === 'bind' || m.type === 'npipe') {
      out.push({ source: m.source, path: normalizeHostPath(m.source, project.workingDir), target: m.target, readOnly: m.readOnly, type: m.type, origin });
      continue;
    }
    if (m.type !== 'volume' || m.source === '') continue;
    const device = bindDevice(declared[m.source]);
    if (device !== undefined) out.push({ source: device, path: normalizeHostPath(device, project.workingDir), target: m.target, readOnly: m.readOnly, type: 'bind', volume: m.source, origin });
  }
  return out;
}

/** The host path a declared volume binds (`driver_opts.o` with `bind`, and a `device`), else undefined. */
function bindDevice(decl: ComposeDict | null | undefined): string | undefined {
  if (!isDict(decl) || decl.external === true) return undefined;
  if (decl.driver !== undefined && decl.driver !== 'local') return undefined;
  const opts = decl.driver_opts;
  if (!isDict(opts) || typeof opts.device !== 'string') return undefined;
  const o = typeof opts.o === 'string' ? opts.o.split(',').map((s) => s.trim()) : [];
  return o.includes('bind') || o.includes('rbind') ? opts.device : undefined;
}

/** See HostBind.path. Windows paths keep their drive letter and only get `/` separators. */
export function normalizeHostPath(source: string, workingDir: string): string {
  let p = source.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p) || NPIPE.test(source)) return p;
  if (p === '~') return p;
  if (p.startsWith('~/')) p = `~/${path.posix.normalize(p.slice(1)).replace(/^\/+/, '')}`;
  else p = path.posix.normalize(p.startsWith('/') ? p : path.posix.join(workingDir.replace(/\\/g, '/'), p));
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** ` through named volume "x"` for messages, or '' for a direct bind. */
export function viaVolume(b: HostBind): string {
  return b.volume === undefined ? '' : ` through named volume "${b.volume}"`;
}

/** Socket file names of container runtimes' APIs, with the runtime's name (Windows: the npipe). */
export const RUNTIME_SOCKETS: Record<string, string> = {
  'docker.sock': 'Docker',
  'containerd.sock': 'containerd',
  'crio.sock': 'CRI-O',
  'podman.sock': 'Podman',
  'cri-dockerd.sock': 'cri-dockerd',
  docker_engine: 'Docker',
};

/** The runtime socket a bind mounts (its file name, a key of RUNTIME_SOCKETS), or undefined. */
export function runtimeSocket(b: HostBind): string | undefined {
  const base = b.type === 'npipe' ? (b.path.split('/').pop() ?? '') : path.posix.basename(b.path);
  return Object.prototype.hasOwnProperty.call(RUNTIME_SOCKETS, base) ? base : undefined;
}

/**
 * Host directories that hold runtime sockets: `/` and `/run` (`/var/run` links to it) hold
 * docker.sock, the runtimes' own run directories theirs, `/run/user/<uid>` rootless Docker's and
 * Podman's (`$XDG_RUNTIME_DIR`), `~/.docker/run` Docker Desktop's.
 */
const SOCKET_DIRS = /^(\/|\/(var\/)?run|\/(var\/)?run\/(containerd|podman|crio)|\/run\/user\/\d+(\/podman)?|~\/\.docker\/run)$/;

/** Socket proxies (tecnativa/docker-socket-proxy, linuxserver/socket-proxy, wollomatic/socket-proxy...): mounting the socket is their job. */
export function isSocketProxy(image: unknown): boolean {
  return typeof image === 'string' && repositoryName(image).includes('socket-proxy');
}

/**
 * What docker-socket-mount reports for this bind of a service with `image` and `exposure`: `socket`
 * (a runtime's API socket), `directory` (a host directory holding one, `/` included), or undefined.
 * A socket proxy that is not public is left alone: the recommended pattern itself. Other rules
 * (sensitive-host-mount) step aside for these mounts so one mount gets one story.
 */
export function socketMount(image: unknown, exposure: Exposure, b: HostBind): 'socket' | 'directory' | undefined {
  if (isSocketProxy(image) && exposure.level !== 'public') return undefined;
  if (runtimeSocket(b) !== undefined) return 'socket';
  return SOCKET_DIRS.test(b.path) ? 'directory' : undefined;
}
