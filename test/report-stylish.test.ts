import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { finding } from './report-fixture';

const stylish = loadFormatter('stylish');
const ctx: FormatContext = { cwd: '/p', version: '0.0.0', rules: [], color: false, files: ['/p/compose.yaml'] };

test('prints nothing at all without findings, even with colour on', () => {
  expect(stylish([], ctx)).toBe('');
  expect(stylish([], { ...ctx, color: true })).toBe('');
});

test('aligns the columns within a file and pluralises the summary', () => {
  const out = stylish(
    [
      finding({ line: 1, column: 1, severity: 'error', message: 'short', rule: 'a' }),
      finding({ line: 10, column: 12, severity: 'info', message: 'a longer one', rule: 'b-rule' }),
    ],
    ctx,
  );
  expect(out).toBe(
    'compose.yaml\n' +
      '  1:1    error  short         a\n' +
      '  10:12  info   a longer one  b-rule\n' +
      '\n' +
      '\u2716 2 problems (1 error, 0 warnings, 1 info)\n',
  );
});

test('folds a multi-line message onto its row', () => {
  const out = stylish([finding({ message: 'first:\n  second\r\n  third' })], ctx);
  expect(out.split('\n')[1]).toBe('  1:1  warning  first: second third  no-version');
});

test('colours only when ctx.color; the summary takes the worst severity colour', () => {
  expect(stylish([finding()], ctx)).not.toContain('\x1b[');
  const out = stylish([finding({ severity: 'warning' })], { ...ctx, color: true });
  expect(out).toBe(
    '\x1b[4mcompose.yaml\x1b[0m\n' +
      '  \x1b[2m1:1\x1b[0m  \x1b[33mwarning\x1b[0m  top-level `version` is obsolete  \x1b[2mno-version\x1b[0m\n' +
      '\n' +
      '\x1b[1;33m\u2716 1 problem (0 errors, 1 warning, 0 infos)\x1b[0m\n',
  );
});
