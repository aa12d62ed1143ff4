/** src/util/glob.ts: the same verdict as tinyglobby's isDynamicPattern, which it loads only when needed. */
import { isDynamicPattern } from 'tinyglobby';
import { isGlobPattern } from '../src/util/glob';

const PATTERNS = [
  'compose.yaml',
  'deploy/compose.prod.yml',
  'dir with spaces/compose.yaml',
  'a+b/compose.yaml',
  'user@host/compose.yaml',
  '*.yaml',
  'deploy/**/compose*.yaml',
  'compose.?.yaml',
  'compose.[ab].yaml',
  'compose.{dev,prod}.yaml',
  '@(a|b)/compose.yaml',
  '+(a)/compose.yaml',
  '!compose.yaml',
  'a(b)c.yaml',
];

test.each(PATTERNS)('%j: as tinyglobby says', (p) => {
  expect(isGlobPattern(p)).toBe(isDynamicPattern(p));
});

test('the first five (plain paths) are not globs, the rest are', () => {
  expect(PATTERNS.filter((p) => !isGlobPattern(p))).toEqual(PATTERNS.slice(0, 5));
});
