import { familiarName, parseImageReference } from '../model/image';

/**
 * Ports widely used images listen on when the service states no port of its own: data, not logic.
 * A service on the host network binds these on the host, so two such services clash
 * (host-network-port-clash). Each entry names its source: the image's documentation on Docker Hub
 * or its Dockerfile's EXPOSE (the port the image's default configuration binds).
 *
 * `images` are repository paths as written after the registry's `docker.io/` and `library/` are
 * removed (`nginx`, `grafana/grafana`, `gcr.io/cadvisor/cadvisor`). Ports are TCP unless written
 * `N/udp`. An entry with `tag` applies only to tags matching it (rabbitmq's management plugin).
 */
export interface ImagePorts {
  images: string[];
  ports: (number | string)[];
  tag?: RegExp;
  source: string;
}

export const IMAGE_PORTS: readonly ImagePorts[] = [
  // Web servers and proxies
  { images: ['nginx', 'nginxinc/nginx'], ports: [80], source: 'Docker Hub nginx: the default server listens on 80 (EXPOSE 80)' },
  { images: ['httpd'], ports: [80], source: 'Docker Hub httpd: Listen 80 in the default httpd.conf (EXPOSE 80)' },
  { images: ['caddy'], ports: [80, 443], source: 'Docker Hub caddy: EXPOSE 80 443; automatic HTTPS binds 80 and 443' },
  { images: ['traefik'], ports: [80], source: 'Traefik docs, EntryPoints: without configured entryPoints Traefik listens on :80' },
  { images: ['haproxytech/haproxy-alpine', 'haproxytech/haproxy-debian', 'haproxytech/haproxy-ubuntu'], ports: [80], source: 'haproxytech images: the default haproxy.cfg binds 80' },
  { images: ['tomcat'], ports: [8080], source: 'Docker Hub tomcat: EXPOSE 8080' },
  { images: ['jenkins/jenkins'], ports: [8080, 50000], source: 'jenkins/jenkins: EXPOSE 8080 50000' },
  { images: ['wordpress', 'phpmyadmin', 'nextcloud'], ports: [80], source: 'Docker Hub wordpress/phpmyadmin/nextcloud (apache variants): EXPOSE 80' },
  { images: ['adminer'], ports: [8080], source: 'Docker Hub adminer: EXPOSE 8080' },
  // Datastores and brokers
  {
    images: ['postgres', 'postgis/postgis', 'timescale/timescaledb', 'pgvector/pgvector', 'bitnami/postgresql', 'pgautoupgrade/pgautoupgrade'],
    ports: [5432],
    source: 'Docker Hub postgres: EXPOSE 5432',
  },
  { images: ['mysql', 'mariadb', 'percona', 'bitnami/mysql', 'bitnami/mariadb', 'mysql/mysql-server'], ports: [3306], source: 'Docker Hub mysql/mariadb: EXPOSE 3306' },
  { images: ['mongo', 'bitnami/mongodb', 'mongodb/mongodb-community-server'], ports: [27017], source: 'Docker Hub mongo: EXPOSE 27017' },
  { images: ['redis', 'valkey/valkey', 'bitnami/redis', 'redis/redis-stack-server', 'eqalpha/keydb'], ports: [6379], source: 'Docker Hub redis/valkey: EXPOSE 6379' },
  { images: ['memcached', 'bitnami/memcached'], ports: [11211], source: 'Docker Hub memcached: EXPOSE 11211' },
  { images: ['rabbitmq', 'bitnami/rabbitmq'], ports: [5672], source: 'Docker Hub rabbitmq: EXPOSE 5672 (AMQP)' },
  { images: ['rabbitmq'], tag: /management/, ports: [15672], source: 'Docker Hub rabbitmq: the -management tags also serve the management UI on 15672' },
  {
    images: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch', 'bitnami/elasticsearch'],
    ports: [9200, 9300],
    source: 'Elastic docs, Install Elasticsearch with Docker: 9200 (HTTP) and 9300 (transport)',
  },
  { images: ['opensearchproject/opensearch'], ports: [9200, 9600], source: 'OpenSearch docs, Docker: 9200 (REST) and 9600 (performance analyzer)' },
  { images: ['zookeeper'], ports: [2181], source: 'Docker Hub zookeeper: EXPOSE 2181 2888 3888 8080 (clients on 2181)' },
  { images: ['nats'], ports: [4222], source: 'Docker Hub nats: EXPOSE 4222 (clients) 8222 6222' },
  { images: ['eclipse-mosquitto'], ports: [1883], source: 'Docker Hub eclipse-mosquitto: EXPOSE 1883' },
  { images: ['cassandra'], ports: [9042], source: 'Docker Hub cassandra: EXPOSE 9042 (CQL)' },
  { images: ['couchdb'], ports: [5984], source: 'Docker Hub couchdb: EXPOSE 5984' },
  { images: ['influxdb'], ports: [8086], source: 'Docker Hub influxdb: EXPOSE 8086' },
  { images: ['neo4j'], ports: [7474, 7687], source: 'Docker Hub neo4j: EXPOSE 7474 7473 7687' },
  { images: ['clickhouse/clickhouse-server'], ports: [8123, 9000], source: 'clickhouse/clickhouse-server: EXPOSE 9000 8123 9009' },
  // Monitoring and logging
  { images: ['prom/prometheus', 'quay.io/prometheus/prometheus', 'bitnami/prometheus'], ports: [9090], source: 'prom/prometheus: EXPOSE 9090 (--web.listen-address default :9090)' },
  { images: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise', 'bitnami/grafana'], ports: [3000], source: 'grafana/grafana: EXPOSE 3000 (http_port default 3000)' },
  { images: ['prom/node-exporter', 'quay.io/prometheus/node-exporter', 'bitnami/node-exporter'], ports: [9100], source: 'prom/node-exporter: EXPOSE 9100 (--web.listen-address default :9100)' },
  { images: ['gcr.io/cadvisor/cadvisor', 'google/cadvisor'], ports: [8080], source: 'cAdvisor docs, Running cAdvisor in a Docker container: port 8080' },
  { images: ['prom/alertmanager', 'quay.io/prometheus/alertmanager'], ports: [9093], source: 'prom/alertmanager: EXPOSE 9093' },
  { images: ['prom/pushgateway'], ports: [9091], source: 'prom/pushgateway: EXPOSE 9091' },
  { images: ['prom/blackbox-exporter'], ports: [9115], source: 'prom/blackbox-exporter: EXPOSE 9115' },
  { images: ['fluent/fluentd', 'fluentd'], ports: [24224, '24224/udp'], source: 'fluent/fluentd: EXPOSE 24224 5140 (forward input on 24224)' },
  { images: ['fluent/fluent-bit'], ports: [2020], source: 'Fluent Bit docs: the HTTP server listens on 2020' },
  { images: ['kibana', 'docker.elastic.co/kibana/kibana'], ports: [5601], source: 'Elastic docs, Install Kibana with Docker: 5601' },
  { images: ['grafana/loki'], ports: [3100], source: 'Grafana Loki docs: HTTP on 3100' },
  { images: ['grafana/promtail'], ports: [9080], source: 'Grafana docs, Promtail: HTTP on 9080' },
  { images: ['otel/opentelemetry-collector', 'otel/opentelemetry-collector-contrib'], ports: [4317, 4318], source: 'OpenTelemetry Collector docs: OTLP on 4317 (gRPC) and 4318 (HTTP)' },
  { images: ['jaegertracing/all-in-one'], ports: [16686], source: 'Jaeger docs, Getting started: UI on 16686' },
  // Other common services
  { images: ['registry'], ports: [5000], source: 'Docker Hub registry: EXPOSE 5000' },
  { images: ['portainer/portainer-ce', 'portainer/portainer-ee'], ports: [9000, 9443], source: 'Portainer docs: 9443 (HTTPS) and 9000 (HTTP)' },
  { images: ['minio/minio'], ports: [9000], source: 'MinIO docs: the S3 API on 9000' },
  { images: ['hashicorp/consul', 'consul'], ports: [8500], source: 'hashicorp/consul: EXPOSE 8500 (HTTP API)' },
  { images: ['hashicorp/vault', 'vault'], ports: [8200], source: 'hashicorp/vault: EXPOSE 8200' },
  { images: ['pihole/pihole'], ports: [53, '53/udp', 80], source: 'pihole/pihole docs: DNS on 53 (TCP and UDP) and the web UI on 80' },
  { images: ['homeassistant/home-assistant', 'ghcr.io/home-assistant/home-assistant'], ports: [8123], source: 'Home Assistant docs: the web UI on 8123' },
  { images: ['louislam/uptime-kuma'], ports: [3001], source: 'louislam/uptime-kuma: EXPOSE 3001' },
  { images: ['quay.io/keycloak/keycloak'], ports: [8080], source: 'Keycloak docs, Running in a container: 8080' },
];

/** A port the image listens on by default, with the source of that fact. */
export interface ImagePort {
  port: number;
  protocol: string;
  /** The repository path the table matched ("nginx"). */
  image: string;
  source: string;
}

/** Ports `image` listens on by default (empty for images not in the table). */
export function imageDefaultPorts(image: string): ImagePort[] {
  const ref = parseImageReference(image);
  const path = familiarName(ref);
  const tag = ref.tag;
  const out: ImagePort[] = [];
  for (const e of IMAGE_PORTS) {
    if (!e.images.includes(path) || (e.tag && !e.tag.test(tag))) continue;
    for (const p of e.ports) {
      const [port, protocol] = String(p).split('/');
      out.push({ port: Number(port), protocol: protocol ?? 'tcp', image: path, source: e.source });
    }
  }
  return out;
}
