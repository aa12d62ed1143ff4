import rule from '../rules/frontend-reaches-database';
import { lintSync } from '../src/api';
import { ruleTester, lintSnippet } from './rule-tester';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lines, networksBlock } from './graph-helpers';

/** The reddit app with ui on back_net too: the seeds' defect. */
const REDDIT_UI_ON_BACK = lines(
  'services:',
  '  ui:',
  '    image: express42/ui',
  '    ports: ["9292:9292"]',
  '    environment:',
  '      POST_SERVICE_HOST: post',
  '    networks: [front_net, back_net]',
  '  post:',
  '    image: express42/post',
  '    environment:',
  '      POST_DATABASE_HOST: post_db',
  '    networks: [front_net, back_net]',
  '  comment:',
  '    image: express42/comment',
  '    depends_on: [mongo]',
  '    networks: [front_net, back_net]',
  '  mongo:',
  '    image: mongo:3.2',
  '    networks:',
  '      back_net:',
  '        aliases: [post_db]',
  ...networksBlock('front_net', 'back_net'),
);

/** Hosts hardcoded in the apps: nobody is seen using the datastores. */
const HARDCODED = lines('services:', '  web:', '    image: example/web', '    ports: ["8080:8080"]', '  cache:', '    image: redis:7');

/** rabbitmq used by worker (depends_on); the public web's environment is `envLines`, then `more` services. */
const busWith = (envLines: string[], ...more: string[]): string =>
  lines(
    'services:',
    '  rabbitmq:',
    '    image: rabbitmq:3',
    '  web:',
    '    image: example/web',
    '    ports: ["8080:80"]',
    '    environment:',
    ...envLines,
    ...more,
    '  worker:',
    '    image: example/worker',
    '    depends_on: [rabbitmq]',
  );

