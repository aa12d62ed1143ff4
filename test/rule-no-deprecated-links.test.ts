import rule from '../rules/no-deprecated-links';
import { ruleTester } from './rule-tester';
import { lines, networksBlock } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'networks, an alias for the extra name, depends_on for the order',
      code: lines('services:', '  web:', '    image: nginx', '    depends_on: [db]', '  db:', '    image: postgres:16', '    networks:', '      default:', '        aliases: [database]'),
    },
    {
      // compose-go takes `:alias` as a dependency on service "": undefined-reference reports it, once.
      name: 'a link that names no service is left to undefined-reference',
      code: lines('services:', '  web:', '    image: nginx', '    links:', '      - ":alias"', '      - ":"'),
    },
  ],
  invalid: [
    {
      name: 'each entry: redundant, renaming, across networks, to a missing service',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx',
        '    links:',
        '      - app',
        '      - db:database',
        '      - ghost',
        '    networks: [front, back]',
        '  app:',
        '    image: app',
        '    links: [metrics]',
        '    networks: [front]',
        '  db:',
        '    image: postgres:16',
        '    networks: [back]',
        '  metrics:',
        '    image: prom/prometheus',
        '    networks: [monitoring]',
        ...networksBlock('front', 'back', 'monitoring'),
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: 'link to `app` is legacy: web and app share front, where app already resolves by name; remove the link (depends_on gives the start order)',
        },
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: 'link `db:database` is legacy: give db the alias `database` on back, which both share (networks: {back: {aliases: [database]}}), and remove the link',
        },
        { line: 7, column: 9, severity: 'warning', service: 'web', message: 'link to `ghost` is legacy: use a shared network and network aliases instead' },
        {
          line: 11,
          column: 13,
          severity: 'warning',
          service: 'app',
          message: 'link to `metrics` is legacy and cannot work: links do not cross networks, and metrics is on monitoring, app is only on front; attach both to one network',
        },
      ],
    },
    {
      name: 'the default bridge, external links, the implicit default network',
      code: lines(
        'services:',
        '  legacy:',
        '    image: legacy',
        '    network_mode: bridge',
        '    links: ["store:db"]',
        '  store:',
        '    image: mysql:8',
        '    network_mode: bridge',
        '  web:',
        '    image: nginx',
        '    links: [cache:redis]',
        '    external_links:',
        '      - shared_redis_1:redis',
        '      - registry',
        '  cache:',
        '    image: redis:7',
      ),
      findings: [
        {
          line: 5,
          column: 13,
          severity: 'warning',
          service: 'legacy',
          message: 'link `store:db` is legacy: legacy uses the default bridge (network_mode: bridge); attach legacy and store to a shared network and give store the network alias `db` there',
        },
        {
          line: 11,
          column: 13,
          severity: 'warning',
          service: 'web',
          message: 'link `cache:redis` is legacy: give cache the alias `redis` on the default network, which both share (networks: {default: {aliases: [redis]}}), and remove the link',
        },
        {
          line: 13,
          column: 9,
          severity: 'warning',
          service: 'web',
          message:
            "external link `shared_redis_1:redis` is legacy: declare the network the container shared_redis_1 is on with `external: true`, attach web to it and use the container's name (with `redis` as a network alias if the code uses that name)",
        },
        {
          line: 14,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: "external link `registry` is legacy: declare the network the container registry is on with `external: true`, attach web to it and use the container's name",
        },
      ],
    },
    {
      // compose-go splits on every ':' (loader/normalize.go): two parts are service and alias, else the whole entry is the service.
      name: "an empty alias adds no name (the service's own name as alias is no rename); three parts are one (undefined) service name",
      code: lines('services:', '  web:', '    image: nginx', '    links:', '      - "db:"', '      - db:x:y', '      - db:db', '  db:', '    image: postgres:16'),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'web',
          message:
            'link `db:` (an empty alias: it adds no name) is legacy: web and db share the default network, where db already resolves by name; remove the link (depends_on gives the start order)',
        },
        { line: 6, column: 9, severity: 'warning', service: 'web', message: 'link to `db:x:y` is legacy: use a shared network and network aliases instead' },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: 'link to `db` is legacy: web and db share the default network, where db already resolves by name; remove the link (depends_on gives the start order)',
        },
      ],
    },
  ],
});
