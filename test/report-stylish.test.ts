import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { finding } from './report-fixture';

const stylish = loadFormatter('stylish');
const ctx: FormatContext = { cwd: '/p', version: '0.0.0', rules: [], color: false, files: ['/p/compose.yaml'] };

test('prints nothing at all without findings, even with colour on', () => {
  expect(stylish([], ctx)).toBe('');
  expect(stylish([], { ...ctx, color: true })).toBe('');
});

test('aligns the columns within a file; the summary counts only the severities that occur', () => {
  const out = stylish(
    [finding({ line: 1, column: 1, severity: 'error', message: 'short', rule: 'a' }), finding({ line: 10, column: 12, severity: 'info', message: 'a longer one', rule: 'b-rule' })],
    ctx,
  );
  expect(out).toBe('compose.yaml\n' + '  1:1    error  short         a\n' + '  10:12  info   a longer one  b-rule\n' + '\n' + '\u2716 2 problems (1 error, 1 info)\n');
});

test('folds a multi-line message onto its row', () => {
  const out = stylish([finding({ message: 'first:\n  second\r\n  third' })], ctx);
  expect(out.split('\n')[1]).toBe('  1:1  warning  first: second third  no-version');
});

test('colours only when ctx.color; the summary takes the worst severity colour', () => {
  expect(stylish([finding()], ctx)).not.toContain('\x1b[');
  const out = stylish([finding({ severity: 'warning' })], { ...ctx, color: true });
  expect(out).toBe(
    '\x1b[4mcompose.yaml\x1b[24m\n' +
      '  \x1b[2m1:1\x1b[22m  \x1b[33mwarning\x1b[39m  top-level `version` is obsolete  \x1b[2mno-version\x1b[22m\n' +
      '\n' +
      '\x1b[1m\x1b[33m\u2716 1 problem (1 warning)\x1b[39m\x1b[22m\n',
  );
});

describe('terminal width', () => {
  const long = 'the quick brown fox jumps over the lazy dog and keeps running far beyond the edge';
  const rows = [finding({ line: 3, column: 5, severity: 'error', message: long, rule: 'some-rule' })];

  test('without a width (piped) a long message stays on one line', () => {
    expect(stylish(rows, ctx).split('\n')[1]).toBe(`  3:5  error  ${long}  some-rule`);
  });

  test('with a width (a TTY) the message wraps under its column and the rule stays on the first line', () => {
    expect(stylish(rows, { ...ctx, width: 60 })).toBe(
      'compose.yaml\n' +
        '  3:5  error  the quick brown fox jumps over the   some-rule\n' +
        '              lazy dog and keeps running far\n' +
        '              beyond the edge\n' +
        '\n' +
        '\u2716 1 problem (1 error)\n',
    );
    for (const line of stylish(rows, { ...ctx, width: 60 }).split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  test('a terminal too narrow for a useful column leaves the line whole', () => {
    expect(stylish(rows, { ...ctx, width: 30 }).split('\n')[1]).toBe(`  3:5  error  ${long}  some-rule`);
  });

  test('a word longer than the column is cut', () => {
    const out = stylish([finding({ message: 'x'.repeat(50), rule: 'r' })], { ...ctx, width: 40 });
    expect(out.split('\n').slice(1, 4)).toEqual(['  1:1  warning  ' + 'x'.repeat(21) + '  r', '                ' + 'x'.repeat(21), '                ' + 'x'.repeat(8)]);
  });
});

test('folds a lone CR like LF, with the spaces around the break (issue 14)', () => {
  const out = stylish([finding({ message: 'first: \t\rsecond \r\r  third\n' })], ctx);
  expect(out.split('\n')[1]).toBe('  1:1  warning  first: second third   no-version');
});

test('a message of 200k spaces is printed as written, and does not widen the other rows of its file (issue 14)', () => {
  const huge = `${' '.repeat(200_000)}b`;
  const out = stylish([finding({ message: 'short', rule: 'a' }), finding({ line: 2, message: huge, rule: 'b' })], ctx);
  const lines = out.split('\n');
  expect(lines[1]).toBe('  1:1  warning  short  a');
  expect(lines[2]).toBe(`  2:1  warning  ${huge}  b`);
  // Below the limit, the longest message still sets the column.
  const long = 'x'.repeat(1000);
  expect(stylish([finding({ message: 'short', rule: 'a' }), finding({ message: long, rule: 'b' })], ctx).split('\n')[1]).toBe(`  1:1  warning  ${'short'.padEnd(1000)}  a`);
});

test('200k findings in one file are aligned without spreading them into Math.max', () => {
  const many = Array.from({ length: 200_000 }, (_, i) => finding({ line: i + 1, message: i === 199_999 ? 'the longest' : 'm' }));
  const lines = stylish(many, ctx).split('\n');
  expect(lines[1]).toBe('  1:1       warning  m            no-version');
  expect(lines[200_000]).toBe('  200000:1  warning  the longest  no-version');
});

test('on a terminal, a 200k-character message wraps in linear time and the other rows keep their width', () => {
  const out = stylish([finding({ message: 'short', rule: 'a' }), finding({ line: 2, message: `${' '.repeat(200_000)}b${'x'.repeat(100_000)}`, rule: 'b' })], { ...ctx, width: 60 });
  const lines = out.split('\n');
  expect(lines[1]).toBe(`  1:1  warning  ${'short'.padEnd(41)}  a`);
  expect(lines[2]).toBe(`  2:1  warning  b${'x'.repeat(40)}  b`);
  expect(lines[3]).toBe(`${' '.repeat(16)}${'x'.repeat(41)}`);
  expect(lines).toHaveLength(2 + Math.ceil(100_001 / 41) + 3);
});

test('control characters in messages and file names show as U+FFFD, tab kept; the colours are ours only', () => {
  const message = 'network "a\x01b\x1b[31mred\x7f\u0085\u009b2J\tend"';
  const out = stylish([finding({ file: '/p/x\x1b]0;t\x07.yml', message, rule: 'r' })], { ...ctx, color: true });
  expect(out).toBe(
    '\x1b[4mx\uFFFD]0;t\uFFFD.yml\x1b[24m\n' +
      '  \x1b[2m1:1\x1b[22m  \x1b[33mwarning\x1b[39m  network "a\uFFFDb\uFFFD[31mred\uFFFD\uFFFD\uFFFD2J\tend"  \x1b[2mr\x1b[22m\n' +
      '\n' +
      '\x1b[1m\x1b[33m\u2716 1 problem (1 warning)\x1b[39m\x1b[22m\n',
  );
});
