import * as fs from 'fs';
import * as path from 'path';
import { parseYaml } from '../src/load/parse';
import { mergeDicts, mergeService, goValue } from '../src/load/merge';
import { shortVolumeTarget, enforceUnicity } from '../src/load/unicity';
import { makeSource } from '../src/model/source';
import { keyOriginOf, originOf, selfOrigin, toPosition } from '../src/model/origin';
import type { ComposeDict } from '../src/model/project';

interface MergeCase {
  file: string;
  test: string;
  base: string;
  override: string;
  expected: string;
}
const table = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/spec-cases/merge.json'), 'utf8')) as { cases: MergeCase[] };

function parse(name: string, text: string): ComposeDict {
  const r = parseYaml(makeSource(name, text));
  expect(r.errors).toEqual([]);
  return r.documents[0] ?? {};
}

describe('compose-go merge table (fixtures/spec-cases/merge.json)', () => {
  test('has the 60 cases', () => expect(table.cases).toHaveLength(60));
  test.each(table.cases.map((c) => [`${c.file} ${c.test}`, c] as const))('%s', (_name, c) => {
    const base = parse('base.yml', c.base);
    const override = parse('override.yml', c.override);
    expect(mergeDicts(base, override)).toEqual(parse('expected.yml', c.expected));
  });
});

describe('origins after a merge', () => {
  const baseText = ['services:', '  web:', '    image: nginx:1.25', '    restart: always', '    ports:', '      - "80:80"', ''].join('\n');
  const overText = ['services:', '  web:', '    image: nginx:1.27', '    ports:', '      - "443:443"', ''].join('\n');
  const merged = mergeDicts(parse('compose.yml', baseText), parse('compose.override.yml', overText));
  const web = (merged.services as Record<string, Record<string, unknown>>).web;

  test('values', () => {
    expect(web).toEqual({ image: 'nginx:1.27', restart: 'always', ports: ['80:80', '443:443'] });
  });
  test('an overridden scalar points into the override file', () => {
    expect(toPosition(originOf(web, 'image')!)).toEqual({ file: 'compose.override.yml', line: 3, column: 12, endLine: 3, endColumn: 22 });
    expect(toPosition(keyOriginOf(web, 'image')!)).toMatchObject({ file: 'compose.override.yml', line: 3, column: 5 });
  });
  test('an untouched base value keeps its base origin', () => {
    expect(toPosition(originOf(web, 'restart')!)).toEqual({ file: 'compose.yml', line: 4, column: 14, endLine: 4, endColumn: 20 });
    expect(toPosition(keyOriginOf(web, 'restart')!)).toMatchObject({ file: 'compose.yml', line: 4, column: 5 });
  });
  test('appended list items keep their own file', () => {
    const ports = web.ports as unknown[];
    expect(toPosition(originOf(ports, 0)!)).toMatchObject({ file: 'compose.yml', line: 6, column: 9 });
    expect(toPosition(originOf(ports, 1)!)).toMatchObject({ file: 'compose.override.yml', line: 5, column: 9 });
  });
  test('a merged mapping keeps the position where the base defined it', () => {
    const services = merged.services as Record<string, unknown>;
    expect(toPosition(keyOriginOf(services, 'web')!)).toMatchObject({ file: 'compose.yml', line: 2, column: 3 });
    expect(toPosition(selfOrigin(web)!)).toMatchObject({ file: 'compose.yml', line: 3, column: 5 });
  });
  test('a mapping turned into K=V strings points from key to value', () => {
    const m = mergeDicts(parse('a.yml', 'services:\n  s:\n    environment:\n      A: "1"\n'), parse('b.yml', 'services:\n  s:\n    environment:\n      B: two\n'));
    const env = (m.services as any).s.environment as unknown[];
    expect(env).toEqual(['A=1', 'B=two']);
    expect(toPosition(originOf(env, 0)!)).toEqual({ file: 'a.yml', line: 4, column: 7, endLine: 4, endColumn: 13 });
    expect(toPosition(originOf(env, 1)!)).toEqual({ file: 'b.yml', line: 4, column: 7, endLine: 4, endColumn: 13 });
  });
  test('depends_on short syntax turned into a mapping points at the list item', () => {
    const m = mergeDicts(parse('a.yml', 'services:\n  s:\n    depends_on: [db]\n'), parse('b.yml', 'services:\n  s:\n    depends_on:\n      cache:\n        condition: service_healthy\n'));
    const dep = (m.services as any).s.depends_on;
    expect(dep).toEqual({ db: { condition: 'service_started', required: true }, cache: { condition: 'service_healthy' } });
    expect(toPosition(keyOriginOf(dep, 'db')!)).toMatchObject({ file: 'a.yml', line: 3, column: 18 });
    expect(toPosition(keyOriginOf(dep, 'cache')!)).toMatchObject({ file: 'b.yml', line: 4, column: 7 });
  });
});

