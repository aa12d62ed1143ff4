import rule from '../rules/port-all-interfaces';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'loopback, one LAN address, web ports, a git server SSH, host network',
      code: lines(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    ports:',
        '      - "127.0.0.1:5432:5432"',
        '      - "[::1]:5433:5432"',
        '      - "192.168.10.5:5434:5432"',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["80:80", "443:443"]',
        '  gitea:',
        '    image: gitea/gitea:1.22',
        '    ports: ["2222:22"]',
      ),
    },
    {
      name: 'a datastore only on an internal network: Docker publishes none of its ports (published-port-conflict says so)',
      code: lines('services:', '  db:', '    image: postgres:16.4', '    ports: ["5432:5432"]', '    networks: [data]', 'networks:', '  data: {internal: true}'),
    },
    {
      name: 'a built app the graph calls a datastore only by its environment or name is not the engine itself',
      code: lines('services:', '  backend:', '    build: backend', '    environment:', '      POSTGRES_DB: app', '    ports: ["8080:8080"]', '  db:', '    build: db', '    ports: ["8081:8081"]'),
    },
  ],
  invalid: [
    {
      name: 'a datastore on an internal and a non-internal network: published through the latter',
      code: lines('services:', '  db:', '    image: postgres:16.4', '    ports: ["5432:5432"]', '    networks: [data, front]', 'networks:', '  data: {internal: true}', '  front: {}'),
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'warning',
          service: 'db',
          message:
            "PostgreSQL (container port 5432) is published on 0.0.0.0:5432, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:5432:5432` if only the host needs it, or drop the port if only other containers do",
        },
      ],
    },
    {
      name: 'datastores by port and by image, Docker API, consoles, ephemeral ports',
      code: lines(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    ports:',
        '      - "5432:5432"',
        '  cache:',
        '    image: redis:7.4',
        '    ports:',
        '      - "6379"',
        '  search:',
        '    image: example/my-search:1.0',
        '    ports:',
        '      - "0.0.0.0:19200:9200"',
        '  mongo:',
        '    image: mongo:7.0',
        '    ports:',
        '      - "[::]:27018:27017"',
        '  dind:',
        '    image: docker:27-dind',
        '    ports:',
        '      - "2375:2375"',
        '  adminer:',
        '    image: adminer:4.8.1',
        '    ports:',
        '      - target: 8080',
        '        published: "8081"',
        '  kv:',
        '    image: valkey/valkey:8.0',
        '    ports:',
        '      - "7000-7001:6379-6380/udp"',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'db',
          message:
            "PostgreSQL (container port 5432) is published on 0.0.0.0:5432, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:5432:5432` if only the host needs it, or drop the port if only other containers do",
        },
        {
          line: 9,
          column: 9,
          severity: 'warning',
          service: 'cache',
          message:
            "Redis (container port 6379) is published on 0.0.0.0 (an ephemeral port for 6379), every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1::6379` if only the host needs it, or drop the port if only other containers do",
        },
        {
          line: 13,
          column: 9,
          severity: 'warning',
          service: 'search',
          message:
            "Elasticsearch/OpenSearch (container port 9200) is published on 0.0.0.0:19200, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:19200:9200` if only the host needs it, or drop the port if only other containers do",
        },
        {
          line: 17,
          column: 9,
          severity: 'warning',
          service: 'mongo',
          message:
            "MongoDB (container port 27017) is published on [::]:27018, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:27018:27017` if only the host needs it, or drop the port if only other containers do",
        },
        {
          line: 21,
          column: 9,
          severity: 'error',
          service: 'dind',
          message:
            "the Docker API without TLS (container port 2375) is published on 0.0.0.0:2375, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:2375:2375` if only the host needs it, or drop the port if only other containers do",
        },
        {
          line: 25,
          column: 9,
          severity: 'warning',
          service: 'adminer',
          message:
            "the Adminer database console is published on 0.0.0.0:8081, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; add `host_ip: 127.0.0.1` to the entry if only the host needs it, or drop the port if only other containers do",
        },
        {
          line: 30,
          column: 9,
          severity: 'warning',
          service: 'kv',
          message:
            "Redis (container port 6379) is published on 0.0.0.0:7000, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:7000-7001:6379-6380/udp` if only the host needs it, or drop the port if only other containers do",
        },
      ],
    },
    {
      name: 'an image whose tag variable is unset is named without the empty tag',
      code: lines('services:', '  kafka:', '    image: quay.io/debezium/kafka:${DEBEZIUM_VERSION}', '    ports: ["9093:9093"]'),
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'warning',
          service: 'kafka',
          message:
            "the datastore quay.io/debezium/kafka (container port 9093) is published on 0.0.0.0:9093, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:9093:9093` if only the host needs it, or drop the port if only other containers do",
        },
      ],
    },
    {
      name: 'a service the config lists under `datastores`',
      settings: { datastores: ['store'] },
      code: lines('services:', '  store:', '    build: store', '    ports: ["7070:7070"]'),
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'warning',
          service: 'store',
          message:
            "the datastore store (container port 7070) is published on 0.0.0.0:7070, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; publish it as `127.0.0.1:7070:7070` if only the host needs it, or drop the port if only other containers do",
        },
      ],
    },
  ],
});