ruleTester(rule, {
  valid: [
    { name: 'no evidence that anyone uses the datastore (hosts hardcoded in the apps)', code: HARDCODED },
    {
      name: 'the public service uses the datastore itself; a datastore publishing its own port',
      code: lines(
        'services:',
        '  admin:',
        '    image: mongo-express',
        '    ports: ["8081:8081"]',
        '    environment:',
        '      ME_CONFIG_MONGODB_URL: mongodb://mongo:27017',
        '  api:',
        '    image: example/api',
        '    depends_on: [mongo]',
        '  mongo:',
        '    image: mongo:7',
        '    ports: ["27017:27017"]',
      ),
    },
    {
      name: 'published on loopback only (also through a variable default): not public',
      code: lines(
        'services:',
        '  web:',
        '    image: example/web',
        '    ports: ["127.0.0.1:8080:80", "${BIND_IP:-127.0.0.1}:8443:443", "[::1]:9000:9000"]',
        '  app:',
        '    image: example/app',
        '    depends_on: [db]',
        '  db:',
        '    image: postgres:16',
      ),
    },
    {
      name: "a variable whose whole value is the datastore's service name (also as a default) is a use of it",
      code: busWith(
        ['      - EventBusConnection=rabbitmq'],
        '  hooks:',
        '    image: example/hooks',
        '    ports: ["8081:80"]',
        '    environment:',
        '      EventBusConnection: ${ESHOP_AZURE_SERVICE_BUS:-rabbitmq}',
      ),
    },
    ...(
      [
        ['adminer:4.8.1', 'postgres:16.4'],
        ['adminer:4.8.1', 'mongo:7.0'],
        ['phpmyadmin/phpmyadmin:5.2', 'mysql:8.4'],
        ['dpage/pgadmin4:8.12', 'postgres:16.4'],
        ['mongo-express:1.0', 'mongo:7.0'],
        ['rediscommander/redis-commander:latest', 'redis:7.4'],
        ['redis/redisinsight:2.58', 'valkey/valkey:8.0'],
      ] as const
    ).map(([consoleImage, storeImage]) => ({
      name: `the database console ${consoleImage} uses the ${storeImage} datastore on its network`,
      code: lines(
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '    depends_on: [store]',
        '  store:',
        `    image: ${storeImage}`,
        '  console:',
        `    image: ${consoleImage}`,
        '    ports: ["8080:8080"]',
      ),
    })),
  ],
  invalid: [
    {
      name: "a bare word that is not the datastore's service name is no use of it",
      code: busWith(['      - QUEUE_DRIVER=rabbit']),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'rabbitmq',
          message:
            'datastore rabbitmq shares the default network with public service web, which does not use it (only worker uses it); declare a front and a back network and keep rabbitmq on the back one with its clients',
        },
      ],
    },
    {
      name: 'a flat network: one finding per datastore, listing the public services',
      code: lines(
        'services:',
        '  a:',
        '    image: example/a',
        '    ports: ["8001:80"]',
        '  b:',
        '    image: example/b',
        '    ports: ["8002:80"]',
        '  c:',
        '    image: example/c',
        '    network_mode: host',
        '  app:',
        '    image: example/app',
        '    environment:',
        '      DATABASE_URL: postgres://app@store:5432/app',
        '  store:',
        '    build: ./db',
        '    environment:',
        '      POSTGRES_PASSWORD: example',
      ),
      findings: [
        {
          line: 15,
          column: 3,
          severity: 'warning',
          service: 'store',
          message:
            'datastore store shares the default network with public services a and b, which do not use it (only app uses it); declare a front and a back network and keep store on the back one with its clients',
        },
      ],
    },
    {
      name: 'a sidecar of the public service uses the api on the network: move the datastore, do not cut the service off',
      code: lines(
        'services:',
        '  edge:',
        '    image: example/edge',
        '    ports: ["443:443"]',
        '    networks: [apps]',
        '  tunnel:',
        '    image: example/tunnel',
        '    network_mode: service:edge',
        '    environment:',
        '      UPSTREAM: http://api:8080',
        '  api:',
        '    image: example/api',
        '    depends_on: [db]',
        '    networks: [apps]',
        '  db:',
        '    image: mariadb:11',
        '    networks: [apps]',
        ...networksBlock('apps'),
      ),
      findings: [
        {
          line: 17,
          column: 16,
          severity: 'warning',
          service: 'db',
          messageId: 'shared',
          data: {
            store: 'db',
            network: 'apps',
            publics: 'service edge',
            doNot: 'does not',
            users: 'api',
            use: 'uses',
            fix: 'edge needs apps for other services, so move db to a back network shared only with its clients',
          },
        },
      ],
    },
    {
      name: 'the voting app: vote uses redis next to db, result uses db next to redis: info, give each datastore its own network',
      code: lines(
        'services:',
        '  vote:',
        '    image: vote',
        '    ports: ["5000:80"]',
        '    depends_on: [redis]',
        '    networks: [front-tier, back-tier]',
        '  result:',
        '    image: result',
        '    ports: ["5001:80"]',
        '    depends_on: [db]',
        '    networks: [front-tier, back-tier]',
        '  worker:',
        '    image: worker',
        '    depends_on: [redis, db]',
        '    networks: [back-tier]',
        '  redis:',
        '    image: redis:7-alpine',
        '    networks: [back-tier]',
        '  db:',
        '    image: postgres:15-alpine',
        '    networks: [back-tier]',
        ...networksBlock('front-tier', 'back-tier'),
      ),
      findings: [
        {
          line: 18,
          column: 16,
          severity: 'info',
          service: 'redis',
          message: 'datastore redis shares back-tier with public service result, which does not use it (only vote and worker use it); give redis a network of its own, shared only with its clients',
        },
        {
          line: 21,
          column: 16,
          severity: 'info',
          service: 'db',
          message: 'datastore db shares back-tier with public service vote, which does not use it (only result and worker use it); give db a network of its own, shared only with its clients',
        },
      ],
    },
    {
      name: 'the reddit ui shares back_net with the mongo post and comment use',
      code: REDDIT_UI_ON_BACK,
      findings: [
        {
          line: 20,
          column: 7,
          severity: 'warning',
          service: 'mongo',
          message:
            'datastore mongo shares back_net with public service ui, which does not use it (only post and comment use it); keep ui off back_net and give mongo a back network shared only with its clients',
        },
      ],
    },
    {
      name: 'the implicit default network: one finding per datastore, at its service key',
      code: lines(
        'services:',
        '  proxy:',
        '    image: nginx',
        '    ports:',
        '      - target: 80',
        '        published: "80"',
        '  app:',
        '    image: example/app',
        '    depends_on: [db, cache, queue]',
        '  worker:',
        '    image: example/worker',
        '    environment:',
        '      CACHE_URL: redis://cache:6379',
        '      QUEUE_URL: redis://queue:6379',
        '  db:',
        '    image: docker.io/library/postgres:16',
        '  cache:',
        '    image: valkey/valkey:8',
        '  queue:',
        '    image: bitnami/redis:7.2',
      ),
      findings: [
        {
          line: 15,
          column: 3,
          severity: 'warning',
          service: 'db',
          message:
            'datastore db shares the default network with public service proxy, which does not use it (only app uses it); declare a front and a back network and keep db on the back one with its clients',
        },
        {
          line: 17,
          column: 3,
          severity: 'warning',
          service: 'cache',
          messageId: 'shared',
          data: {
            store: 'cache',
            network: 'the default network',
            publics: 'service proxy',
            doNot: 'does not',
            users: 'app and worker',
            use: 'use',
            fix: 'declare a front and a back network and keep cache on the back one with its clients',
          },
        },
        { line: 19, column: 3, severity: 'warning', service: 'queue', messageId: 'shared' },
      ],
    },
    {
      name: 'one declared network the frontend needs for its backend: the datastore should move',
      code: lines(
        'services:',
        '  frontend:',
        '    image: frappe/erpnext',
        '    ports: ["8080:8080"]',
        '    depends_on: [backend]',
        '    networks: [app_net]',
        '  backend:',
        '    image: frappe/erpnext',
        '    environment:',
        '      DB_HOST: db',
        '    networks: [app_net]',
        '  db:',
        '    image: mariadb:10.6',
        '    networks: [app_net]',
        ...networksBlock('app_net'),
      ),
      findings: [
        {
          line: 14,
          column: 16,
          severity: 'warning',
          service: 'db',
          message:
            'datastore db shares app_net with public service frontend, which does not use it (only backend uses it); frontend needs app_net for other services, so move db to a back network shared only with its clients',
        },
      ],
    },
    {
      name: 'an override that puts the public service on the back network: reported at the datastore, naming it',
      code: {
        'compose.yaml': lines(
          'services:',
          '  ui:',
          '    image: ui',
          '    ports: ["80:80"]',
          '    networks: [front]',
          '  api:',
          '    image: api',
          '    depends_on: [db]',
          '    networks: [front, back]',
          '  db:',
          '    image: mariadb:11',
          '    networks: [back]',
          ...networksBlock('front', 'back'),
        ),
        'compose.override.yaml': lines('services:', '  ui:', '    networks:', '      - back'),
      },
      findings: [
        {
          line: 12,
          column: 16,
          severity: 'warning',
          service: 'db',
          message: 'datastore db shares back with public service ui, which does not use it (only api uses it); keep ui off back and give db a back network shared only with its clients',
        },
      ],
    },
    {
      name: 'a database console does not use a datastore of another engine: phpMyAdmin next to redis',
      code: lines(
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '    depends_on: [db, cache]',
        '  db:',
        '    image: mariadb:11.4',
        '  cache:',
        '    image: redis:7.4',
        '  pma:',
        '    image: phpmyadmin:5.2',
        '    ports: ["8080:80"]',
      ),
      findings: [
        {
          line: 7,
          column: 3,
          severity: 'info',
          service: 'cache',
          message:
            'datastore cache shares the default network with public service pma, which does not use it (only app uses it); declare a front and a back network and keep cache on the back one with its clients',
        },
      ],
    },
  ],
});

