import rule from '../rules/undefined-reference';
import { ruleTester } from './rule-tester';

/** Docker Compose's error when a required dependency gets no health status (docker/compose pkg/compose/convergence.go). */
const FAILS = '`docker compose up` fails ("dependency failed to start: container … has no healthcheck configured")';

ruleTester(rule, {
  valid: [
    {
      name: 'everything declared; default network implicit or named; externals count',
      code: 'services:\n  web:\n    image: x\n    networks: [default, shared]\n    depends_on: [api]\n    volumes:\n      - data:/data\n      - ./conf:/conf:ro\n      - /abs:/abs\n      - ~/home:/home\n      - /anonymous\n      - type: bind\n        source: relative/path\n        target: /rel\n    secrets: [key]\n    configs:\n      - source: conf\n        target: /c\n  api:\n    image: x\n    links: ["web:frontend"]\n    volumes_from: ["web:ro", "container:other"]\nnetworks:\n  shared:\n    external: true\nvolumes:\n  data:\nsecrets:\n  key:\n    environment: KEY\nconfigs:\n  conf:\n    content: x\n',
    },
    {
      name: 'a depends_on on a disabled service that is not required',
      code: 'services:\n  web:\n    image: x\n    depends_on:\n      debug:\n        condition: service_started\n        required: false\n  debug:\n    image: x\n    profiles: [debug]\n',
    },
    {
      name: 'a Windows host path is a bind mount',
      code: 'services:\n  web:\n    image: x\n    volumes:\n      - C:\\data:/data\n',
    },
  ],
  invalid: [
    {
      // compose-go makes each a dependency on service "" (loader/normalize.go) and refuses the project; `db:` is service db.
      name: 'a link or volumes_from entry that names no service before the colon',
      code: 'services:\n  web:\n    image: x\n    links:\n      - ":alias"\n      - "db:"\n      - db:x:y\n    volumes_from:\n      - ":ro"\n  db:\n    image: x\n',
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'error',
          service: 'web',
          message: 'service "web" links to no service: `:alias` names none before the \':\', so Docker Compose refuses the project (undefined service ""); write the service name first',
        },
        { line: 7, column: 9, severity: 'error', service: 'web', message: 'service "web" links to undefined service "db:x:y"' },
        {
          line: 9,
          column: 9,
          severity: 'error',
          service: 'web',
          message: 'service "web" takes volumes_from no service: `:ro` names none before the \':\', so Docker Compose refuses the project (undefined service ""); write the service name first',
        },
      ],
    },
    {
      name: 'resources: network, volume (both syntaxes), secret, build secret, config, with suggestions',
      code: 'services:\n  web:\n    image: x\n    build:\n      context: .\n      secrets: [npm_tokn]\n    networks:\n      backend:\n    volumes:\n      - db_dat:/data\n      - type: volume\n        source: cache\n        target: /cache\n    secrets:\n      - source: api_ky\n    configs: [site]\nnetworks:\n  back_end:\nvolumes:\n  db_data:\nsecrets:\n  api_key:\n    environment: K\n  npm_token:\n    environment: T\n',
      findings: [
        {
          line: 6,
          column: 17,
          severity: 'error',
          service: 'web',
          message: 'service "web" uses undefined build secret "npm_tokn" (not declared under the top-level `secrets`); did you mean "npm_token"?',
        },
        { line: 8, column: 7, severity: 'error', service: 'web', message: 'service "web" uses undefined network "backend" (not declared under the top-level `networks`); did you mean "back_end"?' },
        { line: 10, column: 9, severity: 'error', service: 'web', message: 'service "web" uses undefined volume "db_dat" (not declared under the top-level `volumes`); did you mean "db_data"?' },
        { line: 11, column: 9, severity: 'error', service: 'web', message: 'service "web" uses undefined volume "cache" (not declared under the top-level `volumes`)' },
        { line: 15, column: 9, severity: 'error', service: 'web', message: 'service "web" uses undefined secret "api_ky" (not declared under the top-level `secrets`); did you mean "api_key"?' },
        { line: 16, column: 15, severity: 'error', service: 'web', message: 'service "web" uses undefined config "site" (not declared under the top-level `configs`)' },
      ],
    },
    {
      name: 'services: depends_on (both forms), links, volumes_from (plain, service:, with mode)',
      code: 'services:\n  web:\n    image: x\n    depends_on:\n      - api\n      - dtabase\n    links:\n      - cache:c\n    volumes_from:\n      - service:api\n      - dat:ro\n  api:\n    image: x\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  data:\n    image: x\n',
      findings: [
        { line: 6, column: 9, severity: 'error', service: 'web', message: 'service "web" depends on undefined service "dtabase"' },
        { line: 8, column: 9, severity: 'error', service: 'web', message: 'service "web" links to undefined service "cache"' },
        { line: 11, column: 9, severity: 'error', service: 'web', message: 'service "web" takes volumes_from undefined service "dat"; did you mean "data"?' },
        { line: 15, column: 7, severity: 'error', service: 'api', message: 'service "api" depends on undefined service "migrate"' },
      ],
    },
    {
      name: 'services disabled by profiles: depends_on from the loader, links and volumes_from here',
      code: 'services:\n  web:\n    image: x\n    depends_on: [debug]\n    links: [debug]\n    volumes_from: [debug]\n  debug:\n    image: x\n    profiles: [debug]\n',
      findings: [
        { line: 4, column: 18, severity: 'error', service: 'web', message: 'service "web" depends on "debug", which is disabled by profiles (active: none)' },
        { line: 5, column: 13, severity: 'error', service: 'web', message: 'service "web" links to service "debug", which is disabled by profiles (it runs with debug; active: none)' },
        { line: 6, column: 20, severity: 'error', service: 'web', message: 'service "web" takes volumes_from service "debug", which is disabled by profiles (it runs with debug; active: none)' },
      ],
    },
    {
      name: 'an entry several services get through extends or an anchor: one finding at it, naming them all',
      code: 'services:\n  server:\n    image: x\n    networks: [database]\n    depends_on:\n      db:\n        condition: service_healthy\n  server-mysql:\n    extends: server\n  server-pgsql:\n    extends: {service: server}\n  web: &web\n    image: x\n    volumes: [cache:/c]\n  web-2:\n    <<: *web\n  db:\n    image: x\n',
      findings: [
        {
          line: 4,
          column: 16,
          severity: 'error',
          service: 'server',
          message:
            'service "server" uses undefined network "database" (not declared under the top-level `networks`); so do services "server-mysql" and "server-pgsql", which get this entry through `extends` or a YAML anchor',
        },
        {
          line: 7,
          column: 20,
          severity: 'info',
          service: 'server',
          message: `service "server" waits for "db" to be healthy (condition: service_healthy), but "db" defines no healthcheck: unless its image x declares a HEALTHCHECK (compose-lint cannot see it), ${FAILS}; so do services "server-mysql" and "server-pgsql", which get this entry through \`extends\` or a YAML anchor`,
        },
        {
          line: 14,
          column: 15,
          severity: 'error',
          service: 'web',
          message: 'service "web" uses undefined volume "cache" (not declared under the top-level `volumes`); so does service "web-2", which gets this entry through `extends` or a YAML anchor',
        },
      ],
    },
    {
      name: 'extends naming a missing service, here and in another file (from the loader)',
      code: {
        'compose.yaml': 'services:\n  base:\n    image: x\n  web:\n    extends: bsae\n  worker:\n    extends:\n      file: lib/common.yaml\n      service: missing\n',
        'lib/common.yaml': 'services:\n  present:\n    image: x\n',
      },
      findings: [
        { line: 5, column: 14, severity: 'error', service: 'web', message: 'service "web" extends undefined service "bsae"' },
        { line: 9, column: 16, severity: 'error', service: 'worker', message: 'service "worker" extends undefined service "missing" in lib/common.yaml' },
      ],
    },
  ],
});

