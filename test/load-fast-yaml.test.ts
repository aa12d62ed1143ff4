/**
 * The fast YAML path must give exactly what the `yaml`-package path gives (values, JS types, every
 * origin, merge tags) or decline. Unit tests pin each construct; differential tests compare both
 * paths on fixtures (fixtures/fast-yaml/ holds corpus files picked for their constructs),
 * generated files, mutated variants of all of them, and random documents built from the supported
 * constructs. A crash of the fast path fails these tests (verdict rethrows it; jest.config.js runs
 * every test with COMPOSE_LINT_FAST_YAML=strict). The whole corpus is compared by
 * `npm run test:corpus`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { fastRead } from '../src/load/fast-yaml';
import { plainScalarValue } from '../src/load/fast-yaml/core-schema';
import { Builder } from '../src/load/fast-yaml/builder';
import { MIN_ALIAS_EXPANSION, STRICT_FAST_YAML_ENV, describeFallback, parseWithYamlPackage, parseYaml } from '../src/load/parse';
import { lintSync } from '../src/api';
import { makeSource } from '../src/model/source';
import { Origin, keyOriginOf, originOf, selfOrigin, toPosition } from '../src/model/origin';
import { mergeTagOf } from '../src/load/tags';
import { mutations, random, verdict } from './fast-yaml-verdict';

const root = path.resolve(__dirname, '..');

const src = (text: string) => makeSource('a.yml', text);
/** The fast path's single document, after checking that it agrees with the slow path. */
function fast(text: string): Record<string, any> {
  expect(verdict(src(text))).toBe('same');
  const r = fastRead(src(text));
  if (r.outcome !== 'read') throw new Error(`fast path: ${r.outcome}`);
  return r.documents[0];
}
const pos = (o: Origin | undefined) => {
  const p = toPosition(o!);
  return `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
};

// ---- constructs ----

describe('plain scalars: YAML 1.2 core schema, as the yaml package resolves it', () => {
  const table: [string, unknown][] = [
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['~', null],
    ['nULL', 'nULL'],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['off', 'off'],
    ['tRUE', 'tRUE'],
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['017', 17],
    ['0o17', 15],
    ['0x1F', 31],
    ['0X1F', '0X1F'],
    ['0o8', '0o8'],
    ['0b101', '0b101'],
    ['1_000', '1_000'],
    ['12345678901234567890', 12345678901234567000],
    ['1.5', 1.5],
    ['1.', 1],
    ['.5', 0.5],
    ['-2.50', -2.5],
    ['1e3', 1000],
    ['-1.5E-3', -0.0015],
    ['1.e2', 100],
    ['.5e1', 5],
    ['.inf', Infinity],
    ['+.Inf', Infinity],
    ['-.INF', -Infinity],
    ['.nan', NaN],
    ['.NaN', NaN],
    ['.NAN', NaN],
    ['inf', 'inf'],
    ['nan', 'nan'],
    ['.Nan', '.Nan'],
    ['12:30', '12:30'],
    ['2001-12-14', '2001-12-14'],
    ['1.2.3', '1.2.3'],
    ['-x', '-x'],
    ['-1.5', -1.5],
  ];
  test.each(table)('%s', (text, expected) => {
    expect(plainScalarValue(text)).toBe(expected);
    const doc = fast(`k: ${text}\n`);
    expect(doc.k).toBe(expected);
    expect(typeof doc.k).toBe(typeof expected);
  });

  test('keys are the string form of the resolved value', () => {
    const doc = fast('1: a\n0x10: b\n1.50: c\ntrue: d\nnull: e\n.inf: f\n"x y": g\n\'q\': h\n');
    // Integer-like keys come first in any JS object, then the others in document order.
    expect(Object.keys(doc)).toEqual(['1', '16', '1.5', 'true', 'null', 'Infinity', 'x y', 'q']);
    expect(doc).toEqual({ 1: 'a', 16: 'b', '1.5': 'c', true: 'd', null: 'e', Infinity: 'f', 'x y': 'g', q: 'h' });
  });

  test('words, URLs, interpolations and colons without a space stay strings', () => {
    expect(fast('a: registry.example.com/x:${TAG:-1.0}\nb: http://h:80/p?q=1#frag\nc: a b  c\nd: a#b\ne: 1.2.3\n')).toEqual({
      a: 'registry.example.com/x:${TAG:-1.0}',
      b: 'http://h:80/p?q=1#frag',
      c: 'a b  c',
      d: 'a#b',
      e: '1.2.3',
    });
  });

  test('a plain scalar continues on more-indented lines; blank lines become newlines', () => {
    const doc = fast('command:\n  --max_connections=1000\n  --character-set=utf8mb4\nb: one\n   two\n\n   three  # c\nc: 1\n');
    expect(doc).toEqual({ command: '--max_connections=1000 --character-set=utf8mb4', b: 'one two\nthree', c: 1 });
    expect(pos(originOf(doc, 'b'))).toBe('4:4-7:9');
  });
});

describe('quoted scalars', () => {
  test('double-quoted escapes', () => {
    const doc = fast('a: "t\\tn\\nq\\"b\\\\s\\/x\\x41u\\u00e9U\\U0001F600"\nb: "\\0\\a\\b\\e\\f\\v\\r\\N\\_\\L\\P\\ "\nc: "# not a comment"\nd: ""\n');
    expect(doc.a).toBe('t\tn\nq"b\\s/xAuéU😀');
    expect(doc.b).toBe('\0\x07\b\x1b\f\v\r\u0085\u00a0\u2028\u2029 ');
    expect(doc.c).toBe('# not a comment');
    expect(doc.d).toBe('');
  });

  test("single-quoted: '' is a quote, backslashes are literal", () => {
    expect(fast("a: 'it''s \\n'\nb: ''\n")).toEqual({ a: "it's \\n", b: '' });
  });

  test('quoted values keep their type: strings, never numbers or null', () => {
    const doc = fast('a: "80:80"\nb: \'1\'\nc: "null"\nd: "true"\n');
    expect(doc).toEqual({ a: '80:80', b: '1', c: 'null', d: 'true' });
    expect(pos(originOf(doc, 'a'))).toBe('1:4-1:11');
  });
});

describe('block collections', () => {
  test('nested mappings, sequences, compact mappings in sequences, sequences at the key column', () => {
    const doc = fast(
      [
        'services:',
        '  web:',
        '    image: nginx',
        '    ports:',
        '      - "80:80"',
        '      - 443',
        '    volumes:',
        '    - type: bind',
        '      source: ./a',
        '    -   type: volume',
        '        source: data',
        '    environment:',
        '      EMPTY:',
        '      ZERO: 0',
        '',
      ].join('\n'),
    );
    expect(doc).toEqual({
      services: {
        web: {
          image: 'nginx',
          ports: ['80:80', 443],
          volumes: [
            { type: 'bind', source: './a' },
            { type: 'volume', source: 'data' },
          ],
          environment: { EMPTY: null, ZERO: 0 },
        },
      },
    });
  });

  test('values written on the lines below their key or dash', () => {
    expect(fast('x: &x 1\na:\n  ["x", y]\nb:\n  plain\nc:\n  *x\n')).toEqual({ x: 1, a: ['x', 'y'], b: 'plain', c: 1 });
    expect(fast('s:\n  -\n    k: v\n  -\n    - nested\n')).toEqual({ s: [{ k: 'v' }, ['nested']] });
  });

  test('key, value and self origins', () => {
    const doc = fast('x:\n  a: 1\n  b: [2, 3]\n');
    expect(pos(selfOrigin(doc))).toBe('1:1-3:12');
    expect(pos(keyOriginOf(doc, 'x'))).toBe('1:1-1:2');
    expect(pos(originOf(doc, 'x'))).toBe('2:3-3:12'); // a mapping's slot origin is the mapping itself
    expect(pos(originOf(doc.x, 'a'))).toBe('2:6-2:7');
    expect(pos(originOf(doc.x.b, 1))).toBe('3:10-3:11');
    expect(pos(selfOrigin(doc.x.b))).toBe('3:6-3:12');
  });

  test('a mapping ends where the yaml package ends it: deeper comments belong to the last value', () => {
    // `# deeper` is indented past the inner keys: it extends the value `1`, so the inner mapping.
    const doc = fast('x:\n  a: 1\n    # deeper\n  # same\n# top\ny: 2\n');
    expect(pos(selfOrigin(doc.x))).toBe('2:3-4:1');
    // A comment at the inner keys' column is kept by the inner mapping when it closes (range[2]),
    // which becomes the end of the outer one when the inner mapping is its last value.
    const last = fast('x:\n  a:\n    b: 1\n    # at b\n');
    expect(pos(selfOrigin(last.x.a))).toBe('3:5-4:1');
    expect(pos(selfOrigin(last.x))).toBe('2:3-4:11');
    expect(pos(selfOrigin(last))).toBe('1:1-4:11');
  });

  test('a key ends at its last character, before spaces and the colon', () => {
    const doc = fast('plain  : 1\n"quoted" : 2\n');
    expect(pos(keyOriginOf(doc, 'plain'))).toBe('1:1-1:6');
    expect(pos(keyOriginOf(doc, 'quoted'))).toBe('2:1-2:9');
  });

  test('an empty value sits after the colon; a comment after it stretches the parent to the next token', () => {
    const doc = fast('networks:\n  front:\n  back:\n');
    expect(pos(originOf(doc.networks, 'back'))).toBe('3:8-3:8');
    expect(pos(selfOrigin(doc))).toBe('1:1-3:8');
    const commented = fast('n:\n  a:   # c\n  # d\nz: 1\n');
    expect(pos(originOf(commented.n, 'a'))).toBe('2:8-2:8');
    expect(pos(selfOrigin(commented.n))).toBe('2:3-4:1');
  });

  test('a document start line and leading comments are fine', () => {
    expect(fast('# header\n\n--- # start\nname: x\n')).toEqual({ name: 'x' });
  });

  test('__proto__ is an ordinary key', () => {
    const doc = fast('a: &a\n  __proto__: {polluted: 1}\nb:\n  <<: *a\n  __proto__: x\n');
    expect(Object.keys(doc.a)).toEqual(['__proto__']);
    expect(doc.b.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.a)).toBe(Object.prototype);
  });
});

