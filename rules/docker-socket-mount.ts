import { defineRule } from '../src/define-rule';
import { CIS_5_31, OWASP_1 } from './_references';
import { RUNTIME_SOCKETS, hostBinds, runtimeSocket, socketMount, viaVolume } from './_mounts';
import { serviceEntries } from '../src/model/project';
import { exposureOf, reach, severityFor } from './_security';

export default defineRule<Record<string, never>, 'socket' | 'directory' | 'directoryReadOnly'>({
  id: 'docker-socket-mount',
  description: "A service mounts a container runtime's API socket (docker.sock, containerd.sock, crio.sock, podman.sock) or a host directory that holds one.",
  category: 'security',
  severity: 'warning',
  securitySeverity: 7.5,
  fixable: false,
  messages: {
    socket:
      "bind of {{runtime}}'s API socket `{{path}}`{{via}}: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network ({{exposure}})",
    directory:
      'bind of `{{path}}`{{via}}, which holds container runtime sockets (docker.sock, containerd.sock): the container can drive the runtime and so controls the host; mount only what it needs ({{exposure}})',
    // `/:/rootfs:ro` (cadvisor, node-exporter): the read-only flag reads as a safeguard, and is none for sockets.
    directoryReadOnly:
      'bind of `{{path}}`{{via}}, which holds container runtime sockets (docker.sock, containerd.sock), read-only: `:ro` does not stop a client connecting to a socket: the container can drive the runtime and so controls the host; mount only what it needs ({{exposure}})',
  },
  docs: {
    why: [
      "The Docker socket is the Docker API, and the Docker API is root on the host: a process that can reach it starts a privileged container with the host's disk mounted. Mounting the socket read-only (`:ro`) changes nothing, because requests are written to an open connection, not to the socket file. The same holds for containerd, CRI-O and Podman sockets, and for host directories that contain them (`/`, `/run`, `/var/run`, `/run/user/<uid>`): `/:/rootfs:ro`, as cadvisor and node-exporter mount it, reaches `/rootfs/var/run/docker.sock`. `sensitive-host-mount` leaves these mounts to this rule.",
      '',
      'The rule sees every spelling Compose accepts: short and long volume syntax, paths with `..` or repeated slashes, values that come from variables, Windows named pipes (`\\\\.\\pipe\\docker_engine`), and named volumes that are binds (`driver_opts: {type: none, o: bind, device: /var/run}`).',
      '',
      'When a service really needs the API (a reverse proxy reading labels, a CI runner), put a socket proxy in between that allows only the calls it needs, and attach the proxy and the service to a network with `internal: true`. A socket proxy image (`*socket-proxy`) that is not public itself is not reported: mounting the socket is its job. The finding is an error when the service is public and a warning otherwise.',
    ].join('\n'),
    bad: 'services:\n  proxy:\n    image: traefik:v3.1\n    ports:\n      - "80:80"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
    good: [
      'services:',
      '  proxy:',
      '    image: traefik:v3.1',
      '    ports:',
      '      - "80:80"',
      '    environment:',
      '      DOCKER_HOST: tcp://socket-proxy:2375',
      '    networks: [default, docker-api]',
      '  socket-proxy:',
      '    image: tecnativa/docker-socket-proxy:0.2',
      '    environment:',
      '      CONTAINERS: 1',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
      '    networks: [docker-api]',
      'networks:',
      '  docker-api:',
      '    internal: true',
      '',
    ].join('\n'),
    references: [CIS_5_31, OWASP_1],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const exposure = exposureOf(ctx.graph, name);
      for (const b of hostBinds(ctx.project, svc)) {
        const kind = socketMount(svc.image, exposure, b);
        const socket = runtimeSocket(b);
        const common = { origin: b.origin, service: name, value: b.path, severity: severityFor('warning', exposure) };
        if (kind === 'socket' && socket) {
          ctx.report({ messageId: 'socket', data: { runtime: RUNTIME_SOCKETS[socket], path: b.source, via: viaVolume(b), exposure: reach(exposure) }, ...common });
        } else if (kind === 'directory') {
          ctx.report({ messageId: b.readOnly ? 'directoryReadOnly' : 'directory', data: { path: b.source, via: viaVolume(b), exposure: reach(exposure) }, ...common });
        }
      }
    }
  },
});
