import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { finding } from './report-fixture';

const compact = loadFormatter('compact');
const ctx: FormatContext = { cwd: '/p', version: '0.0.0', rules: [], color: true, files: [] };

test('one line per finding, path relative to cwd, never coloured, messages folded', () => {
  const out = compact(
    [
      finding({ file: '/p/a b/compose.prod.yml', line: 3, column: 9, severity: 'error', message: 'x:\n  y', rule: 'r' }),
      finding({ file: 'compose.yaml', line: 12, column: 2, severity: 'info', message: 'list [1, 2]', rule: 's' }),
    ],
    ctx,
  );
  expect(out).toBe('a b/compose.prod.yml:3:9: error: x: y [r]\ncompose.yaml:12:2: info: list [1, 2] [s]\n');
  expect(compact([], ctx)).toBe('');
});

test('a lone CR, CRLF and LF all fold to one space, with the spaces and tabs around them', () => {
  const out = compact([finding({ message: 'a \rb\t\r\n\r\n c\n \td  \ne', rule: 'r' })], ctx);
  expect(out).toBe('compose.yaml:1:1: warning: a b c d e [r]\n');
  expect(compact([finding({ message: `x${' '.repeat(200_000)}y`, rule: 'r' })], ctx)).toBe(`compose.yaml:1:1: warning: x${' '.repeat(200_000)}y [r]\n`);
});

test('control characters in messages and file names show as U+FFFD, tab kept (line breaks fold first)', () => {
  const out = compact([finding({ file: '/p/a\x1bb\r.yml', message: 'name "a\x01b\x1b[31mred\u0085\u009f"\tx\ny', rule: 'r' })], ctx);
  expect(Buffer.from(out, 'utf8')).toEqual(Buffer.from('a\uFFFDb\uFFFD.yml:1:1: warning: name "a\uFFFDb\uFFFD[31mred\uFFFD\uFFFD"\tx y [r]\n', 'utf8'));
});
