import rule from '../rules/secret-in-environment';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';
import { makeTree } from './engine-helpers';
import { lintSync } from '../src/api';
import { loadFormatter } from '../src/report';
import { ruleCatalog } from '../src/api';

/** The advice for an image not known to read a `_FILE` variable. */
const GENERIC = 'use a variable from an untracked `.env`, or a Compose secret if the image can read this setting from a file';

ruleTester(rule, {
  valid: [
    {
      name: 'variables, files, names about secrets, booleans, placeholders',
      code: lines(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    environment:',
        '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
        '      POSTGRES_PASSWORD_FILE: /run/secrets/db_password',
        '      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app',
        '      TOKEN_TTL: 3600',
        '      AWS_ACCESS_KEY_ID: AKIAEXAMPLE',
        '      AUTH_ENABLED: "true"',
        '      ADMIN_PASSWORD: <set me>',
        '      JWT_SECRET: ""',
        '      TOKENIZERS_PARALLELISM: "false"',
        '      PWD: /app',
      ),
      env: { POSTGRES_PASSWORD: 'shell-secret', DB_PASSWORD: 'shell-secret' },
    },
    {
      name: 'a .env value reaching environment through a variable',
      code: {
        'compose.yaml': lines('services:', '  db:', '    image: postgres:16.4', '    environment:', '      - POSTGRES_PASSWORD=${PG_PW}'),
        '.env': lines('PG_PW=dotenv-secret'),
      },
    },
    {
      // Corpus: docker-gitlab's registry (REGISTRY_AUTH_TOKEN_SERVICE), mailcow (API_KEY=${API_KEY:-invalid}
      // turns the API off), cp-all-in-one ("dummy" telemetry keys), sentry (AWS_ACCESS_KEY beside AWS_SECRET_KEY).
      name: 'settings of a token scheme, values that say they are no credential, access key IDs',
      code: lines(
        'services:',
        '  registry:',
        '    image: registry:2',
        '    environment:',
        '      - REGISTRY_AUTH_TOKEN_SERVICE=container_registry',
        '      - REGISTRY_AUTH_TOKEN_REALM=https://gitlab.example.com/jwt/auth',
        '      - OAUTH_TOKEN_SCOPE=read_registry',
        '      - API_KEY=${API_KEY:-invalid}',
        '      - API_KEY_READ_ONLY=${API_KEY_READ_ONLY:-invalid}',
        '  broker:',
        '    image: confluentinc/cp-server:7.7.0',
        '    environment:',
        '      TELEMETRY_API_KEY: "dummy"',
        '      TELEMETRY_API_SECRET: DISABLED',
        '  web:',
        '    image: getsentry/sentry:24.1.0',
        '    environment:',
        '      AWS_ACCESS_KEY: "sentry"',
        '      MINIO_ACCESS_KEY: minio',
        '      MINIO_SECRET_KEY: ${MINIO_SECRET_KEY}',
        '      S3_ACCESSKEY: s3-user',
        '      S3_SECRET_ACCESS_KEY: ${S3_SECRET}',
        '  caddy:',
        '    image: caddy:2.8',
        '    environment:',
        "      ADMIN_PASSWORD_HASH: '$$2a$$14$$1l.IozJx7xQRVmlkEQ32Oe'",
      ),
    },
    {
      name: 'env_file values that only name a variable (from .env or the shell), and a file value the service replaces',
      code: {
        'compose.yaml': lines('services:', '  app:', '    image: example/app:1.0', '    env_file: [config/app.env]', '    environment:', '      ADMIN_PASSWORD: ${ADMIN_PW}'),
        'config/app.env': lines('UPSTREAM_TOKEN=${UPSTREAM_TOKEN}', 'DB_PASSWORD="${DB_PW}"', 'ADMIN_PASSWORD=in-file-but-replaced', 'SMTP_PASS', 'API_KEY=${API_KEY:-}'),
        '.env': lines('UPSTREAM_TOKEN=from-dotenv', 'DB_PW=from-dotenv', 'ADMIN_PW=from-dotenv', 'SMTP_PASS=from-dotenv'),
      },
    },
  ],
  invalid: [
    {
      name: 'literal values in map and list form, a literal default, a URL password',
      code: lines(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    ports:',
        '      - "5432:5432"',
        '    environment:',
        '      POSTGRES_PASSWORD: s3cret-pw',
        '  api:',
        '    image: example/api:2.3',
        '    environment:',
        '      - API_KEY=abc123def456',
        '      - SESSION_SECRET=${SESSION_SECRET:-changeme}',
        '      - DATABASE_URL=postgres://app:hunter2@db/app',
        '      - smtpPass=mailpw',
      ),
      findings: [
        {
          line: 7,
          column: 26,
          severity: 'error',
          service: 'db',
          message:
            '`POSTGRES_PASSWORD` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a Compose secret and `POSTGRES_PASSWORD_FILE`, which the postgres image reads, or a variable from an untracked `.env` (public: published on 0.0.0.0:5432)',
        },
        {
          line: 11,
          column: 17,
          severity: 'warning',
          service: 'api',
          message:
            '`API_KEY` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a variable from an untracked `.env`, or a Compose secret if the image can read this setting from a file (adjacent: on default with public service db)',
        },
        {
          line: 12,
          column: 24,
          severity: 'warning',
          service: 'api',
          message:
            '`SESSION_SECRET` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a variable from an untracked `.env`, or a Compose secret if the image can read this setting from a file (adjacent: on default with public service db)',
        },
        {
          line: 13,
          column: 22,
          severity: 'warning',
          service: 'api',
          message:
            '`DATABASE_URL` holds a URL with a literal password (masked): it is in the file for anyone who reads it and in `docker inspect`; take the password from a Compose secret or a variable from an untracked `.env` (adjacent: on default with public service db)',
        },
        {
          line: 14,
          column: 18,
          severity: 'warning',
          service: 'api',
          message:
            '`smtpPass` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a variable from an untracked `.env`, or a Compose secret if the image can read this setting from a file (adjacent: on default with public service db)',
        },
      ],
    },
    {
      // mayHoldUrl's `\\` branch: no `@` in the value (.env replaces the default) nor in the written text;
      // the escape spells one in the literal default, which is a URL with a password.
      name: 'an escaped @ (\\u0040) in a literal default the environment replaces',
      code: {
        'compose.yaml': lines('services:', '  api:', '    image: example/api:2.3', '    environment:', '      DATABASE_URL: "${DATABASE_URL:-postgres://app:hunter2\\u0040db/app}"'),
        '.env': lines('DATABASE_URL=postgres://db/app'),
      },
      findings: [
        {
          line: 5,
          column: 21,
          severity: 'warning',
          service: 'api',
          message:
            '`DATABASE_URL` holds a URL with a literal password (masked): it is in the file for anyone who reads it and in `docker inspect`; take the password from a Compose secret or a variable from an untracked `.env` (internal: not published)',
        },
      ],
    },
    {
      name: 'env_file values are reported in the env file, once',
      code: {
        'compose.yaml': lines(
          'services:',
          '  app:',
          '    image: example/app:1.0',
          '    env_file: [app.env]',
          '  worker:',
          '    image: example/worker:1.0',
          '    env_file:',
          '      - path: app.env',
          '        required: true',
        ),
        'app.env': lines('LOG_LEVEL=info', 'STRIPE_API_KEY=sk_test_123456', 'export ADMIN_PASSWORD="correct horse"', 'BROKER_URL=amqp://guest:guest@rabbit:5672/', 'UPSTREAM_TOKEN=${UPSTREAM_TOKEN}'),
      },
      findings: [
        {
          line: 2,
          column: 16,
          severity: 'warning',
          service: 'app',
          file: 'app.env',
          message:
            '`STRIPE_API_KEY` in env file app.env (read by services app, worker) is a literal secret (value masked): keep this file out of version control, or use a Compose secret (internal: not published)',
        },
        {
          line: 3,
          column: 23,
          severity: 'warning',
          service: 'app',
          file: 'app.env',
          message:
            '`ADMIN_PASSWORD` in env file app.env (read by services app, worker) is a literal secret (value masked): keep this file out of version control, or use a Compose secret (internal: not published)',
        },
        {
          line: 4,
          column: 12,
          severity: 'warning',
          service: 'app',
          file: 'app.env',
          message:
            '`BROKER_URL` in env file app.env (read by services app, worker) is a URL with a literal password (masked): keep this file out of version control, or use a Compose secret (internal: not published)',
        },
      ],
    },
    {
      name: 'env_file: a literal default is written in the file; the most exposed reader sets the severity and is named first',
      code: {
        'compose.yaml': lines(
          'services:',
          '  worker:',
          '    image: example/worker:1.0',
          '    env_file: config/app.env',
          '  web:',
          '    image: example/web:1.0',
          '    ports: ["8080:80"]',
          '    env_file: [config/app.env]',
        ),
        'config/app.env': lines('# defaults', 'SESSION_SECRET=${SESSION_SECRET:-changeme}', 'API_TOKEN=${API_TOKEN}'),
        '.env': lines('API_TOKEN=from-dotenv'),
      },
      findings: [
        {
          line: 2,
          column: 16,
          severity: 'error',
          service: 'web',
          file: 'config/app.env',
          message:
            '`SESSION_SECRET` in env file config/app.env (read by services worker, web) is a literal secret (value masked): keep this file out of version control, or use a Compose secret (public: published on 0.0.0.0:8080)',
        },
      ],
    },
    {
      name: 'the secret half of an access key pair, and an access key without a pair under another prefix',
      code: lines(
        'services:',
        '  web:',
        '    image: getsentry/sentry:24.1.0',
        '    environment:',
        '      AWS_ACCESS_KEY: "sentry"',
        '      AWS_SECRET_KEY: "sentry"',
        '      AZURE_STORAGE_ACCESS_KEY: bm90LWEta2V5',
        '      REGISTRY_AUTH_TOKEN: reg-token',
      ),
      findings: [
        {
          line: 6,
          column: 23,
          severity: 'warning',
          service: 'web',
          message: `\`AWS_SECRET_KEY\` is set to a literal secret (value masked): it is in the file for anyone who reads it and in \`docker inspect\`; ${GENERIC} (internal: not published)`,
        },
        {
          line: 7,
          column: 33,
          severity: 'warning',
          service: 'web',
          message: `\`AZURE_STORAGE_ACCESS_KEY\` is set to a literal secret (value masked): it is in the file for anyone who reads it and in \`docker inspect\`; ${GENERIC} (internal: not published)`,
        },
        {
          line: 8,
          column: 28,
          severity: 'warning',
          service: 'web',
          message: `\`REGISTRY_AUTH_TOKEN\` is set to a literal secret (value masked): it is in the file for anyone who reads it and in \`docker inspect\`; ${GENERIC} (internal: not published)`,
        },
      ],
    },
    {
      // Only images known to read `<VAR>_FILE` get that name in the message (Grafana reads `<VAR>__FILE`);
      // quoted list entries point inside the quotes, after `KEY=`.
      name: 'the _FILE variable is named only for images that read it; list entries point at the value',
      code: lines(
        'services:',
        '  db:',
        '    image: docker.io/library/mariadb:11.4',
        '    environment:',
        '      - "MYSQL_ROOT_PASSWORD=rootpw"',
        "      - 'MARIADB_PASSWORD=apppw'",
        '  grafana:',
        '    image: grafana/grafana:11.2.0',
        '    environment:',
        '      GF_SECURITY_ADMIN_PASSWORD: admin-pw',
        '  gitlab:',
        '    image: sameersbn/gitlab:17.2.1',
        '    environment:',
        '      - DB_PASS=password-1',
        '  app:',
        '    build: .',
        '    environment:',
        '      - POSTGRES_PASSWORD=pg-pw',
      ),
      findings: [
        {
          line: 5,
          column: 30,
          severity: 'warning',
          service: 'db',
          message:
            '`MYSQL_ROOT_PASSWORD` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a Compose secret and `MYSQL_ROOT_PASSWORD_FILE`, which the mariadb image reads, or a variable from an untracked `.env` (internal: not published)',
        },
        {
          line: 6,
          column: 27,
          severity: 'warning',
          service: 'db',
          message:
            '`MARIADB_PASSWORD` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a Compose secret and `MARIADB_PASSWORD_FILE`, which the mariadb image reads, or a variable from an untracked `.env` (internal: not published)',
        },
        {
          line: 10,
          column: 35,
          severity: 'warning',
          service: 'grafana',
          message:
            '`GF_SECURITY_ADMIN_PASSWORD` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a Compose secret and `GF_SECURITY_ADMIN_PASSWORD__FILE`, which the grafana/grafana image reads, or a variable from an untracked `.env` (internal: not published)',
        },
        {
          line: 14,
          column: 17,
          severity: 'warning',
          service: 'gitlab',
          message: `\`DB_PASS\` is set to a literal secret (value masked): it is in the file for anyone who reads it and in \`docker inspect\`; ${GENERIC} (internal: not published)`,
        },
        {
          line: 18,
          column: 27,
          severity: 'warning',
          service: 'app',
          message: `\`POSTGRES_PASSWORD\` is set to a literal secret (value masked): it is in the file for anyone who reads it and in \`docker inspect\`; ${GENERIC} (internal: not published)`,
        },
      ],
    },
    {
      name: 'an extended service brings the literal from its file',
      code: {
        'compose.yaml': lines('services:', '  app:', '    extends:', '      file: base.yaml', '      service: base'),
        'base.yaml': lines('services:', '  base:', '    image: example/app:1.0', '    environment:', '      MYSQL_ROOT_PASSWORD: rootpw'),
      },
      findings: [
        {
          line: 5,
          column: 28,
          severity: 'warning',
          service: 'app',
          file: 'base.yaml',
          message:
            '`MYSQL_ROOT_PASSWORD` is set to a literal secret (value masked): it is in the file for anyone who reads it and in `docker inspect`; use a variable from an untracked `.env`, or a Compose secret if the image can read this setting from a file (internal: not published)',
        },
      ],
    },
  ],
});

