import { isHostPath, parseShortVolume, ShortVolume } from '../src/model/volume-spec';

const v = (source: string, target: string, options: string[] = [], readOnly = false, extra: Partial<ShortVolume> = {}): ShortVolume => ({
  source,
  target,
  options,
  readOnly,
  type: isHostPath(source) ? 'bind' : 'volume',
  ...extra,
});

/** Exact splits, after compose-go format/volume.go ParseVolume and its tests (volume_test.go). */
const CASES: [string, ShortVolume][] = [
  ['/data', v('', '/data')],
  ['db:/var/lib/db', v('db', '/var/lib/db')],
  ['./src:/app:ro', v('./src', '/app', ['ro'], true)],
  ['/etc:/etc:ro,z', v('/etc', '/etc', ['ro', 'z'], true)],
  ['/a:/a:ro,rw', v('/a', '/a', ['ro', 'rw'], false)],
  ['/a:/a:rw,ro', v('/a', '/a', ['rw', 'ro'], true)],
  ['/a:/a:RO', v('/a', '/a', ['RO'], false)],
  ['/a:/a:nocopy,rshared', v('/a', '/a', ['nocopy', 'rshared'], false, { propagation: 'rshared' })],
  // The last propagation option wins (compose-go setBindOption overwrites Bind.Propagation); options match exactly.
  ['/a:/a:rshared,z,rprivate', v('/a', '/a', ['rshared', 'z', 'rprivate'], false, { propagation: 'rprivate' })],
  ['/a:/a:ro, rshared,RSLAVE', v('/a', '/a', ['ro', ' rshared', 'RSLAVE'], true)],
  ['~/x:/x', v('~/x', '/x', [], false, { type: 'bind' })],
  ['C:\\data:/data', v('C:\\data', '/data', [], false, { type: 'bind' })],
  ['c:/data:d:/data:ro', v('c:/data', 'd:/data', ['ro'], true, { type: 'bind' })],
  ['\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine', v('\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\docker_engine', [], false, { type: 'bind' })],
  ['c:', v('', 'c:')],
  ['ab', v('', 'ab')],
  ['', v('', '', [], false, { error: 'invalid empty volume spec' })],
  ['./a:/a:ro:z', v('./a', '/a', ['ro'], true, { error: 'too many colons' })],
  ['./b::/b', v('./b', '', ['/b'], false, { error: 'empty section between colons' })],
  // `${...}` is opaque, nested too (compose-go#830): the merge reads specs before interpolation, and a
  // literal `${` (written `$${`) is still one after it. The copies disagreed: only the merge's own reader knew this.
  ['${HOME:-/h}:/home', v('${HOME:-/h}', '/home')],
  ['./${DIR:?no dir}/:/data:ro', v('./${DIR:?no dir}/', '/data', ['ro'], true)],
  ['${A:-${B:-c:d}}:/b', v('${A:-${B:-c:d}}', '/b')],
  ['${T:-12:30}', v('', '${T:-12:30}')],
  // A `${` open to the end: compose-go never reads the last section.
  ['/a:${X:-b', v('/a', '')],
  ['${X:-a:b', v('', '')],
  // A drive letter is one code point (compose-go counts runes), even outside the BMP.
  ['\u{1D400}:\\data:/data', v('\u{1D400}:\\data', '/data', [], false, { type: 'bind' })],
];

describe('parseShortVolume', () => {
  test.each(CASES)('%s', (spec, expected) => {
    expect(parseShortVolume(spec)).toEqual(expected);
  });
});

describe('isHostPath (compose-go isFilePath)', () => {
  test.each([
    ['./a', true],
    ['../a', true],
    ['/a', true],
    ['~', true],
    ['\\\\server\\share', true],
    ['C:\\a', true],
    ['é:/a', true],
    ['data', false],
    ['', false],
    ['c', false],
    ['ab:/x', false],
  ])('%s: %s', (source, expected) => {
    expect(isHostPath(source)).toBe(expected);
  });
});
