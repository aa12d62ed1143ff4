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
  ],
});
