/**
 * What listens on which port: one table, data not logic, read by three modules.
 *   - image-ports.ts: the ports an image opens when the service states none of its own (a service
 *     on the host network binds them on the host: host-network-port-clash);
 *   - datastores.ts: a service listening on a datastore's port is taken for that datastore
 *     (evidence 3 there);
 *   - well-known-ports.ts: datastore and administration ports that should not face every network
 *     (port-all-interfaces), with the name messages use.
 *
 * A row is a product; each port of it plays every role the row gives unless the port says
 * otherwise: `images` make its ports image defaults, `family` makes them datastore evidence,
 * `exposure` makes them well-known. Each row names its source: the image's documentation on Docker
 * Hub or its Dockerfile's EXPOSE (the port the image's default configuration binds), the vendor's
 * documentation, or the IANA service name (postgresql 5432, mysql 3306, ms-sql-s 1433, ssh 22,
 * telnet 23, docker 2375, docker-s 2376, rfb 5900, ms-wbt-server 3389, etcd-client 2379).
 */

/** One port of a product, with the roles in which it differs from its row. */
export interface PortFact {
  port: number;
  /** `udp`; TCP when absent. */
  protocol?: 'udp';
  /** What listens there, for messages; the row's `name` when absent. */
  what?: string;
  /** The row's images open it by default; true when absent (and the row lists images). */
  byDefault?: boolean;
  /** Evidence of the row's datastore family; true when absent (and the row names a family). */
  evidence?: boolean;
  /** Overrides the row's `exposure`; null: not a well-known port. */
  exposure?: 'datastore' | 'admin' | null;
}

export interface Product {
  /** What listens, for messages: "PostgreSQL", "the Docker API without TLS". */
  name: string;
  /** Repository paths as Docker prints them for short (familiarName: `nginx`, `grafana/grafana`, `gcr.io/cadvisor/cadvisor`). */
  images?: readonly string[];
  /** The images open the ports only with a tag matching this (rabbitmq's management plugin). */
  tag?: RegExp;
  /** The datastore family (datastores.ts) a service listening on these ports is taken for. */
  family?: string;
  /** A datastore's protocol port or an administration port: should not be published on every interface. */
  exposure?: 'datastore' | 'admin';
  ports: readonly (number | PortFact)[];
  source: string;
}

