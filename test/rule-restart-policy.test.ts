import rule from '../rules/restart-policy';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'restart, deploy.restart_policy, restart "no", internal and loopback services, one-shot jobs',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    ports: ["80:80"]',
        '    restart: always',
        '  b:',
        '    image: x:1',
        '    ports: ["81:81"]',
        '    deploy: {restart_policy: {condition: on-failure}}',
        '  c:',
        '    image: x:1',
        '    ports: ["82:82"]',
        '    restart: "no"',
        '  d:',
        '    image: x:1',
        '  e:',
        '    image: x:1',
        '    ports: ["127.0.0.1:83:83"]',
        '  migrate:',
        '    image: x:1',
        '    ports: ["84:84"]',
        '  app:',
        '    image: x:1',
        '    restart: unless-stopped',
        '    depends_on: {migrate: {condition: service_completed_successfully}}',
        '  job:',
        '    image: x:1',
        '    ports: ["85:85"]',
        '    deploy: {mode: replicated-job}',
      ),
    },
  ],
  invalid: [
    {
      name: 'public by a port or the host network',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]', '  agent:', '    image: x:1', '    network_mode: host'),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, has no restart policy: after a crash or a host reboot it stays down; set `restart: unless-stopped` (or `on-failure`)',
        },
        {
          line: 5,
          column: 3,
          severity: 'warning',
          service: 'agent',
          message: '`agent`, on the host network (network_mode: host), has no restart policy: after a crash or a host reboot it stays down; set `restart: unless-stopped` (or `on-failure`)',
        },
      ],
    },
    {
      name: 'the port is published through an override',
      code: { 'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27'), 'compose.override.yaml': lines('services:', '  web:', '    ports: ["${PORT}:80"]'), '.env': 'PORT=8080\n' },
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, has no restart policy: after a crash or a host reboot it stays down; set `restart: unless-stopped` (or `on-failure`)',
        },
      ],
    },
  ],
});