describe('flow collections', () => {
  test('on one line, nested, with a trailing comma', () => {
    expect(fast('a: [1, "2", \'3\', x:y, [], {}]\nb: {k: v, "q": [1,], n: null}\n')).toEqual({
      a: [1, '2', '3', 'x:y', [], {}],
      b: { k: 'v', q: [1], n: null },
    });
  });

  test('over several lines, with comments', () => {
    const doc = fast('h:\n  test:\n    [\n      "CMD", # first\n      "curl",\n\n    ]\nc: ["a",\n  "b"]\n');
    expect(doc).toEqual({ h: { test: ['CMD', 'curl'] }, c: ['a', 'b'] });
    expect(pos(selfOrigin(doc.h.test))).toBe('3:5-7:6');
  });
});

describe('block scalars', () => {
  test('literal and folded, clip and strip', () => {
    const doc = fast(
      [
        'lit: |',
        '  line1',
        '    more',
        '',
        '  line3',
        '',
        'strip: |-',
        '  a',
        '  b',
        'fold: >',
        '  folded',
        '  text',
        '',
        '  para',
        '    indented',
        '  end',
        'foldstrip: >- # comment',
        '  x',
        '  y',
        'after: 1',
      ].join('\n'),
    );
    expect(doc).toEqual({
      lit: 'line1\n  more\n\nline3\n',
      strip: 'a\nb',
      fold: 'folded text\npara\n  indented\nend\n',
      foldstrip: 'x y',
      after: 1,
    });
    expect(pos(originOf(doc, 'lit'))).toBe('1:6-6:1');
    expect(pos(originOf(doc, 'strip'))).toBe('7:8-10:1');
  });

  test('in sequences, and lines that look like comments are content', () => {
    expect(fast('cmd:\n  - |\n    echo hi # not a comment\n  - x\n')).toEqual({ cmd: ['echo hi # not a comment\n', 'x'] });
  });
});

