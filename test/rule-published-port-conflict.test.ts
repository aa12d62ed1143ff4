import rule from '../rules/published-port-conflict';
import { ruleTester } from './rule-tester';
import { hostAddressesOverlap, quotedList } from '../rules/_ports';

const ALLOCATED = 'whichever container starts second fails with "port is already allocated"';

/** The message for a service publishing one host port in two entries (`where`: the earlier entry's file:line). */
const twice = (service: string, label: string, where: string, bind: string): string =>
  `host port ${label} is published twice by service "${service}" (also at ${where}; Compose keeps both entries): its container cannot bind ${label} twice, so Docker fails to start it ("Bind for ${bind} failed: port is already allocated"); drop one of the entries`;

/** The message for a `ports` entry of a service whose every network is internal. */
const internalOnly = (port: string, service: string, networks: string): string =>
  `port ${port} is never published: service "${service}" is only on internal ${networks}, and Docker maps no host port for a container without a network that is not internal; attach the service to a non-internal network as well, or drop the entry`;

ruleTester(rule, {
  valid: [
    {
      name: 'a service on an internal and a non-internal network publishes through the latter',
      code: 'services:\n  a:\n    image: x\n    ports: ["80:80"]\n    networks: [data, front]\nnetworks:\n  data: {internal: true}\n  front: {}\n',
    },
    {
      name: 'an external network is not known to be internal',
      code: 'services:\n  a:\n    image: x\n    ports: ["80:80"]\n    networks: [data]\nnetworks:\n  data: {external: true}\n',
    },
    {
      name: 'Swarm publishes through its ingress network whatever the service networks',
      code: 'services:\n  a:\n    image: x\n    ports: ["80:80"]\n    networks: [data]\n    deploy:\n      placement: {constraints: ["node.role == manager"]}\nnetworks:\n  data: {internal: true}\n',
    },
    {
      name: 'different host ports',
      code: 'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n  b:\n    image: x\n    ports: ["8081:80"]\n',
    },
    {
      name: 'tcp and udp on the same port',
      code: 'services:\n  a:\n    image: x\n    ports: ["53:53/tcp"]\n  b:\n    image: x\n    ports: ["53:53/udp"]\n',
    },
    {
      name: 'two loopback addresses',
      code: 'services:\n  a:\n    image: x\n    ports: ["127.0.0.1:80:80"]\n  b:\n    image: x\n    ports: ["127.0.0.2:80:80"]\n',
    },
    {
      name: 'every IPv4 address and every IPv6 address',
      code: 'services:\n  a:\n    image: x\n    ports: ["0.0.0.0:80:80"]\n  b:\n    image: x\n    ports: ["[::]:80:80"]\n',
    },
    {
      name: 'disjoint profiles',
      code: 'services:\n  a:\n    image: x\n    profiles: [cpu]\n    ports: ["80:80"]\n  b:\n    image: x\n    profiles: [gpu]\n    ports: ["80:80"]\n',
    },
    {
      name: 'ephemeral host ports and host ranges',
      code: 'services:\n  a:\n    image: x\n    ports: ["80", "9000-9005:80"]\n    deploy:\n      replicas: 3\n  b:\n    image: x\n    ports: ["80", "9003:80"]\n',
    },
    {
      name: 'a host port from an unset variable',
      code: 'services:\n  a:\n    image: x\n    ports: ["${A_PORT}:80"]\n  b:\n    image: x\n    ports: ["${B_PORT}:80"]\n',
    },
    {
      name: 'an unset host address is unknown too',
      code: 'services:\n  a:\n    image: x\n    ports: ["${A_IP}:80:80"]\n  b:\n    image: x\n    ports: ["127.0.0.1:80:80"]\n',
    },
    {
      name: 'host-network and container-mode services publish nothing',
      code: 'services:\n  a:\n    image: x\n    network_mode: host\n    ports: ["80:80"]\n  b:\n    image: x\n    ports: ["80:80"]\n  c:\n    image: x\n    network_mode: service:b\n    ports: ["80:80"]\n',
    },
    {
      name: 'a service scaled to zero',
      code: 'services:\n  a:\n    image: x\n    ports: ["80:80"]\n  b:\n    image: x\n    scale: 0\n    ports: ["80:80"]\n',
    },
  ],
  invalid: [
    {
      name: 'ports of a service only on internal networks: never published, so they take no host port from another service',
      code: 'services:\n  isolated:\n    image: example/isolated:1\n    ports: ["9000:9000", {target: 9001, published: 9001}]\n    networks: [data, cache]\n  web:\n    image: x\n    ports: ["9000:80"]\n  db:\n    image: postgres:16\n    networks: [data]\nnetworks:\n  data: {internal: true}\n  cache: {internal: true}\n',
      findings: [
        { line: 4, column: 13, severity: 'warning', service: 'isolated', message: internalOnly('"9000:9000"', 'isolated', 'networks data and cache') },
        { line: 4, column: 26, severity: 'warning', service: 'isolated', message: internalOnly('with target 9001', 'isolated', 'networks data and cache') },
      ],
    },
    {
      name: 'the implicit default network declared internal; an entry shared through an anchor is reported once',
      code: 'services:\n  a: &a\n    image: x\n    ports:\n      - "80:80"\n  b: *a\nnetworks:\n  default:\n    internal: true\n',
      findings: [{ line: 5, column: 9, severity: 'warning', service: 'a', message: internalOnly('"80:80"', 'a', 'network default') }],
    },
    {
      name: 'two services on one port: each is told about the other',
      code: 'services:\n  web:\n    image: x\n    ports:\n      - "8080:80"\n  api:\n    image: x\n    ports:\n      - 8080:3000\n',
      findings: [
        { line: 5, column: 9, severity: 'error', service: 'web', message: `host port 8080/tcp is also published by service "api": ${ALLOCATED}` },
        { line: 9, column: 9, severity: 'error', service: 'api', message: `host port 8080/tcp is also published by service "web": ${ALLOCATED}` },
      ],
    },
    {
      name: 'an entry several services get through extends or an anchor: one finding at it, naming them all and the others',
      code: 'services:\n  server:\n    image: x\n    ports: ["10051:10051"]\n  server-mysql:\n    extends: {service: server}\n  server-pgsql:\n    extends: server\n  web: &web\n    image: x\n    ports: ["8080:80"]\n  web-2: *web\n  proxy:\n    image: x\n    ports: ["8080:8080"]\n',
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'error',
          service: 'server',
          message: `host port 10051/tcp is published by services "server", "server-mysql" and "server-pgsql", which all get this entry (through \`extends\` or a YAML anchor): ${ALLOCATED}`,
        },
        {
          line: 11,
          column: 13,
          severity: 'error',
          service: 'web',
          message: `host port 8080/tcp is published by services "web" and "web-2", which all get this entry (through \`extends\` or a YAML anchor), and also by service "proxy": ${ALLOCATED}`,
        },
        { line: 15, column: 13, severity: 'error', service: 'proxy', message: `host port 8080/tcp is also published by services "web" and "web-2": ${ALLOCATED}` },
      ],
    },
    {
      name: 'every address overlaps one address; three services in one message',
      code: 'services:\n  a:\n    image: x\n    ports: ["127.0.0.1:5432:5432"]\n  b:\n    image: x\n    ports: ["5432:5432"]\n  c:\n    image: x\n    ports: ["0.0.0.0:5432:5433"]\n',
      findings: [
        { line: 4, column: 13, severity: 'error', service: 'a', message: `host port 127.0.0.1:5432/tcp is also published by services "b" and "c": ${ALLOCATED}` },
        { line: 7, column: 13, severity: 'error', service: 'b', message: `host port 5432/tcp is also published by services "a" and "c": ${ALLOCATED}` },
        { line: 10, column: 13, severity: 'error', service: 'c', message: `host port 0.0.0.0:5432/tcp is also published by services "a" and "b": ${ALLOCATED}` },
      ],
    },
    {
      name: 'IPv6: no address overlaps ::1, and equal addresses in other spellings clash',
      code: 'services:\n  a:\n    image: x\n    ports: ["[::1]:80:80"]\n  b:\n    image: x\n    ports: ["80:80"]\n  c:\n    image: x\n    ports:\n      - target: 80\n        published: "81"\n        host_ip: "0:0:0:0:0:0:0:1"\n  d:\n    image: x\n    ports: ["[::0:1]:81:80"]\n',
      findings: [
        { line: 4, column: 13, severity: 'error', service: 'a', message: `host port [::1]:80/tcp is also published by service "b": ${ALLOCATED}` },
        { line: 7, column: 13, severity: 'error', service: 'b', message: `host port 80/tcp is also published by service "a": ${ALLOCATED}` },
        { line: 11, column: 9, severity: 'error', service: 'c', message: `host port [0:0:0:0:0:0:0:1]:81/tcp is also published by service "d": ${ALLOCATED}` },
        { line: 16, column: 13, severity: 'error', service: 'd', message: `host port [::0:1]:81/tcp is also published by service "c": ${ALLOCATED}` },
      ],
    },
    {
      name: 'overlapping ranges name the shared ports',
      code: 'services:\n  a:\n    image: x\n    ports: ["10000-10010:10000-10010/udp"]\n  b:\n    image: x\n    ports: ["10008-10012:10008-10012/udp"]\n',
      findings: [
        { line: 4, column: 13, severity: 'error', service: 'a', message: `host ports 10008-10010/udp are also published by service "b": ${ALLOCATED}` },
        { line: 7, column: 13, severity: 'error', service: 'b', message: `host ports 10008-10010/udp are also published by service "a": ${ALLOCATED}` },
      ],
    },
    {
      name: 'one service publishing a port twice',
      code: 'services:\n  a:\n    image: x\n    ports:\n      - "80:80"\n      - "80:8080"\n',
      findings: [{ line: 6, column: 9, severity: 'error', service: 'a', message: twice('a', '80/tcp', 'compose.yaml:5', '0.0.0.0:80') }],
    },
    {
      name: 'a fixed host port with replicas or scale',
      code: 'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n    deploy:\n      replicas: 3\n  b:\n    image: x\n    scale: 2\n    ports: ["127.0.0.1:9000-9001:9000-9001"]\n',
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'error',
          service: 'a',
          message: 'host port 8080/tcp is fixed, but the service runs 3 replicas: only one of them can bind it (leave out the host port, or publish a host range with a port per replica)',
        },
        {
          line: 10,
          column: 13,
          severity: 'error',
          service: 'b',
          message:
            'host port 127.0.0.1:9000-9001/tcp is fixed, but the service runs 2 replicas: only one of them can bind it (leave out the host port, or publish a host range with a port per replica)',
        },
      ],
    },
    {
      name: 'replicas in a project written for Swarm: a warning that says why',
      code: 'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n    deploy:\n      replicas: 2\n      update_config:\n        parallelism: 1\n',
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'warning',
          service: 'a',
          message:
            'host port 8080/tcp is fixed, but the service runs 2 replicas: Docker Compose can start only one of them ("port is already allocated"); Swarm\'s routing mesh would share the port, and this project looks written for Swarm (`deploy.update_config` in service "a")',
        },
      ],
    },
    {
      name: 'a profile service clashes with an always-on one even while its profile is off; shared profiles clash',
      code: 'services:\n  web:\n    image: x\n    ports: ["80:80"]\n  debug:\n    image: x\n    profiles: [debug]\n    ports: ["80:8080"]\n  a:\n    image: x\n    profiles: [one, two]\n    ports: ["90:90"]\n  b:\n    image: x\n    profiles: [two]\n    ports: ["90:90"]\n',
      findings: [
        { line: 4, column: 13, severity: 'error', service: 'web', message: `host port 80/tcp is also published by service "debug": ${ALLOCATED}` },
        { line: 8, column: 13, severity: 'error', service: 'debug', message: `host port 80/tcp is also published by service "web": ${ALLOCATED}` },
        { line: 12, column: 13, severity: 'error', service: 'a', message: `host port 90/tcp is also published by service "b": ${ALLOCATED}` },
        { line: 16, column: 13, severity: 'error', service: 'b', message: `host port 90/tcp is also published by service "a": ${ALLOCATED}` },
      ],
    },
    {
      name: 'variables that are set or defaulted are known',
      code: 'services:\n  a:\n    image: x\n    ports: ["${PORT}:80"]\n  b:\n    image: x\n    ports: ["${OTHER:-8080}:80"]\n',
      env: { PORT: '8080' },
      findings: [
        { line: 4, column: 13, severity: 'error', service: 'a', message: `host port 8080/tcp is also published by service "b": ${ALLOCATED}` },
        { line: 7, column: 13, severity: 'error', service: 'b', message: `host port 8080/tcp is also published by service "a": ${ALLOCATED}` },
      ],
    },
    {
      name: 'an override file adds the clashing port: reported in the file it came from',
      code: {
        'compose.yaml': 'services:\n  a:\n    image: x\n    ports: ["80:80"]\n  b:\n    image: x\n',
        'compose.override.yaml': 'services:\n  b:\n    ports:\n      - "80:81"\n',
      },
      findings: [
        { file: 'compose.override.yaml', line: 4, column: 9, severity: 'error', service: 'b', message: `host port 80/tcp is also published by service "a": ${ALLOCATED}` },
        { line: 4, column: 13, severity: 'error', service: 'a', message: `host port 80/tcp is also published by service "b": ${ALLOCATED}` },
      ],
    },
    {
      // The newcomer trial's case: one service, one container, so not "whichever starts second".
      name: 'an override file publishes the same host port again for the same service: one finding, at the later entry, naming the first',
      code: {
        'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n',
        'compose.override.yaml': 'services:\n  web:\n    ports:\n      - "8080:8080"\n',
      },
      findings: [{ file: 'compose.override.yaml', line: 4, column: 9, severity: 'error', service: 'web', message: twice('web', '8080/tcp', 'compose.yaml:5', '0.0.0.0:8080') }],
    },
    {
      name: 'a port published twice by one service and also by another: each problem in its own words',
      code: 'services:\n  a:\n    image: x\n    ports:\n      - "127.0.0.1:9000-9001:9000-9001"\n      - "9001:80"\n  b:\n    image: x\n    ports: ["127.0.0.1:9000:9000"]\n',
      findings: [
        { line: 5, column: 9, severity: 'error', service: 'a', message: `host ports 127.0.0.1:9000-9001/tcp are also published by service "b": ${ALLOCATED}` },
        { line: 6, column: 9, severity: 'error', service: 'a', message: twice('a', '9001/tcp', 'compose.yaml:5', '127.0.0.1:9001') },
        { line: 9, column: 13, severity: 'error', service: 'b', message: `host port 127.0.0.1:9000/tcp is also published by service "a": ${ALLOCATED}` },
      ],
    },
    {
      name: 'a twice-published port in an entry two services share (an anchor): one finding at the place',
      code: 'x-ports: &ports\n  - "53:53/udp"\n  - "127.0.0.1:53:5353/udp"\nservices:\n  a:\n    image: x\n    ports: *ports\n    profiles: [one]\n  b:\n    image: x\n    ports: *ports\n    profiles: [two]\n',
      findings: [{ line: 3, column: 5, severity: 'error', service: 'a', message: twice('a', '127.0.0.1:53/udp', 'compose.yaml:2', '127.0.0.1:53') }],
    },
    {
      name: 'different addresses and protocols in one service do not clash',
      code: 'services:\n  a:\n    image: x\n    ports: ["127.0.0.1:80:80", "127.0.0.2:80:80", "80:80/udp"]\n',
      findings: [],
    },
  ],
});