describe('the secret is never printed', () => {
  // Values no rule's documentation contains (SARIF embeds the docs' examples).
  const SECRETS = ['pw-Zq9xT1', 'url-Zq9xT2', 'default-Zq9xT3', 'sk_test_Zq9xT4', 'quoted Zq9xT5', 'guest:Zq9xT6'];
  const project = {
    'compose.yaml': lines(
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    ports: ["5432:5432"]',
      '    env_file: [app.env]',
      '    environment:',
      '      POSTGRES_PASSWORD: pw-Zq9xT1',
      '      DATABASE_URL: postgres://app:url-Zq9xT2@db/app',
      '      SESSION_SECRET: ${SESSION_SECRET:-default-Zq9xT3}',
    ),
    'app.env': lines('STRIPE_API_KEY=sk_test_Zq9xT4', 'ADMIN_PASSWORD="quoted Zq9xT5"', 'BROKER_URL=amqp://guest:Zq9xT6@rabbit:5672/'),
  };

  test.each(['stylish', 'compact', 'json', 'sarif', 'github', 'codeclimate', 'junit', 'checkstyle'])('%s', (format) => {
    const cwd = makeTree(project);
    const { findings } = lintSync({ cwd, env: {}, rules: [rule] });
    expect(findings.map((f) => String(f.data?.key)).sort()).toEqual(['ADMIN_PASSWORD', 'BROKER_URL', 'DATABASE_URL', 'POSTGRES_PASSWORD', 'SESSION_SECRET', 'STRIPE_API_KEY']);
    const out = loadFormatter(format)(findings, { cwd, version: '0.0.0', rules: ruleCatalog(), color: false, files: ['compose.yaml'] });
    for (const key of ['POSTGRES_PASSWORD', 'STRIPE_API_KEY', 'BROKER_URL']) expect(out).toContain(key);
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    for (const f of findings) {
      expect(JSON.stringify({ message: f.message, data: f.data, value: f.value })).not.toMatch(new RegExp(SECRETS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
    }
  });
});
