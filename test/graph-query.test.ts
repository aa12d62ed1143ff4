import { graphOf } from './graph-helpers';
import { holdersOf, linkWorks, namespaceOwner, nearestName, reachableNetworks, resolveName, sharedNetworks, usersOf, SUGGESTION_BUDGET } from '../src/graph/query';

const g = graphOf(
  [
    'services:',
    '  ui:',
    '    image: ui',
    '    hostname: ui-box',
    '    extra_hosts: ["legacy-db:10.0.0.5", "ldap=10.0.0.6"]',
    '    external_links: ["shared_redis_1:redis"]',
    '    networks: [front_net]',
    '  post:',
    '    image: post',
    '    links: ["mongo:database", "ui"]',
    '    environment:',
    '      POST_DATABASE_HOST: POST_DB',
    '    networks: [front_net, back_net]',
    '  mongo:',
    '    image: mongo:4',
    '    container_name: reddit-mongo',
    '    networks:',
    '      back_net:',
    '        aliases: [post_db]',
    '  sidecar:',
    '    image: envoy',
    '    network_mode: service:post',
    '  sidecar2:',
    '    image: envoy',
    '    network_mode: service:sidecar',
    '  loop-a:',
    '    image: x',
    '    network_mode: service:loop-b',
    '  loop-b:',
    '    image: x',
    '    network_mode: service:loop-a',
    '  agent:',
    '    image: x',
    '    network_mode: host',
    '  vpn:',
    '    image: x',
    '    network_mode: container:gluetun',
    '  old:',
    '    image: x',
    '    network_mode: bridge',
    '    links: [old-db:db, mongo]',
    '  old-db:',
    '    image: mysql:8',
    '    network_mode: bridge',
    'networks:',
    '  front_net:',
    '  back_net:',
    '',
  ].join('\n'),
);

describe('namespaceOwner and networks', () => {
  test('service:X chains end at the owner; loops and missing targets have none', () => {
    expect(namespaceOwner(g, 'sidecar2')?.name).toBe('post');
    expect(namespaceOwner(g, 'loop-a')).toBeUndefined();
    expect(namespaceOwner(g, 'nope')).toBeUndefined();
    expect(reachableNetworks(g, 'sidecar2')).toEqual(['front_net', 'back_net']);
    expect(reachableNetworks(g, 'agent')).toEqual([]);
    expect(sharedNetworks(g, 'sidecar', 'mongo')).toEqual(['back_net']);
    expect(sharedNetworks(g, 'ui', 'mongo')).toEqual([]);
    expect(holdersOf(g, 'POST_DB')).toEqual([{ service: 'mongo', network: 'back_net' }]);
  });
});

describe('resolveName', () => {
  test.each<[string, string, ReturnType<typeof resolveName>]>([
    ['post', 'mongo', { status: 'resolved', via: 'network', targets: ['mongo'], network: 'back_net' }],
    ['post', 'Post_DB', { status: 'resolved', via: 'network', targets: ['mongo'], network: 'back_net' }],
    ['post', 'reddit-mongo', { status: 'resolved', via: 'network', targets: ['mongo'], network: 'back_net' }],
    ['post', 'database', { status: 'resolved', via: 'link', targets: ['mongo'] }],
    ['ui', 'post', { status: 'resolved', via: 'network', targets: ['post'], network: 'front_net' }],
    ['ui', 'mongo', { status: 'unresolved' }],
    ['ui', 'database', { status: 'unresolved' }],
    ['ui', 'legacy-db', { status: 'resolved', via: 'extra_hosts', targets: [] }],
    ['ui', 'LDAP', { status: 'resolved', via: 'extra_hosts', targets: [] }],
    ['ui', 'redis', { status: 'resolved', via: 'external_link', targets: [] }],
    ['ui', 'ui-box', { status: 'resolved', via: 'hostname', targets: ['ui'] }],
    ['post', 'ui-box', { status: 'resolved', via: 'network', targets: ['ui'], network: 'front_net' }],
    ['sidecar2', 'post_db', { status: 'resolved', via: 'network', targets: ['mongo'], network: 'back_net' }],
    ['sidecar2', 'sidecar', { status: 'unresolved' }],
    ['agent', 'post', { status: 'unresolved' }],
    ['vpn', 'anything', { status: 'unknowable', reason: 'container' }],
    ['loop-a', 'post', { status: 'unknowable', reason: 'missing-namespace' }],
    ['old', 'db', { status: 'resolved', via: 'link', targets: ['old-db'] }],
    ['old', 'mongo', { status: 'unresolved' }],
  ])('from %s, %s', (from, name, expected) => {
    expect(resolveName(g, from, name)).toEqual(expected);
  });

  test('links work only across a shared network, or between two services on the default bridge', () => {
    const post = g.services.get('post')!;
    expect(linkWorks(g, post, 'mongo')).toBe(true);
    expect(linkWorks(g, g.services.get('old')!, 'old-db')).toBe(true);
    expect(linkWorks(g, g.services.get('old')!, 'mongo')).toBe(false);
    expect(linkWorks(g, post, 'missing')).toBe(false);
  });
});

