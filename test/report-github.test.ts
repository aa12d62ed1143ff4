import { loadFormatter } from '../src/report';
import { ANNOTATIONS_PER_KIND, escapeData, escapeProperty } from '../src/report/github';
import type { FormatContext } from '../src/report/types';
import type { Severity } from '../src/types';
import { finding } from './report-fixture';

const github = loadFormatter('github');
const ctx: FormatContext = { cwd: '/w', version: '0.0.0', rules: [], color: false, files: [] };

test('escapes like actions/toolkit: data vs. properties', () => {
  expect(escapeData('100%\r\nok: a,b')).toBe('100%25%0D%0Aok: a,b');
  expect(escapeProperty('100%\r\nok: a,b')).toBe('100%25%0D%0Aok%3A a%2Cb');
  // `%` first, so an escape sequence in the input is not decoded back by GitHub
  expect(escapeData('%0A')).toBe('%250A');
});

test('maps severities to error/warning/notice commands with the full region', () => {
  const out = github(
    [
      finding({ severity: 'error', file: '/w/d,1/a:b.yml', line: 2, column: 3, endLine: 4, endColumn: 5, rule: 'r', message: 'x:\ny' }),
      finding({ severity: 'warning', rule: 's' }),
      finding({ severity: 'info', rule: 't', message: '50%' }),
    ],
    ctx,
  );
  expect(out).toBe(
    '::error file=d%2C1/a%3Ab.yml,line=2,col=3,endLine=4,endColumn=5,title=r::x:%0Ay\n' +
      '::warning file=compose.yaml,line=1,col=1,endLine=1,endColumn=8,title=s::top-level `version` is obsolete\n' +
      '::notice file=compose.yaml,line=1,col=1,endLine=1,endColumn=8,title=t::50%25\n',
  );
  expect(github([], ctx)).toBe('');
});

describe('annotation limit note', () => {
  const many = (severity: Severity, n: number) => Array.from({ length: n }, (_, i) => finding({ severity, line: i + 1 }));
  const NOTE =
    'compose-lint: 31 findings, but GitHub shows only the first 10 annotations of each kind per step. ' +
    'To see the rest, upload --format sarif to code scanning, or use --format compact with the compose-lint ' +
    'problem matcher (every finding is printed in the log).\n';

  test('is absent while every kind fits (10 errors, 10 warnings, 10 notices)', () => {
    expect(ANNOTATIONS_PER_KIND).toBe(10);
    const out = github([...many('error', 10), ...many('warning', 10), ...many('info', 10)], ctx);
    expect(out.split('\n').filter(Boolean)).toHaveLength(30);
    expect(out).not.toContain('compose-lint:');
  });

  test.each<Severity>(['error', 'warning', 'info'])('ends the output once when one kind has 11 (%s)', (severity) => {
    const rest = (['error', 'warning', 'info'] as Severity[]).filter((s) => s !== severity);
    const out = github([...many(severity, 11), ...many(rest[0], 10), ...many(rest[1], 10)], ctx);
    const lines = out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(32);
    expect(lines.slice(0, 31).every((l) => l.startsWith('::'))).toBe(true);
    expect(out.endsWith(NOTE)).toBe(true);
  });
});

test('control characters show as U+FFFD in the file and the message; line breaks stay escaped', () => {
  const out = github([finding({ severity: 'error', file: '/w/a\x1bb.yml', rule: 'r', message: 'x\x1b[31my\u0085\tz\r\nw' })], ctx);
  expect(out).toBe('::error file=a\uFFFDb.yml,line=1,col=1,endLine=1,endColumn=8,title=r::x\uFFFD[31my\uFFFD\tz%0D%0Aw\n');
});

test('stdin without --stdin-filename: an annotation with no file or position, only the title', () => {
  const out = github([finding({ severity: 'warning', file: '<stdin>', rule: 'r', message: 'm, n: 1%' })], ctx);
  expect(out).toBe('::warning title=r::m, n: 1%25\n');
});
