import rule from '../rules/frontend-reaches-database';
import { lintSync } from '../src/api';
import { ruleTester, lintSnippet } from './rule-tester';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Rule } from '../src/types';
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
const HARDCODED = lines(
  'services:',
  '  web:',
  '    image: example/web',
  '    ports: ["8080:8080"]',
  '  cache:',
  '    image: redis:7',
);

ruleTester(rule as Rule, {
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
      name: 'the voting app: vote and result each use a datastore on back-tier',
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
    },
  ],
  invalid: [
    {
      name: 'the reddit ui shares back_net with the mongo post and comment use',
      code: REDDIT_UI_ON_BACK,
      findings: [
        {
          line: 7,
          column: 27,
          severity: 'warning',
          service: 'ui',
          message: 'ui publishes ports and shares back_net with the datastore mongo, which only post and comment use; keep ui off back_net and give mongo a back network shared only with its clients',
        },
      ],
    },
    {
      name: 'the implicit default network: reported at the service key; several datastores in one finding',
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
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'proxy',
          message:
            'proxy publishes ports and shares the default network with the datastores db (used only by app), and cache and queue (used only by app and worker); declare a front and a back network and keep the datastores on the back one with their clients',
        },
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
          line: 6,
          column: 16,
          severity: 'warning',
          service: 'frontend',
          message: 'frontend publishes ports and shares app_net with the datastore db, which only backend uses; frontend needs app_net for other services, so move db to a back network shared only with its clients',
        },
      ],
    },
    {
      name: 'an override that adds the network is where the finding goes',
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
          file: 'compose.override.yaml',
          line: 4,
          column: 9,
          severity: 'warning',
          service: 'ui',
          message: 'ui publishes ports and shares back with the datastore db, which only api uses; keep ui off back and give db a back network shared only with its clients',
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
      '2:3 web publishes ports and shares the default network with the datastore cache, which web does not use; declare a front and a back network and keep cache on the back one with its clients',
    ]);
    expect(lintSnippet(rule as Rule, { name: 'default mode', code: HARDCODED })).toEqual([]);
  });

  test('strict also questions a public service that uses another datastore on the network', () => {
    const code = lines('services:', '  vote:', '    image: vote', '    ports: ["80:80"]', '    depends_on: [redis]', '  worker:', '    image: w', '    depends_on: [db]', '  redis:', '    image: redis:7', '  db:', '    image: postgres:16');
    expect(lintWith(code, { strict: true })).toEqual([
      '2:3 vote publishes ports and shares the default network with the datastore db, which only worker uses; declare a front and a back network and keep db on the back one with its clients',
    ]);
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
      '2:3 bff is a frontend and shares the default network with the datastores blobs and tiger (used only by app); declare a front and a back network and keep the datastores on the back one with their clients',
    ]);
  });
});