export const PRODUCTS: readonly Product[] = [
  // Web servers and proxies
  { name: 'nginx', images: ['nginx', 'nginxinc/nginx'], ports: [80], source: 'Docker Hub nginx: the default server listens on 80 (EXPOSE 80)' },
  { name: 'Apache httpd', images: ['httpd'], ports: [80], source: 'Docker Hub httpd: Listen 80 in the default httpd.conf (EXPOSE 80)' },
  { name: 'Caddy', images: ['caddy'], ports: [80, 443], source: 'Docker Hub caddy: EXPOSE 80 443; automatic HTTPS binds 80 and 443' },
  { name: 'Traefik', images: ['traefik'], ports: [80], source: 'Traefik docs, EntryPoints: without configured entryPoints Traefik listens on :80' },
  { name: 'HAProxy', images: ['haproxytech/haproxy-alpine', 'haproxytech/haproxy-debian', 'haproxytech/haproxy-ubuntu'], ports: [80], source: 'haproxytech images: the default haproxy.cfg binds 80' },
  { name: 'Tomcat', images: ['tomcat'], ports: [8080], source: 'Docker Hub tomcat: EXPOSE 8080' },
  { name: 'Jenkins', images: ['jenkins/jenkins'], ports: [8080, 50000], source: 'jenkins/jenkins: EXPOSE 8080 50000' },
  { name: 'WordPress, phpMyAdmin, Nextcloud', images: ['wordpress', 'phpmyadmin', 'nextcloud'], ports: [80], source: 'Docker Hub wordpress/phpmyadmin/nextcloud (apache variants): EXPOSE 80' },
  { name: 'Adminer', images: ['adminer'], ports: [8080], source: 'Docker Hub adminer: EXPOSE 8080' },
  // Datastores and brokers
  {
    name: 'PostgreSQL',
    images: ['postgres', 'postgis/postgis', 'timescale/timescaledb', 'pgvector/pgvector', 'bitnami/postgresql', 'pgautoupgrade/pgautoupgrade'],
    family: 'postgres',
    exposure: 'datastore',
    ports: [5432],
    source: 'Docker Hub postgres: EXPOSE 5432',
  },
  {
    name: 'MySQL/MariaDB',
    images: ['mysql', 'mariadb', 'percona', 'bitnami/mysql', 'bitnami/mariadb', 'mysql/mysql-server'],
    family: 'mysql',
    exposure: 'datastore',
    ports: [3306, { port: 33060, what: 'MySQL X Protocol', byDefault: false, evidence: false }],
    source: 'Docker Hub mysql/mariadb: EXPOSE 3306; MySQL docs: the X Protocol on 33060',
  },
  { name: 'SQL Server', family: 'mssql', exposure: 'datastore', ports: [1433], source: 'IANA ms-sql-s 1433' },
  { name: 'Oracle Database', exposure: 'datastore', ports: [1521], source: "Oracle docs: the listener's default port 1521" },
  {
    name: 'MongoDB',
    images: ['mongo', 'bitnami/mongodb', 'mongodb/mongodb-community-server'],
    family: 'mongo',
    exposure: 'datastore',
    ports: [27017, { port: 27018, what: 'MongoDB (shard)', byDefault: false, evidence: false }, { port: 27019, what: 'MongoDB (config server)', byDefault: false, evidence: false }],
    source: 'Docker Hub mongo: EXPOSE 27017; MongoDB docs, Default MongoDB Port: 27018 shards, 27019 config servers',
  },
  {
    name: 'Redis',
    images: ['redis', 'valkey/valkey', 'bitnami/redis', 'redis/redis-stack-server', 'eqalpha/keydb'],
    family: 'redis',
    exposure: 'datastore',
    ports: [6379],
    source: 'Docker Hub redis/valkey: EXPOSE 6379',
  },
  { name: 'Memcached', images: ['memcached', 'bitnami/memcached'], family: 'memcached', exposure: 'datastore', ports: [11211], source: 'Docker Hub memcached: EXPOSE 11211' },
  {
    name: 'RabbitMQ',
    images: ['rabbitmq', 'bitnami/rabbitmq'],
    family: 'rabbitmq',
    exposure: 'datastore',
    ports: [{ port: 5672, what: 'RabbitMQ (AMQP)' }],
    source: 'Docker Hub rabbitmq: EXPOSE 5672 (AMQP)',
  },
  {
    name: 'the RabbitMQ management console',
    images: ['rabbitmq'],
    tag: /management/,
    exposure: 'admin',
    ports: [15672],
    source: 'Docker Hub rabbitmq: the -management tags also serve the management UI on 15672',
  },
  {
    name: 'Elasticsearch',
    images: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch', 'bitnami/elasticsearch'],
    family: 'elasticsearch',
    exposure: 'datastore',
    ports: [
      { port: 9200, what: 'Elasticsearch/OpenSearch' },
      { port: 9300, what: 'Elasticsearch transport', evidence: false },
    ],
    source: 'Elastic docs, Install Elasticsearch with Docker: 9200 (HTTP) and 9300 (transport)',
  },
  // 9200 is a well-known port and evidence through the Elasticsearch row.
  { name: 'OpenSearch', images: ['opensearchproject/opensearch'], ports: [9200, 9600], source: 'OpenSearch docs, Docker: 9200 (REST) and 9600 (performance analyzer)' },
  { name: 'ZooKeeper', images: ['zookeeper'], family: 'zookeeper', exposure: 'datastore', ports: [2181], source: 'Docker Hub zookeeper: EXPOSE 2181 2888 3888 8080 (clients on 2181)' },
  { name: 'NATS', images: ['nats'], family: 'nats', ports: [4222], source: 'Docker Hub nats: EXPOSE 4222 (clients) 8222 6222' },
  { name: 'Mosquitto', images: ['eclipse-mosquitto'], ports: [1883], source: 'Docker Hub eclipse-mosquitto: EXPOSE 1883' },
  { name: 'Cassandra', images: ['cassandra'], family: 'cassandra', exposure: 'datastore', ports: [9042], source: 'Docker Hub cassandra: EXPOSE 9042 (CQL)' },
  { name: 'CouchDB', images: ['couchdb'], family: 'couchdb', exposure: 'datastore', ports: [5984], source: 'Docker Hub couchdb: EXPOSE 5984' },
  { name: 'InfluxDB', images: ['influxdb'], family: 'influxdb', exposure: 'datastore', ports: [8086], source: 'Docker Hub influxdb: EXPOSE 8086' },
  {
    name: 'Neo4j',
    images: ['neo4j'],
    family: 'neo4j',
    exposure: 'datastore',
    ports: [
      { port: 7474, evidence: false, exposure: null },
      { port: 7687, what: 'Neo4j Bolt' },
    ],
    source: 'Docker Hub neo4j: EXPOSE 7474 7473 7687',
  },
  { name: 'ClickHouse', images: ['clickhouse/clickhouse-server'], family: 'clickhouse', ports: [8123, { port: 9000, evidence: false }], source: 'clickhouse/clickhouse-server: EXPOSE 9000 8123 9009' },
  { name: 'RethinkDB', family: 'rethinkdb', exposure: 'datastore', ports: [28015], source: 'RethinkDB docs: client driver connections on 28015' },
  { name: 'ArangoDB', family: 'arangodb', exposure: 'datastore', ports: [8529], source: 'ArangoDB docs: the server listens on 8529' },
  { name: 'QuestDB', family: 'questdb', ports: [8812], source: 'QuestDB docs: the PostgreSQL wire protocol on 8812' },
  { name: 'CockroachDB', exposure: 'datastore', ports: [26257], source: 'CockroachDB docs: SQL and inter-node traffic on 26257' },
  { name: 'Qdrant', family: 'vector', exposure: 'datastore', ports: [6333], source: 'Qdrant docs: the HTTP API on 6333' },
  { name: 'Milvus', family: 'vector', exposure: 'datastore', ports: [19530], source: 'Milvus docs: gRPC on 19530' },
  { name: 'Kafka', family: 'kafka', exposure: 'datastore', ports: [9092], source: 'Apache Kafka docs: the default listener on 9092' },
  // Monitoring and logging
  {
    name: 'Prometheus',
    images: ['prom/prometheus', 'quay.io/prometheus/prometheus', 'bitnami/prometheus'],
    ports: [9090],
    source: 'prom/prometheus: EXPOSE 9090 (--web.listen-address default :9090)',
  },
  {
    name: 'Grafana',
    images: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise', 'bitnami/grafana'],
    ports: [3000],
    source: 'grafana/grafana: EXPOSE 3000 (http_port default 3000)',
  },
  {
    name: 'node exporter',
    images: ['prom/node-exporter', 'quay.io/prometheus/node-exporter', 'bitnami/node-exporter'],
    ports: [9100],
    source: 'prom/node-exporter: EXPOSE 9100 (--web.listen-address default :9100)',
  },
  { name: 'cAdvisor', images: ['gcr.io/cadvisor/cadvisor', 'google/cadvisor'], ports: [8080], source: 'cAdvisor docs, Running cAdvisor in a Docker container: port 8080' },
  { name: 'Alertmanager', images: ['prom/alertmanager', 'quay.io/prometheus/alertmanager'], ports: [9093], source: 'prom/alertmanager: EXPOSE 9093' },
  { name: 'Pushgateway', images: ['prom/pushgateway'], ports: [9091], source: 'prom/pushgateway: EXPOSE 9091' },
  { name: 'blackbox exporter', images: ['prom/blackbox-exporter'], ports: [9115], source: 'prom/blackbox-exporter: EXPOSE 9115' },
  { name: 'Fluentd', images: ['fluent/fluentd', 'fluentd'], ports: [24224, { port: 24224, protocol: 'udp' }], source: 'fluent/fluentd: EXPOSE 24224 5140 (forward input on 24224)' },
  { name: 'Fluent Bit', images: ['fluent/fluent-bit'], ports: [2020], source: 'Fluent Bit docs: the HTTP server listens on 2020' },
  { name: 'Kibana', images: ['kibana', 'docker.elastic.co/kibana/kibana'], ports: [5601], source: 'Elastic docs, Install Kibana with Docker: 5601' },
  { name: 'Loki', images: ['grafana/loki'], ports: [3100], source: 'Grafana Loki docs: HTTP on 3100' },
  { name: 'Promtail', images: ['grafana/promtail'], ports: [9080], source: 'Grafana docs, Promtail: HTTP on 9080' },
  {
    name: 'OpenTelemetry Collector',
    images: ['otel/opentelemetry-collector', 'otel/opentelemetry-collector-contrib'],
    ports: [4317, 4318],
    source: 'OpenTelemetry Collector docs: OTLP on 4317 (gRPC) and 4318 (HTTP)',
  },
  { name: 'Jaeger', images: ['jaegertracing/all-in-one'], ports: [16686], source: 'Jaeger docs, Getting started: UI on 16686' },
  // Other common services
  { name: 'the Docker registry', images: ['registry'], ports: [5000], source: 'Docker Hub registry: EXPOSE 5000' },
  { name: 'Portainer', images: ['portainer/portainer-ce', 'portainer/portainer-ee'], ports: [9000, 9443], source: 'Portainer docs: 9443 (HTTPS) and 9000 (HTTP)' },
  { name: 'MinIO', images: ['minio/minio'], ports: [9000], source: 'MinIO docs: the S3 API on 9000' },
  { name: 'the Consul HTTP API', images: ['hashicorp/consul', 'consul'], exposure: 'admin', ports: [8500], source: 'hashicorp/consul: EXPOSE 8500 (HTTP API)' },
  { name: 'Vault', images: ['hashicorp/vault', 'vault'], ports: [8200], source: 'hashicorp/vault: EXPOSE 8200' },
  { name: 'Pi-hole', images: ['pihole/pihole'], ports: [53, { port: 53, protocol: 'udp' }, 80], source: 'pihole/pihole docs: DNS on 53 (TCP and UDP) and the web UI on 80' },
  { name: 'Home Assistant', images: ['homeassistant/home-assistant', 'ghcr.io/home-assistant/home-assistant'], ports: [8123], source: 'Home Assistant docs: the web UI on 8123' },
  { name: 'Uptime Kuma', images: ['louislam/uptime-kuma'], ports: [3001], source: 'louislam/uptime-kuma: EXPOSE 3001' },
  { name: 'Keycloak', images: ['quay.io/keycloak/keycloak'], ports: [8080], source: 'Keycloak docs, Running in a container: 8080' },
  // Remote administration
  { name: 'SSH', exposure: 'admin', ports: [22], source: 'IANA ssh 22' },
  { name: 'Telnet', exposure: 'admin', ports: [23], source: 'IANA telnet 23' },
  { name: 'the Docker API without TLS', exposure: 'admin', ports: [2375], source: 'IANA docker 2375; Docker docs, dockerd: -H tcp://0.0.0.0:2375' },
  { name: 'the Docker API', exposure: 'admin', ports: [2376], source: 'IANA docker-s 2376' },
  { name: 'Docker Swarm management', exposure: 'admin', ports: [2377], source: 'Docker docs, swarm: cluster management on 2377' },
  { name: 'etcd', exposure: 'admin', ports: [2379, { port: 2380, what: 'etcd peer traffic' }], source: 'IANA etcd-client 2379, etcd-server 2380' },
  { name: 'the kubelet API', exposure: 'admin', ports: [10250], source: 'Kubernetes docs, Ports and Protocols: kubelet API 10250' },
  { name: 'VNC', exposure: 'admin', ports: [5900], source: 'IANA rfb 5900' },
  { name: 'RDP', exposure: 'admin', ports: [3389], source: 'IANA ms-wbt-server 3389' },
];

/** A port fact with every role settled from its row. */
export interface ResolvedPort {
  port: number;
  protocol: 'tcp' | 'udp';
  what: string;
  byDefault: boolean;
  evidence: boolean;
  exposure?: 'datastore' | 'admin';
  product: Product;
}

/** Every port of every row, roles settled (see PortFact), in table order. */
export const PORT_FACTS: readonly ResolvedPort[] = PRODUCTS.flatMap((product) =>
  product.ports.map((p): ResolvedPort => {
    const fact: PortFact = typeof p === 'number' ? { port: p } : p;
    const exposure = fact.exposure === undefined ? product.exposure : (fact.exposure ?? undefined);
    return {
      port: fact.port,
      protocol: fact.protocol ?? 'tcp',
      what: fact.what ?? product.name,
      byDefault: product.images !== undefined && fact.byDefault !== false,
      evidence: product.family !== undefined && fact.evidence !== false,
      ...(exposure ? { exposure } : {}),
      product,
    };
  }),
);