describe('usersOf', () => {
  test('depends_on, links, network_mode and resolved host names count; external links do not', () => {
    const h = graphOf(
      [
        'services:',
        '  api:',
        '    image: x',
        '    environment:',
        '      DB_URL: postgres://pg:5432/x',
        '  worker:',
        '    image: x',
        '    depends_on: [db]',
        '  legacy:',
        '    image: x',
        '    links: [db]',
        '    external_links: [db]',
        '  ui:',
        '    image: x',
        '    environment:',
        '      DB_HOST: db',
        '    networks: [front]',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      SELF: db:5432',
        '    networks:',
        '      default:',
        '        aliases: [pg]',
        'networks:',
        '  front:',
        '',
      ].join('\n'),
    );
    expect([...usersOf(h, 'db')]).toEqual(['api', 'worker', 'legacy']);
    expect([...usersOf(h, 'api')]).toEqual([]);
  });
});

describe('nearestName', () => {
  test("a close name, never the asking service's own; `_` and `-` are alike; swaps are one edit", () => {
    expect(nearestName(g, 'mongo1')).toBe('mongo');
    expect(nearestName(g, 'post-db')).toBe('post_db');
    expect(nearestName(g, 'mogno')).toBe('mongo');
    expect(nearestName(g, 'reddit-mongoo')).toBe('reddit-mongo');
    expect(nearestName(g, 'post1', 'post')).toBeUndefined();
    expect(nearestName(g, 'post1')).toBe('post');
    expect(nearestName(g, 'zipkin')).toBeUndefined();
    expect(nearestName(g, 'supabase-mail')).toBeUndefined();
  });
});

describe('nearestName on thousands of names (issue 14: no quadratic suggestion search)', () => {
  // 2,000 services svc0000..svc1999: every name is close to every other by length and letters, so
  // each new name asked costs a full search of about 2,000 x (1 + 7 x 7) units.
  const names = Array.from({ length: 2000 }, (_, i) => `svc${String(i).padStart(4, '0')}`);
  const many = () => graphOf(['services:', ...names.flatMap((n) => [`  ${n}:`, '    image: x'])].join('\n'));
  const perSearch = 2000 * 50;

  test('one name asked by every service is searched once: the budget is not spent on repeats', () => {
    const big = many();
    for (let i = 0; i < (3 * SUGGESTION_BUDGET) / perSearch; i++) expect(nearestName(big, 'svc0000x', names[1 + (i % 1999)])).toBe('svc0000');
    expect(nearestName(big, 'svc0000x', 'svc0000')).toBe('svc0001'); // its own name is never offered
    expect(nearestName(big, 'svc1999x')).toBe('svc1999');
  });

  test('past the budget, new names get no suggestion; names already answered keep theirs', () => {
    const big = many();
    expect(nearestName(big, 'svc0000x')).toBe('svc0000');
    let asked = 0;
    for (; asked < 2000 && nearestName(big, `svc${String(asked).padStart(4, '0')}y`) !== undefined; asked++);
    expect(asked).toBeGreaterThan(SUGGESTION_BUDGET / perSearch / 2);
    expect(asked).toBeLessThan((2 * SUGGESTION_BUDGET) / perSearch);
    expect(nearestName(big, 'svc1999z')).toBeUndefined();
    expect(nearestName(big, 'svc0000x')).toBe('svc0000');
  });
});
