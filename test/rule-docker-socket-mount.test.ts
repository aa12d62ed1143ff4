import rule from '../rules/docker-socket-mount';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary binds and volumes',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    volumes:',
        '      - ./site:/usr/share/nginx/html:ro',
        '      - /var/run/app:/run/app',
        '      - data:/data',
        'volumes:',
        '  data:',
      ),
    },
    {
      name: 'a socket proxy nobody reaches from outside',
      code: lines('services:', '  socket-proxy:', '    image: tecnativa/docker-socket-proxy:0.2', '    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock:ro'),
    },
  ],
  invalid: [
    {
      name: 'short syntax, :ro, on a public service',
      code: lines('services:', '  proxy:', '    image: traefik:v3.1', '    ports:', '      - "80:80"', '    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock:ro'),
      findings: [
        {
          line: 7,
          column: 9,
          severity: 'error',
          service: 'proxy',
          message:
            "bind of Docker's API socket `/var/run/docker.sock`: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network (public: published on 0.0.0.0:80)",
        },
      ],
    },
    {
      name: 'long syntax, odd spellings, other runtimes',
      code: lines(
        'services:',
        '  agent:',
        '    image: example/agent:1.0',
        '    volumes:',
        '      - type: bind',
        '        source: //run/../run/containerd/containerd.sock',
        '        target: /containerd.sock',
        '      - /run/user/1000/podman/podman.sock:/podman.sock',
        '      - ${HOME}/.docker/run/docker.sock:/var/run/docker.sock',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of containerd's API socket `//run/../run/containerd/containerd.sock`: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network (internal: not published)",
        },
        {
          line: 8,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of Podman's API socket `/run/user/1000/podman/podman.sock`: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network (internal: not published)",
        },
        {
          line: 9,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of Docker's API socket `/.docker/run/docker.sock`: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network (internal: not published)",
        },
      ],
    },
    {
      name: 'directories that hold sockets, and a named volume that is a bind',
      code: lines(
        'services:',
        '  agent:',
        '    image: example/agent:1.0',
        '    volumes:',
        '      - /:/rootfs:ro',
        '      - /var/run/:/host/run',
        '      - run:/host/run2',
        'volumes:',
        '  run:',
        '    driver: local',
        '    driver_opts:',
        '      type: none',
        '      o: bind',
        '      device: /run',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            'bind of `/`, which holds container runtime sockets (docker.sock, containerd.sock), read-only: `:ro` does not stop a client connecting to a socket: the container can drive the runtime and so controls the host; mount only what it needs (internal: not published)',
        },
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            'bind of `/var/run/`, which holds container runtime sockets (docker.sock, containerd.sock): the container can drive the runtime and so controls the host; mount only what it needs (internal: not published)',
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            'bind of `/run` through named volume "run", which holds container runtime sockets (docker.sock, containerd.sock): the container can drive the runtime and so controls the host; mount only what it needs (internal: not published)',
        },
      ],
    },
    {
      name: 'Windows named pipe',
      code: lines(
        'services:',
        '  agent:',
        '    image: example/agent:1.0',
        '    volumes:',
        '      - type: npipe',
        '        source: \\\\.\\pipe\\docker_engine',
        '        target: \\\\.\\pipe\\docker_engine',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of Docker's API socket `\\\\.\\pipe\\docker_engine`: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network (internal: not published)",
        },
      ],
    },
    {
      name: 'a socket proxy that is itself published',
      code: lines(
        'services:',
        '  socket-proxy:',
        '    image: tecnativa/docker-socket-proxy:0.2',
        '    ports:',
        '      - "2375:2375"',
        '    volumes:',
        '      - /var/run/docker.sock:/var/run/docker.sock',
      ),
      findings: [
        {
          line: 7,
          column: 9,
          severity: 'error',
          service: 'socket-proxy',
          message:
            "bind of Docker's API socket `/var/run/docker.sock`: the container can start a privileged container and so controls the host (`:ro` does not make the API read-only); give it a socket proxy that allows only the calls it needs, on an `internal: true` network (public: published on 0.0.0.0:2375)",
        },
      ],
    },
  ],
});
