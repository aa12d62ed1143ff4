import { displayPath, isOutside, pathInside, relativePath } from '../src/util/display-path';

/** What pathInside must answer: path.relative's result, as the slow path computes it. */
const slow = (base: string, file: string): string | undefined => {
  const rel = relativePath(base, file);
  return isOutside(rel) ? undefined : rel;
};

describe('pathInside', () => {
  // [base, file, expected]: the first rows take the fast path (a normalized absolute path under
  // base); the others need path.relative's normalizing and must give the same answers as it.
  test.each([
    ['/work/p', '/work/p/compose.yaml', 'compose.yaml'],
    ['/work/p', '/work/p/a/b/compose.yaml', 'a/b/compose.yaml'],
    ['/work/p', '/work/p/.env', '.env'],
    ['/work/p', '/work/p/.../x', '.../x'],
    ['/work/p', '/work/p/..x/y', '..x/y'],
    ['/work/p', '/work/pp/compose.yaml', undefined],
    ['/work/p', '/work/p', ''],
    ['/work/p', '/work/p/', ''],
    ['/work/p', '/work/p/./a', 'a'],
    ['/work/p', '/work/p//a', 'a'],
    ['/work/p', '/work/p/a/../b', 'b'],
    ['/work/p', '/work/p/a/.', 'a'],
    ['/work/p', '/work/p/a/..', ''],
    ['/work/p', '/work/p/..', undefined],
    ['/work/p', '/work/p/../q/a', undefined],
    ['/work/p', '/work', undefined],
    ['/work/p', 'a/b.yaml', 'a/b.yaml'],
    ['/work/p', '../q/b.yaml', undefined],
    ['/work/p/', '/work/p/a', 'a'],
    ['/work/p/', '/work/p/ab', 'ab'],
    ['/', '/etc/hosts', 'etc/hosts'],
  ])('%s + %s -> %s', (base, file, expected) => {
    expect(pathInside(base, file)).toBe(expected);
    expect(pathInside(base, file)).toBe(slow(base, file));
  });
});

describe('pathInside: the fast path', () => {
  afterEach(() => jest.restoreAllMocks());
  test.each([
    ['/work/p', '/work/p/a/b/compose.yaml', false],
    ['/work/p', '/work/p/.env', false],
    ['/work/p', '/work/p/.../x', false],
    ['/work/p', '/work/p/./a', true],
    ['/work/p', '/work/p//a', true],
    ['/work/p', '/work/p/a/..', true],
    ['/work/p', '/work/p', true],
    ['/work/p/', '/work/p/a', true],
    ['/', '/etc/hosts', true],
  ])('%s + %s: path.relative called: %s', (base, file, called) => {
    // The module object itself: display-path reads `relative` from it at each call.
    const relative = jest.spyOn(jest.requireActual<typeof import('path')>('path'), 'relative');
    pathInside(base, file);
    expect(relative.mock.calls.length > 0).toBe(called);
  });
});

describe('displayPath', () => {
  test.each([
    ['/work/p', '-', '<stdin>'],
    ['/work/p', '/work/p/compose.yaml', 'compose.yaml'],
    ['/work/p', '/work/p/sub/compose.yaml', 'sub/compose.yaml'],
    ['/work/p', '/work/q/compose.yaml', '/work/q/compose.yaml'],
    ['/work/p', '/work/pp/compose.yaml', '/work/pp/compose.yaml'],
    ['/work/p', '/work/p', '/work/p'],
  ])('cwd %s, %s -> %s', (cwd, abs, shown) => {
    expect(displayPath(cwd, abs)).toBe(shown);
  });
});
