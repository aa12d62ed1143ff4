import * as fs from 'fs';
import { at, graphOf, loadedGraph } from './graph-helpers';

const dnsNames = (g: ReturnType<typeof graphOf>, net: string) => Object.fromEntries(g.networks.get(net)!.dnsNames);

describe('networks and DNS names', () => {
  const g = graphOf(
    [
      'services:',
      '  ui:',
      '    image: ui',
      '    container_name: reddit-ui',
      '    hostname: ui-host',
      '    networks: [front_net]',
      '  post:',
      '    image: post',
      '    networks:',
      '      front_net:',
      '      back_net:',
      '        aliases: [Post-Api]',
      '  mongo:',
      '    image: mongo:4',
      '    networks:',
      '      back_net:',
      '        aliases: [post_db, comment_db]',
      '  loner:',
      '    image: x',
      'networks:',
      '  front_net:',
      '  back_net:',
      '    internal: true',
      '  shared:',
      '    external: true',
      '  legacy:',
      '    external: {name: old}',
      '  lan:',
      '    driver: macvlan',
      '',
    ].join('\n'),
  );

  test('declared networks keep their kind; the implicit default appears for a service without networks', () => {
    const summary = [...g.networks.values()].map((n) => [n.name, n.declared, n.internal, n.external, n.driver, n.members]);
    expect(summary).toEqual([
      ['front_net', true, false, false, 'bridge', ['ui', 'post']],
      ['back_net', true, true, false, 'bridge', ['post', 'mongo']],
      ['shared', true, false, true, 'bridge', []],
      ['legacy', true, false, true, 'bridge', []],
      ['lan', true, false, false, 'macvlan', []],
      ['default', false, false, false, 'bridge', ['loner']],
    ]);
    expect(at(g.networks.get('back_net')!.origin)).toBe('compose.yaml:22:3-11');
  });

  test("per network: service names, container_names and that network's aliases (lowercase); hostname too (Docker Engine 25)", () => {
    expect(dnsNames(g, 'front_net')).toEqual({ ui: ['ui'], 'reddit-ui': ['ui'], 'ui-host': ['ui'], post: ['post'] });
    expect(dnsNames(g, 'back_net')).toEqual({ post: ['post'], 'post-api': ['post'], mongo: ['mongo'], post_db: ['mongo'], comment_db: ['mongo'] });
    expect(g.names.get('post')).toEqual([
      { service: 'post', network: 'front_net' },
      { service: 'post', network: 'back_net' },
    ]);
    expect(g.names.get('ui-host')).toEqual([{ service: 'ui', network: 'front_net' }]);
    expect(g.hostnames.get('ui-host')).toEqual(['ui']);
    expect(g.serviceNames.get('reddit-ui')).toEqual(['ui']);
  });

  test('attachments keep where they are written; the implicit one has none', () => {
    const post = g.services.get('post')!;
    expect(post.attachments.map((a) => [a.network, at(a.origin), a.aliases.map((x) => x.value), a.implicit])).toEqual([
      ['front_net', 'compose.yaml:10:7-16', [], false],
      ['back_net', 'compose.yaml:11:7-15', ['Post-Api'], false],
    ]);
    expect(g.services.get('loner')!.attachments).toEqual([{ network: 'default', aliases: [], origin: undefined, implicit: true }]);
  });
});

describe('namespaces', () => {
  const g = graphOf(
    [
      'services:',
      '  app:',
      '    image: x',
      '  sidecar:',
      '    image: x',
      '    network_mode: service:app',
      '    networks: [ignored]',
      '  agent:',
      '    image: x',
      '    network_mode: host',
      '  batch:',
      '    image: x',
      '    network_mode: none',
      '  old:',
      '    image: x',
      '    network_mode: bridge',
      '  vpn-client:',
      '    image: x',
      '    network_mode: container:gluetun',
      '',
    ].join('\n'),
  );
  test('network_mode gives the namespace; only `own` services are attached to networks', () => {
    expect([...g.services.values()].map((s) => [s.name, s.namespace.kind, s.namespace.target, s.networks])).toEqual([
      ['app', 'own', undefined, ['default']],
      ['sidecar', 'service', 'app', []],
      ['agent', 'host', undefined, []],
      ['batch', 'none', undefined, []],
      ['old', 'bridge', undefined, []],
      ['vpn-client', 'container', 'gluetun', []],
    ]);
    expect(at(g.services.get('sidecar')!.namespace.origin)).toBe('compose.yaml:6:19-30');
    expect(g.networks.has('ignored')).toBe(false);
    expect(g.serviceNames.get('agent')).toEqual(['agent']);
  });
});

describe('ports', () => {
  test('published ports in long form and listening ports from targets and expose; bad entries skipped', () => {
    const g = graphOf(
      [
        'services:',
        '  web:',
        '    image: x',
        '    ports:',
        '      - "127.0.0.1:8080:80"',
        '      - "53:53/udp"',
        '      - "9000"',
        '      - target: 443',
        '        published: "8443"',
        '        host_ip: "::"',
        '      - "not a port"',
        '    expose:',
        '      - "3000-3001"',
        '      - 9100/udp',
        '      - nonsense',
        '',
      ].join('\n'),
    );
    const web = g.services.get('web')!;
    expect(web.published.map(({ hostIp, published, target, protocol }) => [hostIp, published, target, protocol])).toEqual([
      ['127.0.0.1', '8080', 80, 'tcp'],
      ['', '53', 53, 'udp'],
      ['', '', 9000, 'tcp'],
      ['::', '8443', 443, 'tcp'],
    ]);
    expect(web.published.map((p) => at(p.origin))).toEqual(['compose.yaml:5:9-28', 'compose.yaml:6:9-20', 'compose.yaml:7:9-15', 'compose.yaml:8:9-11:1']);
    expect(web.listening.map((l) => `${l.port}/${l.protocol} ${l.from}`)).toEqual([
      '80/tcp ports',
      '53/udp ports',
      '9000/tcp ports',
      '443/tcp ports',
      '3000/tcp expose',
      '3001/tcp expose',
      '9100/udp expose',
    ]);
  });
});

