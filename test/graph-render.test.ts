import { graphOf } from './graph-helpers';
import { graphView, portLabel } from '../src/graph/render/view';
import { renderMermaid } from '../src/graph/render/mermaid';
import { renderDot } from '../src/graph/render/dot';

const view = graphView(
  graphOf(
    [
      'services:',
      '  web:',
      '    image: nginx:1.25',
      '    ports: ["[::1]:8443:443", "127.0.0.1:80:80/udp", "9000"]',
      '    depends_on: [api, ghost]',
      '    environment:',
      '      API_URL: http://api:8080',
      '      DB_HOST: db',
      '    networks: [front]',
      '  api:',
      '    image: example/api:1',
      '    environment:',
      '      DATABASE_URL: postgres://db:5432/app',
      '      CACHE: cache:6379',
      '    networks: [front, back]',
      '  db:',
      '    image: postgres:16',
      '    networks: [back]',
      '  envoy:',
      '    image: envoy',
      '    network_mode: service:api',
      '    command: ["--upstream", "http://db:5432"]',
      '  agent:',
      '    image: datadog/agent:7',
      '    network_mode: host',
      'networks:',
      '  front:',
      '    external: true',
      '  back:',
      '    internal: true',
      '    driver: overlay',
      '',
    ].join('\n'),
  ),
  'shop',
);

test('view: services, networks and edges (resolved, to a service on another network, to an unknown name)', () => {
  expect(view.edges).toEqual([
    { from: 'web', to: 'api', kinds: ['depends_on', 'environment'], via: ['api'], resolved: true },
    { from: 'web', to: 'ghost', kinds: ['depends_on'], via: ['ghost'], resolved: false },
    { from: 'web', to: 'db', kinds: ['environment'], via: ['db'], resolved: false },
    { from: 'api', to: 'db', kinds: ['environment'], via: ['db'], resolved: true },
    { from: 'api', to: 'cache', kinds: ['environment'], via: ['cache'], resolved: false },
    { from: 'envoy', to: 'api', kinds: ['network_mode'], via: ['api'], resolved: true },
    { from: 'envoy', to: 'db', kinds: ['command'], via: ['db'], resolved: true },
  ]);
  expect(view.services.map((s) => [s.name, s.namespace, s.datastore, s.listening])).toEqual([
    ['web', 'own', false, ['443/tcp', '80/udp', '9000/tcp']],
    ['api', 'own', false, []],
    ['db', 'own', true, ['5432/tcp']],
    ['envoy', 'service:api', false, []],
    ['agent', 'host', false, []],
  ]);
  expect(view.networks.map((n) => [n.name, n.names])).toEqual([
    ['front', { api: ['api'], web: ['web'] }],
    ['back', { api: ['api'], db: ['db'] }],
  ]);
});

test('port labels as docker ps writes them', () => {
  expect(view.services[0].published.map(portLabel)).toEqual(['[::1]:8443->443/tcp', '127.0.0.1:80->80/udp', '->9000/tcp']);
});

test('mermaid', () => {
  expect(renderMermaid(view)).toBe(
    [
      'flowchart LR',
      '  n0{{"front (external)"}}',
      '  n1{{"back (internal, overlay)"}}',
      '  s0["web<br/>[::1]:8443->443/tcp<br/>127.0.0.1:80->80/udp<br/>->9000/tcp"]',
      '  s1["api"]',
      '  s2[("db")]',
      '  s3["envoy<br/>network_mode: service:api"]',
      '  s4["agent<br/>network_mode: host"]',
      '  u0["ghost?"]',
      '  u1["cache?"]',
      '  s0 --- n0',
      '  s1 --- n0',
      '  s1 --- n1',
      '  s2 --- n1',
      '  s0 -->|"depends_on, environment"| s1',
      '  s0 -.->|"depends_on"| u0',
      '  s0 -.->|"environment"| s2',
      '  s1 -->|"environment"| s2',
      '  s1 -.->|"environment"| u1',
      '  s3 -->|"network_mode"| s1',
      '  s3 -->|"command"| s2',
      '',
    ].join('\n'),
  );
});

test('dot', () => {
  expect(renderDot(view)).toBe(
    [
      'digraph "shop" {',
      '  rankdir=LR;',
      '  node [fontname="Helvetica"];',
      '  edge [fontname="Helvetica", fontsize=10];',
      '  n0 [shape=hexagon, label="front\\n(external)"];',
      '  n1 [shape=hexagon, label="back\\n(internal, overlay)"];',
      '  s0 [shape=box, label="web\\n[::1]:8443->443/tcp\\n127.0.0.1:80->80/udp\\n->9000/tcp"];',
      '  s1 [shape=box, label="api"];',
      '  s2 [shape=cylinder, label="db"];',
      '  s3 [shape=box, label="envoy\\nnetwork_mode: service:api"];',
      '  s4 [shape=box, label="agent\\nnetwork_mode: host"];',
      '  u0 [shape=box, style=dashed, color=red, label="ghost?"];',
      '  u1 [shape=box, style=dashed, color=red, label="cache?"];',
      '  s0 -> n0 [dir=none, color=gray];',
      '  s1 -> n0 [dir=none, color=gray];',
      '  s1 -> n1 [dir=none, color=gray];',
      '  s2 -> n1 [dir=none, color=gray];',
      '  s0 -> s1 [label="depends_on, environment"];',
      '  s0 -> u0 [label="depends_on", style=dashed, color=red];',
      '  s0 -> s2 [label="environment", style=dashed, color=red];',
      '  s1 -> s2 [label="environment"];',
      '  s1 -> u1 [label="environment", style=dashed, color=red];',
      '  s3 -> s1 [label="network_mode"];',
      '  s3 -> s2 [label="command"];',
      '}',
      '',
    ].join('\n'),
  );
});

test('ports of a service only on internal networks are marked as not published (JSON field, mermaid and dot line)', () => {
  const yaml = [
    'services:',
    '  isolated: {image: example/isolated:1, ports: ["9000:9000"], networks: [data]}',
    '  web: {image: nginx, ports: ["80:80"], networks: [data, front]}',
    'networks: {data: {internal: true}, front: {}}',
    '',
  ].join('\n');
  const v = graphView(graphOf(yaml), 'p');
  expect(v.services.map((s) => [s.name, s.unpublished])).toEqual([
    ['isolated', 'only on internal network data'],
    ['web', undefined],
  ]);
  expect(JSON.stringify(v.services[1])).not.toContain('unpublished');
  expect(renderMermaid(v)).toContain('  s0["isolated<br/>9000->9000/tcp<br/>(not published: only on internal network data)"]\n  s1["web<br/>80->80/tcp"]\n');
  expect(renderDot(v)).toContain('  s0 [shape=box, label="isolated\\n9000->9000/tcp\\n(not published: only on internal network data)"];\n');
});
