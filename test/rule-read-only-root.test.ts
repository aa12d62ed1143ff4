import rule from '../rules/read-only-root';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    { name: 'read_only: true', code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]', '    read_only: true') },
    { name: 'from .env', code: { 'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    read_only: ${RO}'), '.env': 'RO=true\n' } },
    // A service that is not a mapping is refused by Compose (the schema rule says so); the hardening
    // rules used to check it as an empty service, unlike the security rules, which skipped it.
    { name: 'a null service (invalid) is left to the schema rule', code: lines('services:', '  web:') },
  ],
  invalid: [
    {
      name: 'missing (at the service) and false (at the value)',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]', '  cache:', '    image: x:1', '    read_only: false', '    network_mode: none'),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, has a writable root filesystem: set `read_only: true` and give it `tmpfs` or volumes for the paths it writes',
        },
        { line: 7, column: 16, severity: 'info', service: 'cache', message: '`cache`, not published, sets `read_only: false`: its root filesystem is writable' },
      ],
    },
    {
      name: 'an override turns it off',
      code: {
        'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]', '    read_only: true'),
        'compose.override.yaml': lines('services:', '  web:', '    read_only: false'),
      },
      findings: [
        {
          file: 'compose.override.yaml',
          line: 3,
          column: 16,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, sets `read_only: false`: its root filesystem is writable',
        },
      ],
    },
  ],
});
