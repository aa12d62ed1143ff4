/** The one datastore definition: evidence from image, environment, ports and names. */
import { statedPorts } from '../src/graph/ports';
import { graphOf } from './graph-helpers';
import { datastoreWords, imageFamily, recognizeDatastore, DatastoreInput } from '../src/graph/datastores';

const input = (over: Partial<DatastoreInput>): DatastoreInput => ({ name: 'svc', envKeys: [], declaredPorts: [], knownOtherImage: false, ...over });

describe('imageFamily', () => {
  test.each([
    ['postgres:16', 'postgres'],
    ['docker.io/library/postgres:16@sha256:abc', 'postgres'],
    ['bitnami/postgresql:16', 'postgres'],
    ['pgautoupgrade/pgautoupgrade:16-alpine', 'postgres'],
    ['mcr.microsoft.com/mssql/server:2022-latest', 'mssql'],
    ['weaveworksdemos/user-db:0.3.0', 'database'],
    ['bitnami/redis-sentinel:7', 'redis'],
    ['confluentinc/cp-kafka:7.6.0', 'kafka'],
    ['rabbitmq:3-management', 'rabbitmq'],
    ['nats:2', 'nats'],
    ['zookeeper:3.9', 'zookeeper'],
  ])('%s is %s', (image, family) => {
    expect(imageFamily(image)?.name).toBe(family);
  });

  test.each([
    'prometheuscommunity/postgres-exporter',
    'mongo-express:1',
    'provectuslabs/kafka-ui',
    'confluentinc/cp-kafka-connect:7',
    'zabbix/zabbix-server-mysql:7.0',
    'supabase/postgres-meta:v0.8',
    'nginx',
    'dpage/pgadmin4',
    // A console whose namespace names the engine.
    'redis/redisinsight:2.58',
    'redislabs/redisinsight:1.14',
  ])('%s is not a datastore', (image) => {
    expect(imageFamily(image)).toBeUndefined();
  });
});

describe('recognizeDatastore', () => {
  test('server settings in the environment, unless a host to connect to is named too', () => {
    expect(recognizeDatastore(input({ builds: true, envKeys: ['POSTGRES_PASSWORD', 'POSTGRES_DB'] }))?.evidence).toBe('POSTGRES_PASSWORD in its environment');
    // Clients set POSTGRES_PASSWORD / MYSQL_USER too: alone they say nothing about an image or a service without build.
    expect(recognizeDatastore(input({ envKeys: ['MYSQL_USER', 'MYSQL_PASSWORD'] }))).toBeUndefined();
    expect(recognizeDatastore(input({ image: 'zabbix/zabbix-server-mysql', builds: true, envKeys: ['MYSQL_USER'] }))).toBeUndefined();
    expect(recognizeDatastore(input({ envKeys: ['MYSQL_ROOT_PASSWORD'] }))?.family.name).toBe('mysql');
    expect(recognizeDatastore(input({ envKeys: ['MONGO_INITDB_ROOT_USERNAME'] }))?.family.name).toBe('mongo');
    expect(recognizeDatastore(input({ envKeys: ['POSTGRES_PASSWORD', 'POSTGRES_HOST'] }))).toBeUndefined();
  });

  test('a well-known datastore port declared, unless the image is known as something else', () => {
    expect(recognizeDatastore(input({ declaredPorts: [8080, 3306] }))?.evidence).toBe('listens on 3306 (mysql)');
    expect(recognizeDatastore(input({ declaredPorts: [8123] }))?.evidence).toBe('listens on 8123 (clickhouse)');
    expect(recognizeDatastore(input({ image: 'homeassistant/home-assistant:stable', declaredPorts: [8123], knownOtherImage: true }))).toBeUndefined();
  });

  test('the graph takes an image of the default-ports table for what the table says', () => {
    const graph = graphOf('services:\n  hass:\n    image: homeassistant/home-assistant:2024.1\n    ports: ["8123:8123"]\n  ch:\n    image: example/analytics:1\n    expose: [8123]\n');
    expect(graph.services.get('hass')?.datastore).toBeUndefined();
    expect(graph.services.get('ch')?.datastore?.evidence).toBe('listens on 8123 (clickhouse)');
  });

  test('names: db, *-db, *_db, an engine leading the name; not tools, not known other images', () => {
    expect(recognizeDatastore(input({ name: 'db' }))?.evidence).toBe('named db');
    expect(recognizeDatastore(input({ name: 'orders-db' }))).toBeDefined();
    expect(recognizeDatastore(input({ name: 'post_db' }))).toBeDefined();
    expect(recognizeDatastore(input({ name: 'redis-cache' }))?.family.name).toBe('redis');
    expect(recognizeDatastore(input({ name: 'db-migrate' }))).toBeUndefined();
    expect(recognizeDatastore(input({ name: 'server-mysql' }))).toBeUndefined();
    expect(recognizeDatastore(input({ name: 'db', image: 'nginx', knownOtherImage: true }))).toBeUndefined();
  });
});

describe('an image of 100k colons', () => {
  test('is read in one pass (issue 14: no backtracking regex)', () => {
    const hostile = `x${':'.repeat(100_000)}/`;
    expect(datastoreWords(`${hostile}redis:${':'.repeat(100_000)}`)).toContain('cache');
  });
});

describe('statedPorts: command flags', () => {
  test('quotes around a flag value are dropped; a word of 100k quotes is read in one pass (issue 14)', () => {
    expect(statedPorts({ command: 'serve "--port=8081" --port 8082;' }, []).map((p) => p.port)).toEqual([8081, 8082]);
    expect(statedPorts({ command: ['serve', '--port', "'9090'"] }, []).map((p) => p.port)).toEqual([9090]);
    expect(statedPorts({ command: `serve ${"'".repeat(100_000)}x --port 7070` }, []).map((p) => p.port)).toEqual([7070]);
    expect(statedPorts({ command: [{ a: 1 }, '--port', '6060'] }, []).map((p) => p.port)).toEqual([6060]);
  });
});
