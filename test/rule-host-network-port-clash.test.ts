import rule from '../rules/host-network-port-clash';
import { ruleTester } from './rule-tester';

const host = (name: string, extra: string): string => `  ${name}:\n    image: nginx\n    network_mode: host\n${extra}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a service only on an internal network maps no host port, so it leaves 80 to the host-network service',
      code: `services:\n${host('a', '    expose: ["80"]\n')}  b:\n    image: x\n    ports: ["80:80"]\n    networks: [data]\nnetworks:\n  data: {internal: true}\n`,
    },
    {
      name: 'host services on different ports and protocols',
      code: `services:\n${host('a', '    expose: ["80"]\n')}${host('b', '    expose: ["443"]\n')}${host('c', '    expose: ["80/udp"]\n')}`,
    },
    {
      name: 'a host service and a publisher on different ports',
      code: `services:\n${host('a', '    expose: ["80"]\n')}  b:\n    image: x\n    ports: ["8080:80"]\n`,
    },
    {
      name: 'ports of services that are not on the host network never meet listeners of each other',
      code: 'services:\n  a:\n    image: x\n    expose: ["80"]\n  b:\n    image: x\n    expose: ["80"]\n',
    },
    {
      name: 'disjoint profiles',
      code: `services:\n${host('a', '    profiles: [blue]\n    expose: ["80"]\n')}${host('b', '    profiles: [green]\n    expose: ["80"]\n')}`,
    },
    {
      name: 'replicas of a host service that declares no port',
      code: 'services:\n  worker:\n    image: example/worker\n    network_mode: host\n    deploy:\n      replicas: 4\n',
    },
    {
      name: 'a host range on the publisher side: Docker takes a free port',
      code: `services:\n${host('a', '    expose: ["80"]\n')}  b:\n    image: x\n    ports: ["80-90:8080"]\n`,
    },
    {
      name: 'a listening port from an unset variable',
      code: `services:\n${host('a', '    expose: ["${A_PORT}"]\n')}${host('b', '    expose: ["${B_PORT}"]\n')}`,
    },
  ],
  invalid: [
    {
      name: 'two host services on port 80, from expose and from a ports target',
      code: `services:\n${host('nginx1', '    expose:\n      - "80"\n')}${host('nginx2', '    ports:\n      - "8080:80"\n')}`,
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'error',
          service: 'nginx1',
          message: 'this service uses the host network and listens on 80/tcp, which is also bound on the host by "nginx2" (network_mode: host): only one of them can bind it',
        },
        {
          line: 11,
          column: 9,
          severity: 'error',
          service: 'nginx2',
          message: 'this service uses the host network and listens on 80/tcp, which is also bound on the host by "nginx1" (network_mode: host): only one of them can bind it',
        },
      ],
    },
    {
      name: 'a host service and two services publishing the port, on some address',
      code: `services:\n${host('proxy', '    expose: ["443", "80"]\n')}  web:\n    image: x\n    ports: ["127.0.0.1:443:8443"]\n  api:\n    image: x\n    ports:\n      - "443:443"\n      - "80:80/udp"\n`,
      findings: [
        {
          line: 5,
          column: 14,
          severity: 'error',
          service: 'proxy',
          message: 'this service uses the host network and listens on 443/tcp, which is also bound on the host by "web" and "api" (publish it): only one of them can bind it',
        },
        {
          line: 8,
          column: 13,
          severity: 'error',
          service: 'web',
          message: 'host port 127.0.0.1:443/tcp is also bound by "proxy" (network_mode: host): only one of them can bind it',
        },
        {
          line: 12,
          column: 9,
          severity: 'error',
          service: 'api',
          message: 'host port 443/tcp is also bound by "proxy" (network_mode: host): only one of them can bind it',
        },
      ],
    },
    {
      name: 'an expose range meets both kinds of neighbours',
      code: `services:\n${host('a', '    expose: ["9000-9005"]\n')}${host('b', '    expose: ["9005"]\n')}  c:\n    image: x\n    ports: ["9001:80"]\n`,
      findings: [
        {
          line: 5,
          column: 14,
          severity: 'error',
          service: 'a',
          message: 'this service uses the host network and listens on 9001, 9005/tcp, which is also bound on the host by "b" (network_mode: host) and "c" (publishes it): only one of them can bind it',
        },
        {
          line: 9,
          column: 14,
          severity: 'error',
          service: 'b',
          message: 'this service uses the host network and listens on 9005/tcp, which is also bound on the host by "a" (network_mode: host): only one of them can bind it',
        },
        {
          line: 12,
          column: 13,
          severity: 'error',
          service: 'c',
          message: 'host port 9001/tcp is also bound by "a" (network_mode: host): only one of them can bind it',
        },
      ],
    },
    {
      name: 'replicas of a listening host service, at the count',
      code: `services:\n${host('proxy', '    expose: ["80", "443"]\n    deploy:\n      replicas: 2\n')}${host('agent', '    expose: ["8125/udp"]\n    scale: 3\n')}`,
      findings: [
        {
          line: 7,
          column: 17,
          severity: 'error',
          service: 'proxy',
          message: 'this service uses the host network and runs 2 replicas: each listens on 80/tcp, 443/tcp on the host, so only one of them can bind it',
        },
        {
          line: 12,
          column: 12,
          severity: 'error',
          service: 'agent',
          message: 'this service uses the host network and runs 3 replicas: each listens on 8125/udp on the host, so only one of them can bind it',
        },
      ],
    },
    {
      name: 'a host service behind a profile clashes with an always-on one',
      code: `services:\n${host('web', '    expose: ["80"]\n')}${host('debug', '    profiles: [debug]\n    expose: ["80"]\n')}`,
      findings: [
        {
          line: 5,
          column: 14,
          severity: 'error',
          service: 'web',
          message: 'this service uses the host network and listens on 80/tcp, which is also bound on the host by "debug" (network_mode: host): only one of them can bind it',
        },
        {
          line: 10,
          column: 14,
          severity: 'error',
          service: 'debug',
          message: 'this service uses the host network and listens on 80/tcp, which is also bound on the host by "web" (network_mode: host): only one of them can bind it',
        },
      ],
    },
    {
      // The copies disagreed: the rule read a disabled service's environment itself and dropped
      // `- NAME` entries, which take their value from the project environment (.env) as in the graph.
      name: 'a disabled service gets `- NAME` from .env, as enabled ones do',
      code: {
        'compose.yaml': `services:\n${host('web', '    environment: [HTTP_PORT]\n')}${host('debug', '    profiles: [debug]\n    environment: [HTTP_PORT]\n')}`,
        '.env': 'HTTP_PORT=8080\n',
      },
      findings: [
        {
          line: 5,
          column: 19,
          severity: 'error',
          service: 'web',
          message:
            'this service uses the host network and listens on 8080/tcp (HTTP_PORT=8080 in its environment), which is also bound on the host by "debug" (network_mode: host): only one of them can bind it',
        },
        {
          line: 10,
          column: 19,
          severity: 'error',
          service: 'debug',
          message:
            'this service uses the host network and listens on 8080/tcp (HTTP_PORT=8080 in its environment), which is also bound on the host by "web" (network_mode: host): only one of them can bind it',
        },
      ],
    },
  ],
});
