import rule from '../rules/healthcheck-missing';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'a datastore nobody uses; a used one with a healthcheck; a used non-datastore',
      code: lines(
        'services:',
        '  app:',
        '    image: x:1',
        '    depends_on: [db, api]',
        '  db:',
        '    image: postgres:16',
        '    healthcheck: {test: [CMD, pg_isready]}',
        '  api:',
        '    image: example/api:1',
        '  spare:',
        '    image: redis:7',
      ),
    },
    {
      name: 'healthcheck settings without a test keep the image check',
      code: lines('services:', '  app:', '    image: x:1', '    depends_on: [db]', '  db:', '    image: example/db-with-healthcheck:1', '    healthcheck: {interval: 5s}'),
    },
    {
      name: "a known image listening on a datastore's port is not that datastore (Home Assistant's 8123 is ClickHouse's HTTP port)",
      code: lines('services:', '  app:', '    image: x:1', '    depends_on: [hass]', '  hass:', '    image: homeassistant/home-assistant:stable', '    ports: ["8123:8123"]'),
    },
  ],
  invalid: [
    {
      name: 'missing, disabled, NONE; used by depends_on, links or a host name in the environment',
      code: lines(
        'services:',
        '  app:',
        '    image: x:1',
        '    ports: ["8080:8080"]',
        '    depends_on: [db]',
        '    environment:',
        '      REDIS_URL: redis://cache:6379',
        '  db:',
        '    image: postgres:16',
        '  cache:',
        '    image: valkey/valkey:8',
        '    healthcheck:',
        '      disable: true',
        '  store:',
        '    image: example/store:1',
        '    ports: ["9000:9000"]',
        '    healthcheck:',
        '      test: ["NONE"]',
        '  worker:',
        '    image: x:1',
        '    links: [store]',
      ),
      settings: { datastores: ['store'] },
      findings: [
        {
          line: 8,
          column: 3,
          severity: 'info',
          service: 'db',
          message:
            'datastore `db`, on default with public service app, has no healthcheck for `app` to wait for: `depends_on` can only wait for it to start, not to accept connections (`condition: service_healthy` needs a healthcheck)',
        },
        {
          line: 13,
          column: 16,
          severity: 'info',
          service: 'cache',
          message: 'datastore `cache`, on default with public service app, disables its healthcheck: `app` cannot wait for it to be ready, and nothing reports it stuck',
        },
        {
          line: 18,
          column: 13,
          severity: 'warning',
          service: 'store',
          message: 'datastore `store`, published on 0.0.0.0:9000, disables its healthcheck: `worker` cannot wait for it to be ready, and nothing reports it stuck',
        },
      ],
    },
    {
      name: "an override disables the base file's healthcheck: reported in the override",
      code: {
        'compose.yaml': lines('services:', '  app:', '    image: x:1', '    depends_on: [db]', '  db:', '    image: mysql:8', '    healthcheck:', '      test: [CMD, mysqladmin, ping]'),
        'compose.override.yaml': lines('services:', '  db:', '    healthcheck:', '      disable: true'),
      },
      findings: [
        {
          file: 'compose.override.yaml',
          line: 4,
          column: 16,
          severity: 'info',
          service: 'db',
          message: 'datastore `db`, not published, disables its healthcheck: `app` cannot wait for it to be ready, and nothing reports it stuck',
        },
      ],
    },
  ],
});
