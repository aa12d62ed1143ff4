import rule from '../rules/host-namespace';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'host networking with no ports listed, namespaces shared with a service',
      code: lines(
        'services:',
        '  ha:',
        '    image: ghcr.io/home-assistant/home-assistant:2024.10',
        '    network_mode: host',
        '  app:',
        '    image: example/app:1.0',
        '  sidecar:',
        '    image: example/sidecar:1.0',
        '    pid: "service:app"',
        '    ipc: shareable',
        '    cgroup: private',
      ),
    },
  ],
  invalid: [
    {
      name: 'pid, ipc, userns_mode and uts: host',
      code: lines('services:', '  agent:', '    image: example/agent:3.1', '    pid: host', '    ipc: host', '    userns_mode: host', '    uts: host', '    cgroup: host'),
      findings: [
        {
          line: 4,
          column: 10,
          severity: 'warning',
          service: 'agent',
          message: '`pid: host`: the container sees every process of the host, and can signal or (with SYS_PTRACE) trace them (internal: not published)',
        },
        {
          line: 5,
          column: 10,
          severity: 'warning',
          service: 'agent',
          message: "`ipc: host`: the container shares the host's shared memory and semaphores: it reads and writes other processes' IPC (internal: not published)",
        },
        {
          line: 6,
          column: 18,
          severity: 'warning',
          service: 'agent',
          message: '`userns_mode: host`: the container turns off user namespace remapping: root in the container is root on the host (internal: not published)',
        },
        {
          line: 7,
          column: 10,
          severity: 'info',
          service: 'agent',
          message: "`uts: host`: the container shares the host's hostname and domain name (with SYS_ADMIN it can change them) (internal: not published)",
        },
        {
          line: 8,
          column: 13,
          severity: 'info',
          service: 'agent',
          message: "`cgroup: host`: the container sees the host's whole cgroup hierarchy: the cgroups of the host's services and other containers, and their limits (internal: not published)",
        },
      ],
    },
    {
      name: '`cgroup: host` on a public service is a warning; `cgroup: private` is fine',
      code: lines('services:', '  metrics:', '    image: example/metrics:2.0', '    ports: ["9100:9100"]', '    cgroup: host', '  app:', '    image: example/app:1.0', '    cgroup: private'),
      findings: [
        {
          line: 5,
          column: 13,
          severity: 'warning',
          service: 'metrics',
          message:
            "`cgroup: host`: the container sees the host's whole cgroup hierarchy: the cgroups of the host's services and other containers, and their limits (public: published on 0.0.0.0:9100)",
        },
      ],
    },
    {
      name: 'a datastore image whose tag variable is unset is named without the empty tag',
      code: lines('services:', '  kafka:', '    image: quay.io/debezium/kafka:${DEBEZIUM_VERSION}', '    network_mode: host'),
      findings: [
        {
          line: 4,
          column: 19,
          severity: 'error',
          service: 'kafka',
          message:
            "`network_mode: host` on the datastore quay.io/debezium/kafka: it binds every port on every host interface and reaches services listening on the host's loopback; attach it to a network and publish its port on 127.0.0.1 if the host needs it (public: on the host network (network_mode: host))",
        },
      ],
    },
    {
      name: 'network_mode: host on a datastore and on a service that lists ports',
      code: lines('services:', '  db:', '    image: postgres:16.4', '    network_mode: host', '  api:', '    image: example/api:1.0', '    network_mode: host', '    ports:', '      - "8080:8080"'),
      findings: [
        {
          line: 4,
          column: 19,
          severity: 'error',
          service: 'db',
          message:
            "`network_mode: host` on the datastore postgres:16.4: it binds every port on every host interface and reaches services listening on the host's loopback; attach it to a network and publish its port on 127.0.0.1 if the host needs it (public: on the host network (network_mode: host))",
        },
        {
          line: 7,
          column: 19,
          severity: 'error',
          service: 'api',
          message:
            "`network_mode: host` on a service that lists its `ports`: it binds every port on every host interface and reaches services listening on the host's loopback; drop `network_mode: host` and publish those ports instead (public: on the host network (network_mode: host))",
        },
      ],
    },
    {
      name: 'a service the config lists under `datastores`; a built one named like a database is not the engine itself',
      settings: { datastores: ['store'] },
      code: lines('services:', '  store:', '    build: store', '    network_mode: host', '  db:', '    build: db', '    network_mode: host'),
      findings: [
        {
          line: 4,
          column: 19,
          severity: 'error',
          service: 'store',
          message:
            "`network_mode: host` on the datastore store: it binds every port on every host interface and reaches services listening on the host's loopback; attach it to a network and publish its port on 127.0.0.1 if the host needs it (public: on the host network (network_mode: host))",
        },
      ],
    },
  ],
});
