import rule from '../rules/network-mode-conflict';
import { ruleTester } from './rule-tester';

const REFUSED_PORTS = '("conflicting options: port publishing and the container type network mode")';

ruleTester(rule, {
  valid: [
    {
      name: 'each mode on its own',
      code: 'services:\n  app:\n    image: x\n    ports: ["80:80"]\n    links: [db]\n  db:\n    image: x\n  sidecar:\n    image: x\n    network_mode: service:app\n  agent:\n    image: x\n    network_mode: host\n    expose: ["8125/udp"]\n  batch:\n    image: x\n    network_mode: none\n  legacy:\n    image: x\n    network_mode: bridge\n    ports: ["81:81"]\n    links: [db]\n',
    },
    {
      name: 'an empty networks mapping',
      code: 'services:\n  app:\n    image: x\n    network_mode: host\n    networks: {}\n',
    },
    {
      name: 'container: names something outside the project',
      code: 'services:\n  app:\n    image: x\n    network_mode: container:vpn\n',
    },
    {
      name: 'service: naming a service enabled by the active profile',
      code: 'services:\n  vpn:\n    image: x\n    profiles: [tools]\n  app:\n    image: x\n    profiles: [tools]\n    network_mode: service:vpn\n',
      profiles: ['tools'],
    },
  ],
  invalid: [
    {
      name: 'networks with network_mode, with aliases',
      code: 'services:\n  app:\n    image: x\n    network_mode: host\n    networks:\n      - front\n  api:\n    image: x\n    network_mode: bridge\n    networks:\n      front:\n        aliases: [api.local]\nnetworks:\n  front:\n',
      findings: [
        {
          line: 5,
          column: 5,
          severity: 'error',
          service: 'app',
          message: '`networks` cannot be combined with `network_mode: host`: Docker Compose refuses the service ("declares mutually exclusive network_mode and networks")',
        },
        {
          line: 10,
          column: 5,
          severity: 'error',
          service: 'api',
          message:
            '`networks` cannot be combined with `network_mode: bridge`: Docker Compose refuses the service ("declares mutually exclusive network_mode and networks"), and its aliases could never resolve',
        },
      ],
    },
    {
      name: 'ports under host are a warning; links under host are refused',
      code: 'services:\n  agent:\n    image: x\n    network_mode: host\n    ports:\n      - "8125:8125/udp"\n      - target: 9000\n    links:\n      - db:database\n  db:\n    image: x\n',
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message: 'port "8125:8125/udp" is discarded under `network_mode: host`: the service binds host ports directly (list the port under `expose` to document it)',
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message: 'port with target 9000 is discarded under `network_mode: host`: the service binds host ports directly (list the port under `expose` to document it)',
        },
        {
          line: 9,
          column: 9,
          severity: 'error',
          service: 'agent',
          message: 'link "db:database" cannot be used under `network_mode: host`: Docker refuses links with host networking ("conflicting options: host type networking can\'t be used with links")',
        },
      ],
    },
    {
      name: 'long-syntax ports without a target (the schema allows it) are named by what they give',
      code: 'services:\n  app:\n    image: x\n    network_mode: host\n    ports:\n      - published: 8080\n      - host_ip: 127.0.0.1\n  side:\n    image: x\n    network_mode: service:app\n    ports:\n      - published: "8081"\n  batch:\n    image: x\n    network_mode: none\n    ports:\n      - {}\n',
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'app',
          message: 'port with published 8080 and no target is discarded under `network_mode: host`: the service binds host ports directly (list the port under `expose` to document it)',
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'app',
          message: 'port without a target is discarded under `network_mode: host`: the service binds host ports directly (list the port under `expose` to document it)',
        },
        {
          line: 12,
          column: 9,
          severity: 'error',
          service: 'side',
          message: `port with published 8081 and no target cannot be published under \`network_mode: service:app\`: Docker refuses it ${REFUSED_PORTS}; publish it on app instead`,
        },
        { line: 17, column: 9, severity: 'error', service: 'batch', message: 'port without a target cannot be published under `network_mode: none`: there is no network to publish it on' },
      ],
    },
    {
      name: 'ports and links under none',
      code: 'services:\n  batch:\n    image: x\n    network_mode: none\n    ports: ["8080:80"]\n    links: [db]\n  db:\n    image: x\n',
      findings: [
        { line: 5, column: 13, severity: 'error', service: 'batch', message: 'port "8080:80" cannot be published under `network_mode: none`: there is no network to publish it on' },
        { line: 6, column: 13, severity: 'error', service: 'batch', message: 'link "db" cannot be used under `network_mode: none`: there is no network to reach the linked service on' },
      ],
    },
    {
      name: 'a sidecar sharing a stack: ports, expose and links',
      code: 'services:\n  app:\n    image: x\n  db:\n    image: x\n  sidecar:\n    image: x\n    network_mode: service:app\n    ports: ["9901:9901"]\n    expose: ["9902"]\n    links: [db]\n  client:\n    image: x\n    network_mode: container:gluetun\n    ports: ["80:80"]\n',
      findings: [
        {
          line: 9,
          column: 13,
          severity: 'error',
          service: 'sidecar',
          message: `port "9901:9901" cannot be published under \`network_mode: service:app\`: Docker refuses it ${REFUSED_PORTS}; publish it on app instead`,
        },
        {
          line: 10,
          column: 14,
          severity: 'error',
          service: 'sidecar',
          message:
            '`expose` cannot be used under `network_mode: service:app`: Docker refuses it ("conflicting options: port exposing and the container type network mode"); expose the port on app instead',
        },
        {
          line: 11,
          column: 13,
          severity: 'error',
          service: 'sidecar',
          message:
            'link "db" cannot be used under `network_mode: service:app`: Docker refuses links with a shared network stack ("conflicting options: container type network can\'t be used with links")',
        },
        {
          line: 15,
          column: 13,
          severity: 'error',
          service: 'client',
          message: `port "80:80" cannot be published under \`network_mode: container:gluetun\`: Docker refuses it ${REFUSED_PORTS}; publish it on gluetun instead`,
        },
      ],
    },
    {
      name: 'service: naming a missing service, with and without a near name',
      code: 'services:\n  app:\n    image: x\n  sidecar:\n    image: x\n    network_mode: service:ap\n  other:\n    image: x\n    network_mode: "service:${TARGET:-nothing-like-it}"\n',
      findings: [
        { line: 6, column: 19, severity: 'error', service: 'sidecar', message: '`network_mode: service:ap` names undefined service "ap"; did you mean "app"?' },
        { line: 9, column: 19, severity: 'error', service: 'other', message: '`network_mode: service:nothing-like-it` names undefined service "nothing-like-it"' },
      ],
    },
    {
      name: 'service: naming a service disabled by profiles',
      code: 'services:\n  vpn:\n    image: x\n    profiles: [vpn, full]\n  app:\n    image: x\n    network_mode: service:vpn\n',
      findings: [
        { line: 7, column: 19, severity: 'error', service: 'app', message: '`network_mode: service:vpn` names service "vpn", which is disabled by profiles (it runs with vpn, full; active: none)' },
      ],
    },
  ],
});
