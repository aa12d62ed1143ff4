/** Origin side tables (src/model/origin.ts): any key name, sequences, clones independent of their source. */
import { cloneWithOrigins, copyOrigin, keyOriginOf, originOf, selfOrigin, setKeyOrigin, setOrigin, setSelfOrigin, toPosition } from '../src/model/origin';
import { makeSource } from '../src/model/source';

const source = makeSource('compose.yaml', 'services:\n  web:\n    image: nginx\n');
const at = (start: number, end: number) => ({ source, start, end });

describe('origins by key', () => {
  test('keys named like Object.prototype members are ordinary keys: absent gives undefined, set gives the origin', () => {
    const map: Record<string, unknown> = {};
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(originOf(map, key)).toBeUndefined();
      expect(keyOriginOf(map, key)).toBeUndefined();
    }
    setOrigin(map, '__proto__', at(1, 2));
    setKeyOrigin(map, 'constructor', at(3, 4));
    expect(originOf(map, '__proto__')).toEqual(at(1, 2));
    expect(keyOriginOf(map, 'constructor')).toEqual(at(3, 4));
    expect(originOf(map, 'toString')).toBeUndefined();
  });

  test('value and key origins are kept apart; a key without its own origin falls back to the value', () => {
    const map = { image: 'nginx', ports: ['80:80'] };
    setOrigin(map, 'image', at(28, 33));
    setKeyOrigin(map, 'image', at(21, 26));
    setSelfOrigin(map.ports, at(40, 50));
    expect(toPosition(originOf(map, 'image')!)).toEqual({ file: 'compose.yaml', line: 3, column: 12, endLine: 3, endColumn: 17 });
    expect(toPosition(keyOriginOf(map, 'image')!)).toEqual({ file: 'compose.yaml', line: 3, column: 5, endLine: 3, endColumn: 10 });
    expect(originOf(map, 'ports')).toEqual(at(40, 50)); // a container value: its own origin
    expect(selfOrigin(map.ports)).toEqual(at(40, 50));
  });

  test('sequences by index; a clone keeps every origin and later changes to either side stay on that side', () => {
    const seq = ['a', 'b'];
    setOrigin(seq, 0, at(0, 1));
    setOrigin(seq, 1, at(2, 3));
    setSelfOrigin(seq, at(0, 3));
    const copy = cloneWithOrigins(seq);
    expect([originOf(copy, 0), originOf(copy, 1), selfOrigin(copy)]).toEqual([at(0, 1), at(2, 3), at(0, 3)]);
    setOrigin(copy, 1, at(5, 6));
    setOrigin(seq, 0, at(7, 8));
    expect([originOf(seq, 0), originOf(seq, 1)]).toEqual([at(7, 8), at(2, 3)]);
    expect([originOf(copy, 0), originOf(copy, 1)]).toEqual([at(0, 1), at(5, 6)]);
  });

  test('copyOrigin moves value and key origins to another key of another container', () => {
    const from = { a: 1 };
    setOrigin(from, 'a', at(1, 2));
    setKeyOrigin(from, 'a', at(0, 1));
    const to: Record<string, unknown> = {};
    copyOrigin(to, 'b', from, 'a');
    expect([originOf(to, 'b'), keyOriginOf(to, 'b'), originOf(to, 'a')]).toEqual([at(1, 2), at(0, 1), undefined]);
  });
});

describe('positions at the end of a file', () => {
  test('the end of a text that ends with a line break is the end of its last line, never a line after it', () => {
    const lf = makeSource('a.yaml', 'a: 1\nnetworks: [x\n');
    expect(toPosition({ source: lf, start: lf.text.length, end: lf.text.length })).toEqual({ file: 'a.yaml', line: 2, column: 13, endLine: 2, endColumn: 13 });
    const crlf = makeSource('b.yaml', 'a: 1\r\nnetworks: [x\r\n');
    expect(toPosition({ source: crlf, start: 0, end: crlf.text.length })).toEqual({ file: 'b.yaml', line: 1, column: 1, endLine: 2, endColumn: 13 });
    const blank = makeSource('c.yaml', 'a: 1\n\n');
    expect(toPosition({ source: blank, start: blank.text.length, end: blank.text.length + 5 })).toEqual({ file: 'c.yaml', line: 2, column: 1, endLine: 2, endColumn: 1 });
    const none = makeSource('d.yaml', 'a: [');
    expect(toPosition({ source: none, start: 4, end: 4 })).toEqual({ file: 'd.yaml', line: 1, column: 5, endLine: 1, endColumn: 5 });
    const empty = makeSource('e.yaml', '\n');
    expect(toPosition({ source: empty, start: 1, end: 1 })).toEqual({ file: 'e.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
