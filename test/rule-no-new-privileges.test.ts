import rule from '../rules/no-new-privileges';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

const WEB = '`web`, published on 0.0.0.0:8080,';

ruleTester(rule, {
  valid: [
    {
      name: 'every spelling Docker reads as true',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    security_opt: ["no-new-privileges:true"]',
        '  b:',
        '    image: x:1',
        '    security_opt: [no-new-privileges]',
        '  c:',
        '    image: x:1',
        '    security_opt: ["no-new-privileges=1"]',
        '  d:',
        '    image: x:1',
        '    security_opt: ["no-new-privileges:false", "no-new-privileges:true"]',
      ),
    },
    {
      name: 'set by an override file',
      code: {
        'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]'),
        'compose.override.yaml': lines('services:', '  web:', '    security_opt: [no-new-privileges:true]'),
      },
    },
  ],
  invalid: [
    {
      name: 'missing: warning on a public service, info on an adjacent and an internal one',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["8080:80"]',
        '  app:',
        '    image: x:1',
        '    security_opt: [seccomp:default.json]',
        '  job:',
        '    image: x:1',
        '    network_mode: none',
        '  admin:',
        '    image: x:1',
        '    ports: ["127.0.0.1:9000:9000"]',
        '    network_mode: bridge',
      ),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: `${WEB} does not set \`no-new-privileges:true\` in \`security_opt\`: a setuid or file-capability binary in the container can raise its privileges`,
        },
        {
          line: 5,
          column: 3,
          severity: 'info',
          service: 'app',
          message: '`app`, on default with public service web, does not set `no-new-privileges:true` in `security_opt`: a setuid or file-capability binary in the container can raise its privileges',
        },
        {
          line: 8,
          column: 3,
          severity: 'info',
          service: 'job',
          message: '`job`, not published, does not set `no-new-privileges:true` in `security_opt`: a setuid or file-capability binary in the container can raise its privileges',
        },
        {
          line: 11,
          column: 3,
          severity: 'info',
          service: 'admin',
          message: '`admin`, not published, does not set `no-new-privileges:true` in `security_opt`: a setuid or file-capability binary in the container can raise its privileges',
        },
      ],
    },
    {
      name: 'turned off explicitly, the value from .env: reported at the entry',
      code: {
        'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    network_mode: host', '    security_opt:', '      - "no-new-privileges:${NNP}"'),
        '.env': 'NNP=false\n',
      },
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: '`web`, on the host network (network_mode: host), sets `no-new-privileges:false`: processes can raise their privileges through setuid binaries',
        },
      ],
    },
  ],
});
