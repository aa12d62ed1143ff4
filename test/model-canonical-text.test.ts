/** The Go encodings `config` imitates: yaml.v3 scalars and key order, encoding/json, go-shellwords, durations, byte sizes. */
import { goMap, toGoJson, toGoYaml, yamlKeyLess } from '../src/model/canonical-text';
import { goDuration, parseDuration, ramInBytes, shellWords } from '../src/model/go-values';

describe('yaml.v3 scalars', () => {
  test.each([
    ['plain', 'nginx:1.25', 'nginx:1.25'],
    ['a number', '8080', '"8080"'],
    ['a float', '1.5', '"1.5"'],
    ['a YAML 1.1 boolean', 'yes', '"yes"'],
    ['true', 'true', '"true"'],
    ['empty', '', '""'],
    ['null', 'null', '"null"'],
    ['base 60', '12:30', '"12:30"'],
    ['a date', '2024-01-31', '"2024-01-31"'],
    ['": " inside', 'a: b', "'a: b'"],
    ['a leading *', '*.js', "'*.js'"],
    ['a quote inside single quotes', "it's: x", "'it''s: x'"],
    ['" #" inside', 'a #b', "'a #b'"],
    ['a tab', 'a\tb', '"a\\tb"'],
    ['a leading dash and space', '- x', "'- x'"],
    ['a dash option', '--port', '--port'],
    ['several lines', 'a\nb', '|-\n    a\n    b'],
    ['several lines ending in a newline', 'a\nb\n', '|\n    a\n    b'],
  ])('%s', (_name, value, printed) => {
    expect(toGoYaml({ k: { v: value } })).toBe(`k:\n  v: ${printed}\n`);
  });

  test('sequences indent under their key; maps in sequences share the dash; empty containers inline', () => {
    expect(toGoYaml({ a: [{ x: 1, z: [true] }, 'b'], e: {}, l: [], v: null })).toBe('a:\n  - x: 1\n    z:\n      - true\n  - b\ne: {}\nl: []\nv: null\n');
  });

  test('keys are quoted by the same rules (a YAML 1.1 boolean key such as `y`)', () => {
    expect(toGoYaml(goMap({ y: 1, '8080': 2 }))).toBe('"8080": 2\n"y": 1\n');
  });
});

describe('key order', () => {
  test.each([
    ['a2', 'a10'],
    ['a_b', 'ab'],
    ['B', 'a'],
    ['web', 'web1'],
    ['x9', 'xa'],
  ])('%s before %s', (a, b) => {
    expect(yamlKeyLess(a, b)).toBe(true);
    expect(yamlKeyLess(b, a)).toBe(false);
  });

  test('Go maps sort (yaml.v3 order in YAML, byte order in JSON); structs keep field order', () => {
    const doc = { z: 1, m: goMap({ a10: 1, a2: 2 }) };
    expect(toGoYaml(doc)).toBe('z: 1\nm:\n  a2: 2\n  a10: 1\n');
    expect(toGoJson(doc)).toBe('{\n  "z": 1,\n  "m": {\n    "a10": 1,\n    "a2": 2\n  }\n}');
  });

  test('JSON escapes HTML characters as Go does', () => {
    expect(toGoJson({ t: 'a<b>&"c"\n' })).toBe('{\n  "t": "a\\u003cb\\u003e\\u0026\\"c\\"\\n"\n}');
  });
});

describe('go-shellwords', () => {
  test.each([
    ['npm start', ['npm', 'start']],
    ['sh -c "echo a b"', ['sh', '-c', 'echo a b']],
    ['echo \'it is\' \\"x\\"', ['echo', 'it is', '"x"']],
    ['a  \t b', ['a', 'b']],
    ['echo a && echo b', ['echo', 'a']],
    ['run 2>/dev/null', ['run']],
    ['echo "a;b"', ['echo', 'a;b']],
    ['echo $(date)', ['echo', '$(date)']],
    ['""', ['']],
  ])('%s', (line, words) => {
    expect(shellWords(line)).toEqual(words);
  });
  test.each(['echo "open', "it's", 'a (b)'])('%s is an error', (line) => {
    expect(shellWords(line)).toBeUndefined();
  });
});

describe('durations and byte sizes', () => {
  test.each([
    ['90s', '1m30s'],
    ['1m', '1m0s'],
    ['1h', '1h0m0s'],
    ['1.5s', '1.5s'],
    ['500ms', '500ms'],
    ['2d', '48h0m0s'],
    ['0', '0s'],
  ])('%s prints as %s', (text, printed) => {
    expect(goDuration(parseDuration(text) as number)).toBe(printed);
  });
  test('an invalid duration', () => {
    expect(parseDuration('5 seconds')).toBeUndefined();
  });
  test.each([
    ['512m', 536870912],
    ['1g', 1073741824],
    ['1.5k', 1536],
    ['256M', 268435456],
    ['100', 100],
    ['1GiB', 1073741824],
  ])('%s is %d bytes', (text, n) => {
    expect(ramInBytes(text)).toBe(n);
  });
  test('an invalid size', () => {
    expect(ramInBytes('1x')).toBeUndefined();
  });
  test('blanks around the number and unit are allowed, and 300k of them are read in one pass (issue 14)', () => {
    expect(ramInBytes(' 512 m ')).toBe(536870912);
    expect(ramInBytes(`1${' '.repeat(300_000)}x`)).toBeUndefined();
  });
});
