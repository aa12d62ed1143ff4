import rule from '../rules/image-mutable-tag';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';
import { makeTree } from './engine-helpers';
import { lintSync } from '../src/api';

ruleTester(rule, {
  valid: [
    {
      name: 'versions, digests, built images',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27.2-alpine',
        '  cache:',
        '    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        '  app:',
        '    build: .',
        '    image: example/app:latest',
        '  reg:',
        '    image: registry.example.com:5000/team/app:2024.10.1',
        '  stable:',
        '    image: example/stable-release:1.0',
      ),
    },
    { name: 'a tag from an unset variable says nothing about run time', code: lines('services:', '  web:', '    image: nginx:${NGINX_TAG}') },
    {
      // Docker refuses these references (the schema rule says so): not read as `x::latest`.
      name: 'an empty tag or digest is no moving tag',
      code: lines('services:', '  web:', '    image: "nginx:"', '  cache:', '    image: "redis@"', '  env:', '    image: nginx:${EMPTY_TAG}'),
      env: { EMPTY_TAG: '' },
    },
  ],
  invalid: [
    {
      name: 'no tag, moving tags, a registry port',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx',
        '    ports:',
        '      - "80:80"',
        '  cache:',
        '    image: redis:latest',
        '  node:',
        '    image: node:lts-alpine',
        '  reg:',
        '    image: registry.example.com:5000/team/app',
        '  nightly:',
        '    image: example/tool:NIGHTLY',
      ),
      findings: [
        {
          line: 3,
          column: 12,
          severity: 'warning',
          service: 'web',
          message:
            '`image: nginx` has no tag, so it means `nginx:latest`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (public: published on 0.0.0.0:80)',
        },
        {
          line: 7,
          column: 12,
          severity: 'info',
          service: 'cache',
          message:
            '`image: redis:latest` uses the moving tag `latest`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (adjacent: on default with public service web)',
        },
        {
          line: 9,
          column: 12,
          severity: 'info',
          service: 'node',
          message:
            '`image: node:lts-alpine` uses the moving tag `lts-alpine`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (adjacent: on default with public service web)',
        },
        {
          line: 11,
          column: 12,
          severity: 'info',
          service: 'reg',
          message:
            '`image: registry.example.com:5000/team/app` has no tag, so it means `registry.example.com:5000/team/app:latest`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (adjacent: on default with public service web)',
        },
        {
          line: 13,
          column: 12,
          severity: 'info',
          service: 'nightly',
          message:
            '`image: example/tool:NIGHTLY` uses the moving tag `NIGHTLY`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (adjacent: on default with public service web)',
        },
      ],
    },
    {
      name: '${TAG:-latest} is latest; a tag from .env counts',
      code: {
        'compose.yaml': lines('services:', '  proxy:', '    image: "traefik:${TRAEFIK_TAG:-latest}"', '  app:', '    image: example/app:${APP_TAG}'),
        '.env': lines('APP_TAG=edge'),
      },
      findings: [
        {
          line: 3,
          column: 12,
          severity: 'info',
          service: 'proxy',
          message: '`image: traefik:latest` uses the moving tag `latest`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (internal: not published)',
        },
        {
          line: 5,
          column: 12,
          severity: 'info',
          service: 'app',
          message: '`image: example/app:edge` uses the moving tag `edge`: each pull may bring a different image, and nobody reviewed that one; pin a version tag or a digest (internal: not published)',
        },
      ],
    },
  ],
});

describe('under `extends: strict`', () => {
  test('a finding keeps the severity its exposure gives (the preset raises only findings without one)', () => {
    const cwd = makeTree({
      '.compose-lint.yaml': 'extends: strict\n',
      'compose.yaml': lines('services:', '  web:', '    image: nginx', '    ports: ["80:80"]', '  job:', '    image: example/job:latest', '    network_mode: none'),
    });
    const { findings } = lintSync({ cwd, env: {}, rules: [rule] });
    expect(findings.map((f) => [f.service, f.line, f.severity])).toEqual([
      ['web', 3, 'warning'],
      ['job', 6, 'info'],
    ]);
  });
});