describe('merge tags', () => {
  const base = 'services:\n  web:\n    image: a\n    ports: ["80:80"]\n    environment: [A=1]\n    build: {context: ., args: [X=1]}\n';
  test('!reset drops the key, !override replaces the value whole', () => {
    const m = mergeDicts(parse('a.yml', base), parse('b.yml', 'services:\n  web:\n    ports: !reset []\n    environment: !override [B=2]\n    build: !override {context: ./b}\n'));
    expect((m.services as any).web).toEqual({ image: 'a', environment: ['B=2'], build: { context: './b' } });
    expect(toPosition(originOf((m.services as any).web.environment, 0)!)).toMatchObject({ file: 'b.yml', line: 4, column: 29 });
  });
  test('!reset of a key the base lacks leaves nothing behind', () => {
    const m = mergeDicts(parse('a.yml', 'services:\n  web:\n    image: a\n'), parse('b.yml', 'services:\n  web:\n    dns: !reset [1.1.1.1]\n'));
    expect(m).toEqual({ services: { web: { image: 'a' } } });
  });
  test('!reset inside a newly added service is dropped too', () => {
    const m = mergeDicts({}, parse('b.yml', 'services:\n  web:\n    image: a\n    ports: !reset ["1:1"]\n'));
    expect(m).toEqual({ services: { web: { image: 'a' } } });
  });
  test('a !reset made in an earlier document still applies when the documents are merged first', () => {
    const a = parse('a.yml', base);
    const b1 = parse('b.yml', 'services:\n  web:\n    ports: !reset []\n');
    const b2 = parse('b.yml', 'services:\n  web:\n    ports: ["8080:80"]\n');
    const stepwise = mergeDicts(mergeDicts(a, b1), b2);
    const grouped = mergeDicts(a, mergeDicts(b1, b2));
    expect((stepwise.services as any).web.ports).toEqual(['8080:80']);
    expect(grouped).toEqual(stepwise);
  });
  test('!override inside an extending service applies to the base service', () => {
    const base = parse('a.yml', 'image: a\nports: ["80:80"]\n');
    const svc = parse('a.yml', 'ports: !override ["81:81"]\n');
    expect(mergeService(base, svc)).toEqual({ image: 'a', ports: ['81:81'] });
  });
});

describe('unicity', () => {
  test('a file merged into an empty model has its unique sequences deduplicated (later item wins, first position)', () => {
    const m = mergeDicts({}, parse('a.yml', 'services:\n  s:\n    ports: ["80:80", "443:443", "80:80"]\n    environment: [A=1, B=2, A=3]\n    volumes: [./x:/data, cache:/data:ro]\n'));
    const s = (m.services as any).s;
    expect(s).toEqual({ ports: ['80:80', '443:443'], environment: ['A=3', 'B=2'], volumes: ['cache:/data:ro'] });
    expect(toPosition(originOf(s.environment, 0)!)).toMatchObject({ line: 4, column: 29 });
  });
  test('long-syntax ports are keyed by host ip, published, target and protocol', () => {
    const list = [
      { target: 80, published: '8080' },
      { target: 80, published: '8080', host_ip: '0.0.0.0', protocol: 'tcp', mode: 'host' },
      { target: 80, published: 8080 },
    ];
    expect(enforceUnicity(list, ['services', 's', 'ports'])).toEqual([list[1], list[2]]);
  });
  test('secrets are keyed by their mount path', () => {
    const list = ['foo', { source: 'bar', target: '/run/secrets/foo' }, { source: 'foo' }];
    expect(enforceUnicity(list, ['services', 's', 'secrets'])).toEqual([list[2]]);
  });
  test.each([
    ['/data', '/data'],
    ['vol:/data', '/data'],
    ['./src:/app:ro', '/app'],
    ['C:\\data:/data', '/data'],
    ['${HOME:-/h}:/home', '/home'],
    ['a:/b', 'a:/b'], // compose-go reads a one-letter volume name as a Windows drive: target is the whole spec
    ['ab:::c', undefined],
    ['src:/dst:ro:extra', undefined],
    ['/a:${X', ''], // an open `${` to the end: compose-go reads /a as the source and leaves the rest unread
  ])('volume target of %s', (spec, target) => expect(shortVolumeTarget(spec)).toBe(target));
});

test('K=V formatting follows Go %v', () => {
  expect([goValue(3), goValue(1.5), goValue(1234567.5), goValue(0.00001), goValue(true), goValue('x')]).toEqual(['3', '1.5', '1.2345675e+06', '1e-05', 'true', 'x']);
});

test('inputs are not modified', () => {
  const a = parse('a.yml', 'services:\n  s:\n    image: a\n    environment: {A: "1"}\n    ports: ["80:80"]\n');
  const b = parse('b.yml', 'services:\n  s:\n    environment: [B=2]\n    ports: ["80:80"]\n  t:\n    image: t\n');
  const before = JSON.stringify([a, b]);
  const webImageOrigin = originOf((a.services as any).s, 'image');
  mergeDicts(a, b);
  expect(JSON.stringify([a, b])).toBe(before);
  expect(originOf((a.services as any).s, 'image')).toBe(webImageOrigin);
});

describe('cost', () => {
  const lines = ['services:'];
  for (let i = 0; i < 10_000; i++) lines.push(`  svc${i}:`, `    image: app:${i}`, '    ports: ["80"]', '    environment: {A: "1"}');
  const base = mergeDicts({}, parse('big.yml', lines.join('\n') + '\n'));
  const override = parse('small.yml', 'services:\n  svc5:\n    image: app:new\n  extra:\n    image: x\n');

  test('untouched services are shared, not copied', () => {
    const merged = mergeDicts(base, override);
    const before = base.services as Record<string, unknown>;
    const after = merged.services as Record<string, unknown>;
    expect(Object.keys(after)).toHaveLength(10_001);
    expect(after.svc9999).toBe(before.svc9999);
    expect(after.svc5).not.toBe(before.svc5);
    expect((after.svc5 as any).image).toBe('app:new');
  });
});

test('a key reset after an !override stays reset for later merges', () => {
  const a = parse('a.yml', 'services:\n  web:\n    ports: ["1:1"]\n');
  const b = parse('b.yml', 'services:\n  web:\n    ports: !override ["2:2"]\n');
  const c = parse('c.yml', 'services:\n  web:\n    ports: !reset []\n');
  const bc = mergeDicts(b, c);
  expect(bc).toEqual({ services: { web: {} } });
  expect(mergeDicts(a, bc)).toEqual({ services: { web: {} } });
});
