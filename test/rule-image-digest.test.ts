import rule from '../rules/image-digest';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

ruleTester(rule, {
  valid: [
    {
      name: 'digests with and without a tag; build services',
      code: lines('services:', '  a:', `    image: postgres:16@${DIGEST}`, '  b:', `    image: "ghcr.io/x/y@${DIGEST}"`, '  c:', '    build: .', '    image: example/app:dev', '  d:', '    build: .'),
    },
    { name: "a name broken by unset variables is the interpolation rule's", code: lines('services:', '  a:', '    image: ${USER_NAME}/comment:${VERSION}') },
    { name: 'a digest from .env', code: { 'compose.yaml': lines('services:', '  a:', '    image: "redis:${REDIS}"'), '.env': `REDIS=7@${DIGEST}\n` } },
  ],
  invalid: [
    {
      name: 'tags, registries with ports, no tag at all',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["80:80"]', '  b:', '    image: registry.local:5000/team/app:2.1', '  c:', '    image: redis'),
      findings: [
        {
          line: 3,
          column: 12,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:80, uses `nginx:1.27` by tag: pin it by digest (`nginx:1.27@sha256:...`) so the same name cannot bring a different image',
        },
        {
          line: 6,
          column: 12,
          severity: 'info',
          service: 'b',
          message:
            '`b`, on default with public service web, uses `registry.local:5000/team/app:2.1` by tag: pin it by digest (`registry.local:5000/team/app:2.1@sha256:...`) so the same name cannot bring a different image',
        },
        {
          line: 8,
          column: 12,
          severity: 'info',
          service: 'c',
          message: '`c`, on default with public service web, uses `redis` by tag: pin it by digest (`redis@sha256:...`) so the same name cannot bring a different image',
        },
      ],
    },
    {
      name: 'the tag comes from .env',
      code: { 'compose.yaml': lines('services:', '  a:', '    image: "redis:${REDIS}"'), '.env': 'REDIS=7\n' },
      findings: [
        {
          line: 3,
          column: 12,
          severity: 'info',
          service: 'a',
          message: '`a`, not published, uses `redis:7` by tag: pin it by digest (`redis:7@sha256:...`) so the same name cannot bring a different image',
        },
      ],
    },
  ],
});