describe('references', () => {
  const yaml = [
    'services:',
    '  post:',
    '    image: x',
    '    depends_on: [mongo]',
    '    links: ["mongo:db"]',
    '    external_links: [redis_1]',
    '    environment:',
    '      - POST_DATABASE_HOST=post_db',
    '      - SMTP_HOST=smtp.gmail.com',
    '      - CACHE_HOST=cache.internal',
    '      - CALLBACK=http://post:5000 http://post:5001',
    '    command: ["serve", "--upstream=http://ui:9292"]',
    '    entrypoint: /bin/run http://auth:80',
    '  sidecar:',
    '    image: x',
    '    network_mode: service:post',
    '  mongo:',
    '    image: mongo',
    '    networks:',
    '      default:',
    '        aliases: [cache.internal]',
    '',
  ].join('\n');
  const g = graphOf(yaml);
  test("every kind, with the name's own position; outside domains are dropped unless the project answers to them", () => {
    const refs = g.services.get('post')!.references.map((r) => [r.kind, r.host, r.key ?? '', r.port ?? '', at(r.origin)]);
    expect(refs).toEqual([
      ['depends_on', 'mongo', '', '', 'compose.yaml:4:18-23'],
      ['links', 'mongo', '', '', 'compose.yaml:5:13-23'],
      ['external_links', 'redis_1', '', '', 'compose.yaml:6:22-29'],
      ['environment', 'post_db', 'POST_DATABASE_HOST', '', 'compose.yaml:8:28-35'],
      ['environment', 'cache.internal', 'CACHE_HOST', '', 'compose.yaml:10:20-34'],
      ['environment', 'post', 'CALLBACK', 5000, 'compose.yaml:11:25-29'],
      ['environment', 'post', 'CALLBACK', 5001, 'compose.yaml:11:42-46'],
      ['command', 'ui', '', 9292, 'compose.yaml:12:43-45'],
      ['entrypoint', 'auth', '', 80, 'compose.yaml:13:33-37'],
    ]);
    expect(g.services.get('sidecar')!.references.map((r) => [r.kind, r.host, at(r.origin)])).toEqual([['network_mode', 'post', 'compose.yaml:16:19-31']]);
  });
});

describe('env_file contents and origins across files (through the loader)', () => {
  const { graph, dir } = loadedGraph({
    'compose.yaml': ['services:', '  post:', '    image: x', '    env_file: [post.env, missing.env]', '    environment:', '      OVERRIDDEN_HOST: from-compose', '      DB_HOST: ${DB_HOST}', ''].join(
      '\n',
    ),
    'compose.override.yaml': ['services:', '  post:', '    environment:', '      - CACHE_URL=redis://cache:6379/0', ''].join('\n'),
    'post.env': ['# comment', 'OVERRIDDEN_HOST=from-env-file', 'export QUEUE_ADDR = "queue:5672"', 'PEER=${DB_HOST}:9000', ''].join('\n'),
    '.env': 'DB_HOST=mongo_db\n',
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('environment wins over env_file; each name is placed in the file it is written in', () => {
    const refs = graph.services.get('post')!.references.map((r) => [r.kind, r.key, r.host, at(r.origin)]);
    expect(refs).toEqual([
      ['environment', 'OVERRIDDEN_HOST', 'from-compose', 'compose.yaml:6:24-36'],
      ['env_file', 'QUEUE_ADDR', 'queue', 'post.env:3:22-27'],
      ['env_file', 'PEER', 'mongo_db', 'post.env:4:6-21'],
      ['environment', 'DB_HOST', 'mongo_db', 'compose.yaml:7:16-26'],
      ['environment', 'CACHE_URL', 'cache', 'compose.override.yaml:4:27-32'],
    ]);
  });
});

describe('profiles', () => {
  test('names of disabled services are kept apart; their hostnames are not DNS names', () => {
    const { graph, dir } = loadedGraph({
      'compose.yaml': [
        'services:',
        '  app:',
        '    image: x',
        '  ollama:',
        '    image: ollama/ollama',
        '    profiles: [gpu]',
        '    container_name: llm',
        '    hostname: ai',
        '    networks:',
        '      default:',
        '        aliases: [model]',
        '',
      ].join('\n'),
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect([...graph.services.keys()]).toEqual(['app']);
    expect([...graph.disabledNames].sort()).toEqual(['llm', 'model', 'ollama']);
  });
});

describe('robustness', () => {
  test('odd values from a file with schema errors do not throw', () => {
    const g = graphOf('services:\n  a: null\n  b:\n    networks: 3\n    environment: [1, null]\n    ports: {x: 1}\n    expose: [null]\n    extra_hosts: 7\nnetworks: [x]\n');
    expect([...g.services.keys()]).toEqual(['b']);
    expect(g.services.get('b')!.networks).toEqual(['default']);
  });
});
