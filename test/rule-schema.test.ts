/**
 * schema: values compose-go refuses after the JSON schema passed (consistency checks, decoders of
 * durations, byte sizes and short volumes), with the exact place and message.
 */
import rule from '../rules/schema';
import { ruleTester } from './rule-tester';

const DURATION_HINT = 'Docker Compose refuses it: write a number with a unit (ns, us, ms, s, m, h, d, w), e.g. 30s or 1m30s';

ruleTester(rule, {
  valid: [
    {
      name: 'durations, sizes and volumes compose-go decodes',
      code: 'services:\n  a:\n    image: x\n    mem_limit: 1.5GiB\n    shm_size: "256m"\n    stop_grace_period: 1m30s\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: "0"\n      start_period: 2d\n    volumes:\n      - /data\n      - ./a:/a:ro,z\n      - C:\\cache:/cache\n',
    },
    {
      name: 'matching values at the service and under deploy',
      code: 'services:\n  a:\n    image: x\n    cpus: 0.5\n    mem_limit: 1024m\n    scale: 2\n    deploy:\n      replicas: 2\n      resources:\n        limits: {cpus: "0.50", memory: 1g}\n',
    },
    {
      name: 'a comment-only overlay next to a real file',
      code: { 'compose.yaml': 'services:\n  a:\n    image: x\n', 'compose.override.yaml': '# nothing yet\n' },
    },
    { name: "a value made by interpolation is the interpolation rule's", code: 'services:\n  a:\n    image: x\n    volumes:\n      - ${DATA_DIR}:/data\n    mem_limit: ${MEM:-}\n' },
    {
      // A registry port is no tag; an empty tag an unset variable leaves is the interpolation rule's (it names the variable).
      name: 'image references: a registry port, a tag and a digest; an empty tag from an unset variable, also through an alias or extends',
      // Corpus: debezium-examples/tutorial/docker-compose-mongodb.yaml names the image of mongodb-init through an alias.
      code: 'services:\n  a:\n    image: localhost:5000/app\n  b:\n    image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    image: &img quay.io/debezium/example-mongodb:${DEBEZIUM_VERSION}\n  d:\n    image: *img\n  e:\n    extends: c\n',
    },
    {
      name: 'a service disabled by profiles is not checked for an image',
      code: 'services:\n  a:\n    image: x\n  debug:\n    profiles: [debug]\n    command: sh\n',
    },
  ],
  invalid: [
    {
      name: 'an override with an old service name creates a service without image or build',
      code: { 'compose.yaml': 'services: {basketdata: {image: redis}}\n', 'compose.override.yaml': 'services: {basket.data: {ports: ["6379:6379"]}}\n' },
      findings: [
        {
          file: 'compose.override.yaml',
          line: 1,
          column: 12,
          severity: 'error',
          service: 'basket.data',
          message:
            'service "basket.data" has neither an image nor a build context specified: Docker Compose refuses the project; is it meant to override "basketdata"? A different name makes a new, empty service',
        },
      ],
    },
    {
      name: 'no override hint between services of one file, nor towards a service first defined in the same later file',
      code: {
        'compose.yaml': 'services:\n  server:\n    ports: ["10051:10051"]\n  server-mysql:\n    extends: {service: server}\n',
        'compose.override.yaml': 'services:\n  web-1:\n    ports: ["8080:80"]\n  web-2:\n    ports: ["8081:80"]\n',
      },
      findings: [
        {
          file: 'compose.override.yaml',
          line: 2,
          column: 3,
          severity: 'error',
          service: 'web-1',
          message: 'service "web-1" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them',
        },
        {
          file: 'compose.override.yaml',
          line: 4,
          column: 3,
          severity: 'error',
          service: 'web-2',
          message: 'service "web-2" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them',
        },
        {
          line: 2,
          column: 3,
          severity: 'error',
          service: 'server',
          message: 'service "server" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them',
        },
        {
          line: 4,
          column: 3,
          severity: 'error',
          service: 'server-mysql',
          message: 'service "server-mysql" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them',
        },
      ],
    },
    {
      name: 'duplicate container_name, and one with several replicas',
      code: 'services:\n  a:\n    image: x\n    container_name: box\n  b:\n    image: y\n    container_name: box\n    deploy:\n      replicas: 3\n',
      findings: [
        {
          line: 7,
          column: 21,
          severity: 'error',
          service: 'b',
          message: 'container name "box" is already in use by service "a" (compose.yaml:4): Docker Compose refuses two containers with one name',
        },
        {
          line: 7,
          column: 21,
          severity: 'error',
          service: 'b',
          message: 'container_name "box" cannot be combined with deploy.replicas: 3: every replica needs a name of its own, and Docker Compose refuses the service',
        },
      ],
    },
    {
      name: 'settings that disagree with deploy',
      code: 'services:\n  a:\n    image: x\n    cpus: 1\n    mem_reservation: 256m\n    pids_limit: 10\n    scale: 2\n    deploy:\n      replicas: 3\n      resources:\n        limits: {cpus: "0.5", pids: 20}\n        reservations: {memory: 128m}\n',
      findings: [
        {
          line: 4,
          column: 5,
          severity: 'error',
          service: 'a',
          message: '`cpus` and `deploy.resources.limits.cpus` disagree (1 and 0.5): Docker Compose refuses the service ("can\'t set distinct values"); keep one of them',
        },
        {
          line: 5,
          column: 5,
          severity: 'error',
          service: 'a',
          message: '`mem_reservation` and `deploy.resources.reservations.memory` disagree (256m and 128m): Docker Compose refuses the service ("can\'t set distinct values"); keep one of them',
        },
        {
          line: 6,
          column: 5,
          severity: 'error',
          service: 'a',
          message: '`pids_limit` and `deploy.resources.limits.pids` disagree (10 and 20): Docker Compose refuses the service ("can\'t set distinct values"); keep one of them',
        },
        {
          line: 7,
          column: 5,
          severity: 'error',
          service: 'a',
          message: '`scale` and `deploy.replicas` disagree (2 and 3): Docker Compose refuses the service ("can\'t set distinct values"); keep one of them',
        },
      ],
    },
    {
      name: 'invalid durations, byte sizes and short volumes',
      code: 'services:\n  a:\n    image: x\n    mem_limit: 1x\n    healthcheck:\n      interval: 5 seconds\n    deploy:\n      restart_policy:\n        delay: "10"\n    volumes:\n      - ./a:/a:ro:z\n      - ./b::/b\n',
      findings: [
        {
          line: 4,
          column: 16,
          severity: 'error',
          service: 'a',
          message: 'services.a.mem_limit: invalid size "1x"; Docker Compose refuses it: write a number of bytes with an optional unit (k, m, g, t, p), e.g. 512m or 2g',
        },
        { line: 6, column: 17, severity: 'error', service: 'a', message: `services.a.healthcheck.interval: unknown unit " seconds" in duration "5 seconds"; ${DURATION_HINT}` },
        { line: 9, column: 16, severity: 'error', service: 'a', message: `services.a.deploy.restart_policy.delay: missing unit in duration "10"; ${DURATION_HINT}` },
        {
          line: 11,
          column: 9,
          severity: 'error',
          service: 'a',
          message: 'services.a.volumes[0]: invalid volume "./a:/a:ro:z": too many colons; Docker Compose refuses it (the short syntax is [SOURCE:]TARGET[:MODE])',
        },
        {
          line: 12,
          column: 9,
          severity: 'error',
          service: 'a',
          message: 'services.a.volumes[1]: invalid volume "./b::/b": empty section between colons; Docker Compose refuses it (the short syntax is [SOURCE:]TARGET[:MODE])',
        },
      ],
    },
    {
      name: 'two mounts on one container path: a warning naming both',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - ./one:/data\n      - type: volume\n        source: two\n        target: /data\nvolumes:\n  two:\n',
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'a',
          message: 'services.a.volumes[1]: mounts "/data" again (also "./one:/data" on line 5): Docker Compose keeps only this mount and drops the other without a word',
        },
      ],
    },
    {
      name: 'YAML 1.1 booleans where a boolean is expected: compose-go warns',
      code: 'services:\n  a:\n    image: x\n    tty: yes\n    read_only: "off"\n',
      findings: [
        { line: 4, column: 10, severity: 'warning', message: '"yes" for boolean is not supported by YAML 1.2, please use `true`' },
        { line: 5, column: 16, severity: 'warning', message: '"off" for boolean is not supported by YAML 1.2, please use `false`' },
      ],
    },
    {
      name: 'a lone empty file',
      code: '# nothing here\n',
      findings: [{ line: 1, column: 1, severity: 'error', message: 'empty compose file: Docker Compose refuses a file with no content' }],
    },
    {
      // distribution/reference: a tag is 1 to 128 characters; Docker refuses `name:` (moby/moby#20023).
      name: 'an image with an empty tag or digest, written or from a variable set to the empty string',
      code: 'services:\n  web:\n    image: "x:"\n  db:\n    image: postgres:${PG_TAG}\n  cache:\n    image: "localhost:5000/redis@"\n',
      env: { PG_TAG: '' },
      findings: [
        {
          line: 3,
          column: 12,
          severity: 'error',
          service: 'web',
          message:
            'services.web.image: "x:" is not a valid image reference: its tag after \':\' is empty, so `docker compose up` fails ("invalid reference format"); write a tag, or drop the \':\' for x:latest',
        },
        {
          line: 5,
          column: 12,
          severity: 'error',
          service: 'db',
          message:
            'services.db.image: "postgres:" is not a valid image reference: its tag after \':\' is empty, so `docker compose up` fails ("invalid reference format"); write a tag, or drop the \':\' for postgres:latest',
        },
        {
          line: 7,
          column: 12,
          severity: 'error',
          service: 'cache',
          message:
            'services.cache.image: "localhost:5000/redis@" is not a valid image reference: its digest after \'@\' is empty, so `docker compose up` fails ("invalid reference format"); write the digest (sha256:...), or drop the \'@\'',
        },
      ],
    },
    {
      // compose-go reads a missing target as 0; Docker Engine refuses container port 0 (moby daemon/container.go, validatePortBindings).
      name: 'a long-syntax port without target, or with target 0',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - published: 8080\n      - target: 0\n        published: "8081"\n      - target: 80\n        published: 8082\n',
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'error',
          service: 'web',
          message:
            'services.web.ports[0]: no container port: the long syntax needs `target` (the port inside the container); Compose reads it as 0, and Docker refuses the container ("invalid port specification")',
        },
        {
          line: 6,
          column: 9,
          severity: 'error',
          service: 'web',
          message: 'services.web.ports[1]: container port 0 is not a port: Docker refuses the container ("invalid port specification"); set `target` to the port inside the container',
        },
      ],
    },
  ],
});
