import { PORT_FACTS, PRODUCTS } from '../src/graph/default-ports';
import { recognizeDatastore } from '../src/graph/datastores';
import { imageDefaultPorts } from '../src/graph/image-ports';
import { wellKnownPort } from '../src/graph/well-known-ports';

// A service named for nothing, with no image: only the port can be evidence (a known image would block it).
const byPort = (port: number): string | undefined => recognizeDatastore({ name: 'svc', envKeys: [], declaredPorts: [port], knownOtherImage: false })?.family.name;

describe('the default-ports table', () => {
  test('every row names its source', () => {
    expect(PRODUCTS.filter((p) => p.source.trim() === '').map((p) => p.name)).toEqual([]);
  });

  test('every family a row names is a datastore family, and its evidence ports lead to it', () => {
    const evidence = PORT_FACTS.filter((f) => f.evidence);
    expect(evidence.filter((f) => byPort(f.port) !== f.product.family).map((f) => `${f.port} ${f.product.family}`)).toEqual([]);
  });

  test('a port is well-known under one name only', () => {
    const names = new Map<number, Set<string>>();
    for (const f of PORT_FACTS) if (f.exposure) names.set(f.port, new Set([...(names.get(f.port) ?? []), `${f.what} ${f.exposure}`]));
    expect([...names].filter(([, n]) => n.size > 1)).toEqual([]);
  });

  test('one row, three readers: each sees the roles the row gives', () => {
    // Elasticsearch: 9200 in every role, 9300 an image default and well-known but no datastore evidence.
    expect(imageDefaultPorts('elasticsearch:8.15').map((p) => p.port)).toEqual([9200, 9300]);
    expect([byPort(9200), byPort(9300)]).toEqual(['elasticsearch', undefined]);
    expect([wellKnownPort(9200), wellKnownPort(9300)]).toEqual([
      { name: 'Elasticsearch/OpenSearch', kind: 'datastore' },
      { name: 'Elasticsearch transport', kind: 'datastore' },
    ]);
    // MySQL's X Protocol port: well-known only.
    expect(imageDefaultPorts('mysql:8').map((p) => p.port)).toEqual([3306]);
    expect([byPort(33060), wellKnownPort(33060)]).toEqual([undefined, { name: 'MySQL X Protocol', kind: 'datastore' }]);
    // ClickHouse's HTTP port: evidence, not well-known (Home Assistant uses 8123 too).
    expect([byPort(8123), wellKnownPort(8123)]).toEqual(['clickhouse', undefined]);
    // Administration without an image; the RabbitMQ console only with a -management tag.
    expect([byPort(2375), wellKnownPort(2375)]).toEqual([undefined, { name: 'the Docker API without TLS', kind: 'admin' }]);
    expect(wellKnownPort(15672)).toEqual({ name: 'the RabbitMQ management console', kind: 'admin' });
    expect(imageDefaultPorts('rabbitmq:3-management').map((p) => `${p.port} ${p.source}`)).toEqual([
      '5672 Docker Hub rabbitmq: EXPOSE 5672 (AMQP)',
      '15672 Docker Hub rabbitmq: the -management tags also serve the management UI on 15672',
    ]);
    // Two rows of one family (vector: Qdrant and Milvus).
    expect([byPort(6333), byPort(19530)]).toEqual(['vector', 'vector']);
  });
});
