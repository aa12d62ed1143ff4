import rule from '../rules/cap-drop-all';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'ALL in any case, with or without CAP_, a lone string, with cap_add',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    cap_drop: [all]',
        '    cap_add: [NET_BIND_SERVICE]',
        '  b:',
        '    image: x:1',
        '    cap_drop: [CAP_ALL]',
        '  c:',
        '    image: x:1',
        '    cap_drop:',
        '      - ALL',
      ),
    },
    {
      name: 'inherited through extends',
      code: {
        'compose.yaml': lines('services:', '  web:', '    extends: {file: base.yaml, service: base}', '    ports: ["8080:80"]'),
        'base.yaml': lines('services:', '  base:', '    image: nginx:1.27', '    cap_drop: [ALL]'),
      },
    },
  ],
  invalid: [
    {
      name: 'missing on a public service, partial on an internal one (reported at cap_drop)',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["8080:80"]',
        '    networks: [front]',
        '  worker:',
        '    image: x:1',
        '    networks: [back]',
        '    cap_drop: [NET_RAW, mknod]',
        'networks:',
        '  front:',
        '  back:',
      ),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: "`web`, published on 0.0.0.0:8080, keeps Docker's default capabilities: drop them with `cap_drop: [ALL]` and add back only what it needs with `cap_add`",
        },
        {
          line: 9,
          column: 5,
          severity: 'info',
          service: 'worker',
          message: '`worker`, not published, drops only `NET_RAW`, `mknod`: drop every capability with `cap_drop: [ALL]` and add back only what it needs',
        },
      ],
    },
    {
      name: 'the override file adds a partial cap_drop: reported there',
      code: {
        'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]'),
        'compose.override.yaml': lines('services:', '  web:', '    cap_drop: [NET_RAW]'),
      },
      findings: [
        {
          file: 'compose.override.yaml',
          line: 3,
          column: 5,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, drops only `NET_RAW`: drop every capability with `cap_drop: [ALL]` and add back only what it needs',
        },
      ],
    },
  ],
});