describe('anchors, aliases and merge keys', () => {
  test('aliases are fresh copies carrying the anchored origins; the slot keeps the alias origin', () => {
    const doc = fast('a: &a {k: [1, 2]}\nb: *a\nc: &s word\nd: *s\n');
    expect(doc.b).toEqual({ k: [1, 2] });
    expect(doc.b).not.toBe(doc.a);
    expect(doc.b.k).not.toBe(doc.a.k);
    expect(pos(originOf(doc, 'b'))).toBe('2:4-2:6');
    expect(pos(selfOrigin(doc.b))).toBe('1:7-1:18');
    expect(pos(originOf(doc.b.k, 0))).toBe('1:12-1:13');
    expect(doc.d).toBe('word');
    expect(pos(originOf(doc, 'd'))).toBe('4:4-4:6');
  });

  test('merge keys: explicit keys win wherever they are, then earlier sources', () => {
    const doc = fast(['x-a: &a {p: 1, q: 1}', 'x-b: &b', '  q: 2', '  r: 2', 's1:', '  p: 0', '  <<: [*a, *b]', 's2:', '  <<:', '    - *b', '    - *a', ''].join('\n'));
    expect(doc.s1).toEqual({ p: 0, q: 1, r: 2 });
    expect(doc.s2).toEqual({ q: 2, r: 2, p: 1 });
    expect(pos(originOf(doc.s1, 'q'))).toBe('1:19-1:20');
    expect(pos(keyOriginOf(doc.s1, 'r'))).toBe('4:3-4:4');
  });

  test('anchors inside anchors, redefined anchors', () => {
    const doc = fast('a: &x 1\nb: *x\nc: &y\n  i: &x 2\n  j: *x\nd: *x\ne: *y\n');
    expect(doc).toEqual({ a: 1, b: 1, c: { i: 2, j: 2 }, d: 2, e: { i: 2, j: 2 } });
    // Props inside flow collections are left to the slow path.
    expect(fastRead(src('a: {i: &x 2, j: *x}\n'))).toMatchObject({ outcome: 'declined', reason: 'a flow item starting with an indicator the reader does not take' });
  });
});