describe('shared namespaces and healthchecks', () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'service_healthy on a service with a healthcheck; pid: host',
        code: 'services:\n  a:\n    image: x\n    pid: host\n    depends_on:\n      b: {condition: service_healthy}\n  b:\n    image: y\n    healthcheck:\n      test: ["CMD", "true"]\n',
      },
      {
        name: 'service_healthy on an image known to declare a HEALTHCHECK (OpenZipkin images, on ghcr.io and Docker Hub)',
        code: 'services:\n  zipkin:\n    image: ghcr.io/openzipkin/zipkin-slim:3\n    depends_on:\n      storage: {condition: service_healthy}\n      kafka: {condition: service_healthy}\n  storage:\n    image: ghcr.io/openzipkin/zipkin-mysql:${TAG:-latest}\n  kafka:\n    image: openzipkin/zipkin-kafka\n',
      },
      {
        // compose-go does not wait for a dependency with no container (pkg/compose/convergence.go, shouldWaitForDependency).
        name: 'service_healthy on a dependency scaled to zero',
        code: 'services:\n  web:\n    image: x\n    depends_on: {db: {condition: service_healthy}}\n  db:\n    image: postgres:16\n    deploy: {replicas: 0}\n',
      },
      {
        // The base file is missing (a load-error): its healthcheck may be there; nothing is claimed.
        name: 'service_healthy on a service whose extends file could not be read',
        code: 'services:\n  web:\n    image: x\n    depends_on: {db: {condition: service_healthy}}\n  db:\n    extends: {file: base.yml, service: db}\n    image: postgres:16\n',
      },
    ],
    invalid: [
      {
        name: 'pid/ipc/uts naming an undefined service',
        code: 'services:\n  api:\n    image: x\n  debug:\n    image: busybox\n    pid: "service:ap"\n    uts: "service:nope"\n',
        findings: [
          {
            line: 6,
            column: 10,
            severity: 'error',
            service: 'debug',
            messageId: 'undefinedService',
            data: { service: 'debug', via: 'shares the pid namespace of', name: 'ap', suggestion: '; did you mean "api"?', also: '' },
          },
          { line: 7, column: 10, severity: 'error', service: 'debug', message: 'service "debug" shares the uts namespace of undefined service "nope"' },
        ],
      },
      {
        name: 'service_healthy on an official image known to declare no HEALTHCHECK: an error (up fails for sure); on one that builds its image: info',
        code: 'services:\n  app:\n    image: example/app\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n      queue:\n        condition: service_healthy\n  db:\n    image: postgres:16\n  cache:\n    image: docker.io/library/redis:7\n  queue:\n    image: rabbitmq:3\n    build: ./queue\n',
        findings: [
          {
            line: 6,
            column: 20,
            severity: 'error',
            service: 'app',
            message: `service "app" waits for "db" to be healthy (condition: service_healthy), but "db" defines no healthcheck and its image postgres:16 declares none (Docker official images do not): ${FAILS}; add a \`healthcheck\` to "db"`,
          },
          {
            line: 8,
            column: 20,
            severity: 'error',
            service: 'app',
            message: `service "app" waits for "cache" to be healthy (condition: service_healthy), but "cache" defines no healthcheck and its image docker.io/library/redis:7 declares none (Docker official images do not): ${FAILS}; add a \`healthcheck\` to "cache"`,
          },
          {
            line: 10,
            column: 20,
            severity: 'info',
            service: 'app',
            message: `service "app" waits for "queue" to be healthy (condition: service_healthy), but "queue" defines no healthcheck: unless the image it builds declares a HEALTHCHECK (compose-lint cannot see it), ${FAILS}`,
          },
        ],
      },
      {
        // An unset PG_TAG leaves `postgres:`: the message names the image, not `postgres:`.
        name: 'the image of a healthcheck error is named without the empty tag an unset variable leaves',
        code: 'services:\n  app:\n    image: example/app:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:${PG_TAG}\n',
        findings: [
          {
            line: 6,
            column: 20,
            severity: 'error',
            service: 'app',
            message: `service "app" waits for "db" to be healthy (condition: service_healthy), but "db" defines no healthcheck and its image postgres declares none (Docker official images do not): ${FAILS}; add a \`healthcheck\` to "db"`,
          },
        ],
      },
      {
        name: 'service_healthy on a service without a healthcheck: info; with it disabled: an error, whatever the image declares',
        code: 'services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: service_healthy\n      c:\n        condition: service_healthy\n      d:\n        condition: service_healthy\n  b:\n    image: y\n  c:\n    image: z\n    healthcheck:\n      disable: true\n  d:\n    image: openzipkin/zipkin\n    healthcheck:\n      test: ["NONE"]\n',
        findings: [
          {
            line: 6,
            column: 20,
            severity: 'info',
            service: 'a',
            message: `service "a" waits for "b" to be healthy (condition: service_healthy), but "b" defines no healthcheck: unless its image y declares a HEALTHCHECK (compose-lint cannot see it), ${FAILS}`,
          },
          {
            line: 8,
            column: 20,
            severity: 'error',
            service: 'a',
            message: `service "a" waits for "c" to be healthy (condition: service_healthy), but "c" turns its healthcheck off (\`healthcheck.disable: true\`), its image's HEALTHCHECK too: ${FAILS}; give "c" a healthcheck, or wait with \`condition: service_started\``,
          },
          {
            line: 10,
            column: 20,
            severity: 'error',
            service: 'a',
            message: `service "a" waits for "d" to be healthy (condition: service_healthy), but "d" turns its healthcheck off (\`healthcheck.test: ["NONE"]\`), its image's HEALTHCHECK too: ${FAILS}; give "d" a healthcheck, or wait with \`condition: service_started\``,
          },
        ],
      },
      {
        // The newcomer trial's case: Compose refuses to start "web" for certain.
        name: 'service_healthy on redis:7 without a healthcheck: an error',
        code: 'services:\n  web:\n    image: example/web\n    depends_on: {cache: {condition: service_healthy}}\n  cache:\n    image: redis:7\n',
        findings: [
          {
            line: 4,
            column: 37,
            severity: 'error',
            service: 'web',
            message: `service "web" waits for "cache" to be healthy (condition: service_healthy), but "cache" defines no healthcheck and its image redis:7 declares none (Docker official images do not): ${FAILS}; add a \`healthcheck\` to "cache"`,
          },
        ],
      },
      {
        name: 'required: false: Compose starts the dependent anyway, so a warning when certain and info when not',
        code: 'services:\n  web:\n    image: example/web\n    depends_on:\n      cache:\n        condition: service_healthy\n        required: false\n      api:\n        condition: service_healthy\n        required: false\n  cache:\n    image: redis:7\n  api:\n    image: example/api\n',
        findings: [
          {
            line: 6,
            column: 20,
            severity: 'warning',
            service: 'web',
            message:
              'service "web" waits for "cache" to be healthy (condition: service_healthy), but "cache" defines no healthcheck and its image redis:7 declares none (Docker official images do not): Docker Compose gives up waiting, warns that optional dependency "cache" failed to start, and starts "web" anyway (required: false); add a `healthcheck` to "cache"',
          },
          {
            line: 9,
            column: 20,
            severity: 'info',
            service: 'web',
            message:
              'service "web" waits for "api" to be healthy (condition: service_healthy), but "api" defines no healthcheck: unless its image example/api declares a HEALTHCHECK (compose-lint cannot see it), Docker Compose gives up waiting, warns that optional dependency "api" failed to start, and starts "web" anyway (required: false)',
          },
        ],
      },
    ],
  });
});