describe('host address overlap', () => {
  test.each([
    ['', '', true],
    ['', '127.0.0.1', true],
    ['', '::1', true],
    ['0.0.0.0', '10.0.0.1', true],
    ['0.0.0.0', '::', false],
    ['0.0.0.0', '::1', false],
    ['::', '::1', true],
    ['::', '127.0.0.1', false],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['::1', '0:0:0:0:0:0:0:1', true],
    ['fe80::1', 'FE80:0::1', true],
    ['::ffff:10.0.0.1', '::ffff:a00:1', true],
    ['::1', '::2', false],
    ['fe80::1%eth0', 'fe80::1', true],
    // Text that is no address (Compose refuses such a host_ip) is compared as written: before util/ip.ts's
    // addressValue replaced the rule's own IPv6 expansion, any two such texts could meet ("NaN").
    ['localhost', 'localhost', true],
    ['localhost', 'nowhere', false],
    ['f', 'foo', false],
  ])('%j and %j: %s', (a, b, overlap) => {
    expect(hostAddressesOverlap(a, b)).toBe(overlap);
    expect(hostAddressesOverlap(b, a)).toBe(overlap);
  });
});

test('long lists of services are cut after three names', () => {
  expect(quotedList(['a'])).toBe('"a"');
  expect(quotedList(['a', 'b', 'c', 'd'])).toBe('"a", "b", "c" and "d"');
  expect(quotedList(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('"a", "b", "c" and 3 others');
});
