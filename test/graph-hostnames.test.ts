import { hostsInArgument, hostsInEnvValue, hostsInUrls, isCandidateHost, looksLikeDomain } from '../src/graph/hostnames';

import type { HostMention } from '../src/graph/hostnames';

const m = (host: string, index: number, port?: number): HostMention => (port === undefined ? { host, index } : { host, port, index });
/** A bare word under a key that says nothing about hosts. */
const use = (host: string, index: number): HostMention => ({ host, index, usageOnly: true });

describe('hostsInEnvValue', () => {
  test.each<[string, string, HostMention[]]>([
    // bare names, only in host-like keys
    ['POST_DATABASE_HOST', 'post_db', [m('post_db', 0)]],
    ['HOST', 'api', [m('api', 0)]],
    ['SMTP_SERVER', 'mailer', [m('mailer', 0)]],
    ['REDIS_ADDR', ' cache ', [m('cache', 1)]],
    // a bare word under any other key: a use of the service of that name, never a host to check
    ['SERVICE_NAME', 'ui', [use('ui', 0)]],
    ['DB_HOSTNAME', 'db', [use('db', 0)]],
    ['EventBusConnection', ' rabbitmq', [use('rabbitmq', 1)]],
    ['CACHE_DRIVER', 'redis', [use('redis', 0)]],
    ['LOG_LEVEL', 'info debug', []],
    ['APP_VERSION', '1.2.3', []],
    ['FEATURE', 'true', []],
    ['REV_SERVER', 'true', []],
    ['OAUTH_SERVER', '', []],
    // lists of bare names
    ['ELASTICSEARCH_HOSTS', 'es01,es02', [m('es01', 0), m('es02', 5)]],
    ['CASSANDRA_SEEDS', 'cass1, cass2', [m('cass1', 0), m('cass2', 7)]],
    ['MEMCACHE_SERVERS', 'mc1,/tmp/sock', []],
    // host:port in any key
    ['PEER', 'app_0_1:9000', [m('app_0_1', 0, 9000)]],
    ['KAFKA_BROKERS', 'kafka1:9092, kafka2:9093', [m('kafka1', 0, 9092), m('kafka2', 13, 9093)]],
    ['TIME', '10:30', []],
    ['RUNNER_IMAGE', 'alpine:3', []],
    ['APP_VERSION', 'release:2', []],
    // user:pass@host
    ['AMQP', 'guest:guest@rabbit:5672', [m('rabbit', 12, 5672)]],
    ['ADMIN_EMAIL', 'ops@example', []],
    // URLs, several per value, comma-separated authorities
    ['DATABASE_URL', 'postgres://app:secret@db:5432/app', [m('db', 22, 5432)]],
    ['MONGO_URL', 'mongodb://a:1,b:2/x', [m('a', 10, 1), m('b', 14, 2)]],
    ['LISTENERS', 'PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092', [m('kafka', 12, 29092)]],
    ['JDBC', 'jdbc:mysql://db:3306/x', [m('db', 13, 3306)]],
    ['SOCKET', 'unix:///var/run/docker.sock', []],
    ['BUCKET', 's3://profiles?endpoint=seaweedfs:8333', []],
    ['ASPNETCORE_URLS', 'http://+:8000', []],
    ['PEER_URL', 'http://[::1]:8080/', []],
    ['TEMPLATED', 'http://${API_HOST}/v1', []],
    // the service's own public or bind names
    ['VIRTUAL_HOST', 'shop', []],
    ['WEB_LISTEN_ADDRESS', 'exporter:9255', []],
    ['API_EXTERNAL_URL', 'http://kong:8000', []],
  ])('%s=%s', (key, value, expected) => {
    expect(hostsInEnvValue(key, value)).toEqual(expected);
  });

  test('localhost and IP literals are never hosts', () => {
    expect(hostsInEnvValue('DB_HOST', 'localhost')).toEqual([]);
    expect(hostsInEnvValue('DB_HOST', '10.0.0.5')).toEqual([]);
    expect(hostsInEnvValue('CACHE', '127.0.0.1:6379')).toEqual([]);
    expect(hostsInEnvValue('URL', 'http://localhost:3000')).toEqual([]);
  });
});

describe('hostsInArgument', () => {
  test('URLs only: other words in commands are too often not hosts', () => {
    expect(hostsInArgument('-mongodb.uri=mongodb://post_db:27017')).toEqual([m('post_db', 23, 27017)]);
    expect(hostsInArgument('--advertise-kafka-addr PLAINTEXT://redpanda:29092,OUTSIDE://redpanda:9092')).toEqual([m('redpanda', 35, 29092), m('redpanda', 60, 9092)]);
    expect(hostsInArgument('redis-server:6379')).toEqual([]);
    expect(hostsInArgument('puma --debug -w 2')).toEqual([]);
  });
});

describe('hostsInUrls', () => {
  test('a URL ends at a path, query, quote or whitespace', () => {
    expect(hostsInUrls('"http://api:8080/v1" and `http://web`')).toStrictEqual([m('api', 8, 8080), m('web', 33)]);
  });
});

describe('isCandidateHost and looksLikeDomain', () => {
  test.each([
    ['post_db', true],
    ['db_0.internal', true],
    ['3proxy', true],
    ['10.0.0.1', false],
    ['fe80::1', false],
    ['localhost', false],
    ['LocalHost', false],
    ['a..b', false],
    ['-x', false],
    ['$HOST', false],
  ])('candidate %s -> %s', (h, expected) => {
    expect(isCandidateHost(h)).toBe(expected);
  });
  test.each([
    ['smtp.gmail.com', true],
    ['o1.ingest.sentry.io', true],
    ['db.internal', true],
    ['db_0.internal', false],
    ['app.py2', false],
    ['post_db', false],
  ])('domain %s -> %s', (h, expected) => {
    expect(looksLikeDomain(h)).toBe(expected);
  });
});