/** Lint with options through --rule, the way a config file sets them. */
function lintWith(code: string, options: Record<string, unknown>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontend-'));
  try {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), code);
    const { findings } = lintSync({ cwd: dir, targets: ['.'], config: false, env: {}, ruleFlags: [`frontend-reaches-database: [warning, ${JSON.stringify(options)}]`] });
    return findings.filter((f) => f.rule === rule.id).map((f) => `${f.line}:${f.column} ${f.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('options', () => {
  test('strict: every public service next to a datastore it does not use', () => {
    expect(lintWith(HARDCODED, { strict: true })).toEqual([
      '5:3 datastore cache shares the default network with public service web, and no service is seen using it; declare a front and a back network and keep cache on the back one with its clients',
    ]);
    expect(lintSnippet(rule, { name: 'default mode', code: HARDCODED })).toEqual([]);
  });

  test('a public service that uses another datastore on the network: reported in both modes', () => {
    const code = lines(
      'services:',
      '  vote:',
      '    image: vote',
      '    ports: ["80:80"]',
      '    depends_on: [redis]',
      '  worker:',
      '    image: w',
      '    depends_on: [db]',
      '  redis:',
      '    image: redis:7',
      '  db:',
      '    image: postgres:16',
    );
    expect(lintWith(code, { strict: true })).toEqual([
      '11:3 datastore db shares the default network with public service vote, which does not use it (only worker uses it); declare a front and a back network and keep db on the back one with its clients',
    ]);
    expect(lintSnippet(rule, { name: 'default mode', code }).map((f) => `${f.line}:${f.column} ${f.severity}`)).toEqual(['11:3 info']);
  });

  test('frontends and datastores name services (datastores also by image name)', () => {
    const code = lines(
      'services:',
      '  bff:',
      '    image: example/bff',
      '  app:',
      '    image: example/app',
      '    environment:',
      '      STORE: blobs:9000',
      '      GRAPH: tiger:8182',
      '  blobs:',
      '    image: minio/minio',
      '  tiger:',
      '    image: example/tigergraph:3',
    );
    expect(lintWith(code, { frontends: ['bff'], datastores: ['blobs', 'tigergraph'] })).toEqual([
      '9:3 datastore blobs shares the default network with public service bff, which does not use it (only app uses it); declare a front and a back network and keep blobs on the back one with its clients',
      '11:3 datastore tiger shares the default network with public service bff, which does not use it (only app uses it); declare a front and a back network and keep tiger on the back one with its clients',
    ]);
  });
});
