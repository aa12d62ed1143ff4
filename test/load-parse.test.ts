import { parseYaml } from '../src/load/parse';
import { makeSource } from '../src/model/source';
import { originOf, toPosition, keyOriginOf, selfOrigin } from '../src/model/origin';
import { mergeTagOf } from '../src/load/tags';

const parse = (text: string) => parseYaml(makeSource('a.yml', text));
const pos = (o: ReturnType<typeof originOf>) => {
  const p = toPosition(o!);
  return `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
};

describe('parseYaml', () => {
  test('values carry the origin of the text they came from, through merge keys', () => {
    const r = parse('x: &d\n  r: 1\nservices:\n  web:\n    <<: *d\n    image: "nginx"\n    ports: [ "80:80" ]\n');
    expect(r.errors).toEqual([]);
    const web = (r.documents[0].services as any).web;
    expect(web).toEqual({ image: 'nginx', ports: ['80:80'], r: 1 });
    expect(pos(originOf(web, 'image'))).toBe('6:12-6:19');
    expect(pos(originOf(web, 'r'))).toBe('2:6-2:7'); // from the anchored mapping
    expect(pos(keyOriginOf(web, 'ports'))).toBe('7:5-7:10');
    expect(pos(originOf(web.ports, 0))).toBe('7:14-7:21');
    expect(pos(selfOrigin(web))).toBe('5:5-7:23');
  });

  test('merge key lists: explicit keys win, then earlier sources', () => {
    const r = parse('a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n');
    expect(r.documents[0].c).toEqual({ x: 3, y: 1, z: 2 });
  });

  test('every syntax error is reported at its position', () => {
    const r = parse('services:\n  a:\n    image: x\n    image: y\n  b: [\n');
    expect(r.documents).toEqual([]);
    expect(r.errors.map((e) => `${pos(e.origin)} ${e.message}`)).toEqual([
      '4:5-4:10 duplicate key "image" (first defined at line 3, column 5)',
      '5:7-5:7 Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('an alias bomb is refused, thousands of ordinary aliases are not', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const bomb = parse(levels.join('\n') + '\n');
    expect(bomb.errors).toHaveLength(1);
    expect(bomb.errors[0].message).toMatch(/^aliases expand to more than 100000 nodes/);

    const lines = ['x-defaults: &defaults', '  restart: always', '  logging: {driver: json-file, options: {max-size: 10m}}', 'services:'];
    for (let i = 0; i < 5000; i++) lines.push(`  s${i}:`, '    <<: *defaults', `    image: img${i}`);
    const real = parse(lines.join('\n'));
    expect(real.errors).toEqual([]);
    expect((real.documents[0].services as any).s4999).toEqual({ image: 'img4999', restart: 'always', logging: { driver: 'json-file', options: { 'max-size': '10m' } } });
  });

  test('!reset and !override tags are remembered for merging', () => {
    const r = parse('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: 1\n');
    const web = (r.documents[0].services as any).web;
    expect(mergeTagOf(web, 'ports')).toBe('reset');
    expect(mergeTagOf(web, 'environment')).toBe('override');
    expect(web.environment).toEqual({ A: 1 });
  });

  test('multi-document files give one dict per document', () => {
    const r = parse('services: {a: {image: x}}\n---\nservices: {a: {image: y}}\n');
    expect(r.documents).toHaveLength(2);
  });

  test('a top level that is not a mapping is an error', () => {
    const r = parse('- a\n- b\n');
    expect(r.errors.map((e) => `${pos(e.origin)} ${e.message}`)).toEqual(['1:1-2:4 top-level of a compose file must be a mapping']);
  });

  test('__proto__ keys stay data', () => {
    const r = parse('services:\n  __proto__:\n    image: x\n');
    const services = r.documents[0].services as Record<string, unknown>;
    expect(Object.keys(services)).toEqual(['__proto__']);
    expect(({} as any).image).toBeUndefined();
  });
});

describe('two merge keys in one mapping (compose-go, Docker Compose 2.17+: mapping key "<<" already defined)', () => {
  const errorsOf = (text: string) => parseYaml(makeSource('compose.yaml', text)).errors.map((e) => ({ message: e.message, ...toPosition(e.origin) }));

  test.each([
    ['block mapping', 'x-a: &a {image: a}\nx-b: &b {command: b}\nservices:\n  s:\n    <<: *a\n    <<: *b\n', 6, 5],
    ['flow mapping', 'x-a: &a {image: a}\nx-b: &b {command: b}\nservices:\n  s: {<<: *a,\n     <<: *b}\n', 5, 6],
  ])('%s: refused at the second key', (_name, text, line, column) => {
    expect(errorsOf(text)).toEqual([
      {
        message: 'mapping key "<<" already defined at line ' + (line - 1) + ': merge several mappings with one key, `<<: [*a, *b]`',
        file: 'compose.yaml',
        line,
        column,
        endLine: line,
        endColumn: column + 2,
      },
    ]);
  });

  test('one merge key with a list of sources stays valid', () => {
    const parsed = parseYaml(makeSource('compose.yaml', 'x-a: &a {image: a}\nx-b: &b {command: b}\nservices:\n  s:\n    <<: [*a, *b]\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.documents[0].services).toEqual({ s: { image: 'a', command: 'b' } });
  });
});
