import rule from '../rules/run-as-root';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'a UID, a name, a UID:GID',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    user: "1000"',
        '  b:',
        '    image: x:1',
        '    user: app',
        '  c:',
        '    image: x:1',
        '    user: "1000:0"',
        '  d:',
        '    image: x:1',
        '    user: "10"',
      ),
    },
    { name: 'from .env', code: { 'compose.yaml': lines('services:', '  a:', '    image: x:1', '    user: "${UID}:${GID}"'), '.env': 'UID=1000\nGID=1000\n' } },
  ],
  invalid: [
    {
      name: 'unset, root, 0:0; empty after interpolation counts as unset',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["8080:80"]',
        '  b:',
        '    image: x:1',
        '    user: root',
        '  c:',
        '    image: x:1',
        '    user: "0:0"',
        '  d:',
        '    image: x:1',
        '    user: "${NOBODY:-}"',
      ),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: "`web`, published on 0.0.0.0:8080, sets no `user`: it runs as the image's default user, which is root unless the image sets USER",
        },
        { line: 7, column: 11, severity: 'info', service: 'b', message: '`b`, on default with public service web, runs as root (`user: root`)' },
        { line: 10, column: 11, severity: 'info', service: 'c', message: '`c`, on default with public service web, runs as root (`user: 0:0`)' },
        {
          line: 11,
          column: 3,
          severity: 'info',
          service: 'd',
          message: "`d`, on default with public service web, sets no `user`: it runs as the image's default user, which is root unless the image sets USER",
        },
      ],
    },
    {
      name: 'root from .env, reported where the value is written',
      code: { 'compose.yaml': lines('services:', '  a:', '    image: x:1', '    user: "${UID}"'), '.env': 'UID=0\n' },
      findings: [{ line: 4, column: 11, severity: 'info', service: 'a', message: '`a`, not published, runs as root (`user: 0`)' }],
    },
  ],
});