describe('merge tags', () => {
  test('!reset and !override on scalars, collections and empty values', () => {
    const doc = fast('s:\n  ports: !reset []\n  environment: !override\n    A: 1\n  image: !reset\n  cmd: !reset 5\n  x: !override "q"\n  l:\n    - !reset a\n');
    expect(doc.s).toEqual({ ports: [], environment: { A: 1 }, image: '', cmd: '5', x: 'q', l: ['a'] });
    expect(mergeTagOf(doc.s, 'ports')).toBe('reset');
    expect(mergeTagOf(doc.s, 'environment')).toBe('override');
    expect(mergeTagOf(doc.s, 'image')).toBe('reset');
    expect(mergeTagOf(doc.s.l, 0)).toBe('reset');
    expect(mergeTagOf(doc.s, 'x')).toBe('override');
  });
});

describe('outside the subset or doubtful: the fast path declines', () => {
  const declined: [string, string, string][] = [
    ['a tab used for indentation', 'a:\n\tb: 1\n', 'a tab or CR in indentation'],
    ['a duplicate key', 'a: 1\na: 2\n', 'a duplicate key'],
    ['a duplicate key after typing', '1: a\n"1": b\n', 'a duplicate key'],
    ['an unknown alias', 'a: *nope\n', 'an unknown alias'],
    ['an alias inside its own anchor', 'a: &x [*x]\n', 'an alias inside its own anchor'],
    ['an unclosed quote', 'a: "abc\n', 'a quoted scalar over several lines, or unclosed'],
    ['a multi-line quoted scalar', 'a: "abc\n  def"\n', 'a quoted scalar over several lines, or unclosed'],
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n', 'a flow collection line not indented deeper than its owner'],
    ['a complex key', '? a\n: b\n', 'a mapping key that is not a plain or quoted scalar'],
    ['a flow key', '[a]: b\n', 'a mapping key that is not a plain or quoted scalar'],
    ['another tag', 'a: !!str 1\n', 'a tag other than !reset and !override'],
    ['a custom tag', 'a: !Ref x\n', 'a tag other than !reset and !override'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'a directive or a document marker (several documents)'],
    ['a directive', '%YAML 1.2\n---\na: 1\n', 'a directive or a document marker (several documents)'],
    ['a document end marker', 'a: 1\n...\n', 'a directive or a document marker (several documents)'],
    ['a document end marker first', '... : x\n', 'a document end marker'],
    ['a sequence at the top', '- a\n', 'a top-level value that is not a block mapping'],
    ['a scalar at the top', 'just text\n', 'a line without `key:` in a mapping'],
    ['an empty document', '# only a comment\n', 'an empty document'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n', 'a CR (CRLF line ends)'],
    ['a byte order mark', '\ufeffa: 1\n', 'a byte order mark'],
    ['a mapping in a compact value', 'a: b: c\n', 'a mapping in a compact value (`a: b: c`)'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n', 'bad indentation, or a sequence entry among mapping keys'],
    ['an empty sequence item', 'a:\n  -\n  - b\n', 'an empty sequence entry'],
    ['keep chomping', 'a: |+\n  x\n', 'a block scalar header other than |, |-, >, >-'],
    ['an indentation indicator', 'a: |2\n   x\n', 'a block scalar header other than |, |-, >, >-'],
    ['an invalid escape', 'a: "\\q"\n', 'an invalid or line-break escape'],
    ['a comment glued to a quoted value', 'a: "b"#c\n', 'text right after a closing quote'],
    ['a merge of a sequence', 'a: &a [1]\nb:\n  <<: *a\n', 'a merge of something other than a mapping'],
    ['a dash before a flow indicator', 'a: [[], -]\n', 'a flow item starting with an indicator the reader does not take'],
    // The yaml lexer continues `text` onto `x` after that comment: `text x` becomes a key.
    ['a value below its key after a column-0 comment', 'k:\n#b\n  text\nx: 1\n', 'a comment line at or left of its key before a value below it'],
    ['deep nesting', Array.from({ length: 120 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n', 'nesting deeper than 100 levels'],
  ];
  test.each(declined)('%s', (_name, text, reason) => {
    expect(fastRead(src(text))).toMatchObject({ outcome: 'declined', reason });
  });

  test('whenever the yaml package reports an error, the fast path has declined', () => {
    for (const [, text] of declined) {
      if (parseWithYamlPackage(src(text)).errors.length) expect(verdict(src(text))).toBe('declined');
    }
  });
});

describe('alias expansion bound: the same as the slow path, to the node', () => {
  /** a (10 nodes) -> b (9 x a) -> c (9 x b) -> d (9 x c); `uses` aliases to d, `extra` aliases to a, `padding` plain items. */
  const nested = (uses: number, extra: number, padding: number) =>
    [
      `a: &a [${Array(9).fill('x').join(', ')}]`,
      `b: &b [${Array(9).fill('*a').join(', ')}]`,
      `c: &c [${Array(9).fill('*b').join(', ')}]`,
      `d: &d [${Array(9).fill('*c').join(', ')}]`,
      `e: [${Array(uses).fill('*d').join(', ')}]`,
      `f: [${Array(extra).fill('*a').join(', ')}]`,
      `g: [${Array(padding).fill('x').join(', ')}]`,
      '',
    ].join('\n');
  const slowAccepts = (text: string) => parseWithYamlPackage(src(text)).errors.length === 0;

  /** The first n in [lo, hi] where `ok` flips from `from` to !from (ok is monotone). */
  function flip(lo: number, hi: number, ok: (n: number) => boolean): number {
    const from = ok(lo);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(mid) === from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  test(`the ${MIN_ALIAS_EXPANSION}-node floor`, () => {
    const firstRefused = flip(0, 200, (n) => slowAccepts(nested(11, n, 0)));
    expect(slowAccepts(nested(11, firstRefused - 1, 0))).toBe(true);
    expect(verdict(src(nested(11, firstRefused - 1, 0)))).toBe('same');
    expect(verdict(src(nested(11, firstRefused, 0)))).toBe('declined');
  });

  test('the multiple of the nodes written', () => {
    const firstAccepted = flip(0, 20000, (n) => slowAccepts(nested(15, 0, n)));
    expect(firstAccepted).toBeGreaterThan(1000); // the floor is not what decides here
    expect(verdict(src(nested(15, 0, firstAccepted)))).toBe('same');
    expect(verdict(src(nested(15, 0, firstAccepted - 1)))).toBe('declined');
  });

  test('a billion laughs is declined', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    expect(fastRead(src(levels.join('\n') + '\n'))).toMatchObject({ outcome: 'declined', reason: 'aliases expand to more nodes than the limit' });
  });
});

// ---- differential suites ----

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

function generated(services: number, dirty: boolean): string {
  const args = [path.join(root, 'scripts', 'gen-compose.mjs'), String(services), ...(dirty ? ['--dirty'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

const WORDS = [
  'x',
  'nginx:1.2',
  '42',
  '-7',
  '0x1F',
  '0o17',
  '1e3',
  '1.',
  '.inf',
  '.NaN',
  '~',
  'Null',
  'True',
  'yes',
  '"dq\\t"',
  "'it''s'",
  '""',
  'a:b',
  'a b  c',
  '-x',
  'a#b',
  '"80:80"',
  '${V:-x}',
  '12345678901234567890',
];
const KEYS = ['a', 'b', 'image', '"q k"', "'s'", '1', 'true', 'null', '~', '__proto__', 'x y', '0x10', '1.50', 'a:b', 'a#b'];

/**
 * A random document from the supported constructs, with comments and blank lines at random
 * indentations between them (the part of the yaml package's ranges that is easiest to get wrong).
 */
function randomDocument(seed: number): string {
  const r = random(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const lines: string[] = [];
  const anchors: string[] = [];
  const mapAnchors: string[] = [];
  let anchorCount = 0;
  const trivia = (indent: number) => {
    while (r() < 0.25) lines.push(r() < 0.5 ? ' '.repeat(Math.floor(r() * (indent + 7))) + pick(['# c', '#c']) : ' '.repeat(Math.floor(r() * 4)));
  };
  const tail = () => (r() < 0.15 ? '  # t' : '');
  const flow = (owner: number): string[] => {
    const isMap = r() < 0.35;
    const items = Array.from({ length: Math.floor(r() * 4) }, (_, i) => {
      const v = anchors.length && r() < 0.1 ? '*' + pick(anchors) : pick(['a', '"b c"', '1', "'d'", 'x:y', '[]', '{k: v}']);
      return isMap ? `${pick(['k', '"q"', 'l' + i])}: ${v}` : v;
    });
    const [open, close] = isMap ? ['{', '}'] : ['[', ']'];
    if (r() < 0.7) return [open + items.join(', ') + close];
    const ind = ' '.repeat(owner + 1 + Math.floor(r() * 3));
    return [open, ...items.map((it) => `${ind}${it},${r() < 0.2 ? ' # c' : ''}`), ' '.repeat(owner + Math.floor(r() * 2)) + close];
  };
  const value = (prefix: string, owner: number, depth: number, inSeq: boolean) => {
    const k = r();
    let props = '';
    const anchor = r() < 0.12 ? 'n' + anchorCount++ : '';
    if (anchor) props += `&${anchor} `;
    if (r() < 0.08) props += pick(['!reset ', '!override ']);
    const head = `${prefix}${props ? ' ' + props.trim() : ''}`;
    if (k < 0.35 || depth > 3) {
      lines.push(`${prefix} ${props}${pick(WORDS)}${tail()}`);
      if (r() < 0.1) lines.push(' '.repeat(owner + 1 + Math.floor(r() * 3)) + 'more');
    } else if (k < 0.45) {
      lines.push(anchors.length && !props ? `${prefix} *${pick(anchors)}${tail()}` : head + tail());
    } else if (k < 0.65) {
      lines.push(head + tail());
      trivia(owner);
      map(owner + pick([1, 2, 2, 4]), depth + 1);
      if (anchor) mapAnchors.push(anchor);
    } else if (k < 0.8) {
      lines.push(head + tail());
      trivia(owner);
      seq(inSeq ? owner + 2 : owner + pick([0, 2, 2, 3]), depth + 1);
    } else if (k < 0.9) {
      const f = flow(owner);
      lines.push(`${prefix} ${props}${f[0]}`, ...f.slice(1));
    } else {
      const indent = ' '.repeat(owner + 1 + Math.floor(r() * 3));
      lines.push(`${prefix} ${pick(['|', '|-', '>', '>-'])}`);
      for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) lines.push(r() < 0.15 ? '' : r() < 0.2 ? `${indent}  more ${i}` : `${indent}text ${i}`);
    }
    if (anchor) anchors.push(anchor);
  };
  const map = (indent: number, depth: number, first?: string) => {
    for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) {
      trivia(indent);
      const pre = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      if (mapAnchors.length && r() < 0.1) lines.push(r() < 0.5 ? `${pre}<<: *${pick(mapAnchors)}` : `${pre}<<: [*${pick(mapAnchors)}, *${pick(mapAnchors)}]`);
      else value(`${pre}${pick(KEYS)}:`, indent, depth, false);
    }
  };
  const seq = (indent: number, depth: number) => {
    for (let i = 0, n = 1 + Math.floor(r() * 3); i < n; i++) {
      trivia(indent);
      if (depth < 4 && r() < 0.3) {
        const gap = pick([1, 1, 2]);
        map(indent + 1 + gap, depth + 1, ' '.repeat(indent) + '-' + ' '.repeat(gap));
      } else value(' '.repeat(indent) + '-', indent, depth, true);
    }
  };
  map(0, 0);
  trivia(0);
  return lines.join('\n') + (r() < 0.8 ? '\n' : '');
}

describe('the fast reader agrees with the yaml package path', () => {
  const rows: string[] = [];

  /** Compare on every file; returns how many the fast path accepted (and agreed on). */
  function compareAll(group: string, files: { name: string; text: string }[]): number {
    let accepted = 0;
    const failures: string[] = [];
    for (const f of files) {
      const v = verdict(makeSource(f.name, f.text));
      if (v === 'same') accepted++;
      else if (v !== 'declined') failures.push(`${f.name}:\n${v}\n--- text:\n${f.text.slice(0, 2000)}`);
    }
    rows.push(`${group}: fast path accepted ${accepted}/${files.length} (${((100 * accepted) / files.length).toFixed(0)}%)`);
    expect(failures.slice(0, 3)).toEqual([]);
    return accepted;
  }

  const read = (files: string[]) => files.map((f) => ({ name: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
  const fixtures = read(yamlFilesUnder(path.join(root, 'fixtures')));
  const withoutErrors = (files: { name: string; text: string }[]) => files.filter((f) => parseWithYamlPackage(makeSource(f.name, f.text)).errors.length === 0);

  test('every fixture; nearly every one without YAML errors is accepted', () => {
    expect(fixtures.length).toBeGreaterThan(50);
    compareAll('fixtures', fixtures);
    const valid = withoutErrors(fixtures);
    expect(valid.filter((f) => fastRead(makeSource(f.name, f.text)).outcome === 'read').length).toBeGreaterThanOrEqual(Math.ceil(valid.length * 0.9));
  });

  test('the corpus files in fixtures/fast-yaml: accepted, or declined for the construct SOURCES.tsv names', () => {
    const dir = path.join(root, 'fixtures', 'fast-yaml');
    const rows = fs
      .readFileSync(path.join(dir, 'SOURCES.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const outcomes = rows.map(([file, , , , , , exercises]) => {
      const r = fastRead(makeSource(file, fs.readFileSync(path.join(dir, file), 'utf8')));
      return [file, r.outcome === 'declined' ? `declined: ${r.reason}` : r.outcome, exercises.startsWith('declined') ? 'declined' : 'read'];
    });
    expect(outcomes.map(([file, outcome]) => [file, outcome.replace(/:.*/, '')])).toEqual(outcomes.map(([file, , expected]) => [file, expected]));
    expect(outcomes.filter(([, o]) => o.startsWith('declined')).map(([file, o]) => `${file}: ${o}`)).toEqual([
      'docker-kong-compose.yml: declined: a value starting with an indicator the reader does not take',
      'authelia-lite-compose.yml: declined: a directive or a document marker (several documents)',
      'calcom-docker-compose.yaml: declined: a CR (CRLF line ends)',
    ]);
  });

  test('generated files, all accepted', () => {
    const files = [50, 1000].flatMap((n) => [false, true].map((dirty) => ({ name: `gen-${n}${dirty ? '-dirty' : ''}`, text: generated(n, dirty) })));
    expect(compareAll('generated', files)).toBe(files.length);
  });

  test('mutated variants of fixtures and a generated file', () => {
    const bases = [...fixtures, { name: 'gen-50-dirty', text: generated(50, true) }];
    const variants = bases.flatMap((b, i) => mutations(b.text, 6, i + 1).map((m) => ({ name: `${b.name} (${m.name})`, text: m.text })));
    expect(variants.length).toBeGreaterThan(500);
    expect(compareAll('mutations', variants)).toBeGreaterThan(variants.length / 3);
  });

  test('random documents and mutated random documents', () => {
    const docs = Array.from({ length: 600 }, (_, i) => ({ name: `random #${i + 1}`, text: randomDocument(i + 1) }));
    const mutated = docs.flatMap((d, i) => mutations(d.text, 1, 10_000 + i).map((m) => ({ name: `${d.name} (${m.name})`, text: m.text })));
    expect(compareAll('random documents', docs)).toBeGreaterThan(docs.length / 3);
    compareAll('mutated random documents', mutated);
  });

  afterAll(() => {
    // How much the fast path takes on is its point: print it with the run.
    console.log(rows.join('\n'));
  });
});

describe('a decline or a crash of the fast path', () => {
  test('parseYaml falls back on a decline and says why (for --debug: line, column, reason)', () => {
    const source = src('a: 1\nb: !Ref x\n');
    const parsed = parseYaml(source);
    expect(parsed.documents).toEqual([{ a: 1, b: 'x' }]);
    expect(parsed.fallback).toEqual({ outcome: 'declined', reason: 'a tag other than !reset and !override', offset: 8 });
    expect(describeFallback(source, parsed.fallback!)).toBe('a.yml:2:4: the fast YAML reader declined (a tag other than !reset and !override); the yaml package read the file');
    expect(parseYaml(src('a: 1\n')).fallback).toBeUndefined();
  });

  describe('an exception inside the fast path (a bug)', () => {
    const saved = process.env[STRICT_FAST_YAML_ENV];
    beforeEach(() =>
      jest.spyOn(Builder.prototype, 'countNode').mockImplementation(() => {
        throw new TypeError('planted bug');
      }),
    );
    afterEach(() => {
      jest.restoreAllMocks();
      process.env[STRICT_FAST_YAML_ENV] = saved;
    });

    test('is a crash, not a decline', () => {
      expect(fastRead(src('a: 1\n'))).toEqual({ outcome: 'crashed', error: new TypeError('planted bug') });
      expect(() => verdict(src('a: 1\n'))).toThrow('planted bug');
    });

    test('tests run strict: parseYaml throws it', () => {
      expect(saved).toBe('strict'); // set by jest.config.js for every test
      expect(() => parseYaml(src('a: 1\n'))).toThrow('planted bug');
    });

    test('in production the yaml package reads the file, and --debug reports the crash', () => {
      delete process.env[STRICT_FAST_YAML_ENV];
      const parsed = parseYaml(src('a: 1\n'));
      expect(parsed.documents).toEqual([{ a: 1 }]);
      expect(describeFallback(parsed.source, parsed.fallback!)).toBe('a.yml: the fast YAML reader crashed (TypeError: planted bug), a bug to report; the yaml package read the file');
      const lines: string[] = [];
      lintSync({ cwd: root, text: { path: 'compose.yaml', content: 'services:\n  web:\n    image: nginx:1.27\n' }, onDebug: (l) => lines.push(l), config: false });
      // Text given through the API (or stdin) is read as <stdin>, before it is named.
      expect(lines.filter((l) => l.includes('fast YAML'))).toEqual(['<stdin>: the fast YAML reader crashed (TypeError: planted bug), a bug to report; the yaml package read the file']);
    });
  });

  test('--debug names the declined file and where', () => {
    const lines: string[] = [];
    lintSync({ cwd: path.join(root, 'fixtures', 'fast-yaml'), targets: ['calcom-docker-compose.yaml'], onDebug: (l) => lines.push(l), config: false });
    expect(lines.filter((l) => l.includes('calcom') && l.includes('fast YAML'))).toEqual([
      'calcom-docker-compose.yaml:1:49: the fast YAML reader declined (a CR (CRLF line ends)); the yaml package read the file',
    ]);
  });
});
