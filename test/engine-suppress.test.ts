/** Suppression comments: every form, reasons, override files, and unused-disable. */
import { lintSync, LintOptions } from '../src/api';
import { parseDirectives } from '../src/engine/suppress';
import { makeSource } from '../src/model/source';
import unusedDisable from '../rules/unused-disable';
import obsoleteVersion from '../rules/obsolete-version';
import interpolation from '../rules/interpolation';
import unresolvedHostname from '../rules/unresolved-hostname';
import noDeprecatedLinks from '../rules/no-deprecated-links';
import { makeTree, probeRule } from './engine-helpers';

const RULES = [probeRule('p-one', 'warning'), probeRule('p-two', 'error'), obsoleteVersion, unusedDisable];

function lint(files: Record<string, string>, o: LintOptions = {}) {
  const r = lintSync({ rules: RULES, env: {}, config: false, cwd: makeTree(files), ...o });
  return {
    findings: r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}${f.rule === 'unused-disable' ? ` ${f.message}` : ` ${f.service}`}`),
    suppressed: r.suppressed.map((f) => `${f.file}:${f.line} ${f.rule} ${f.service} <- ${f.suppression.kind} ${f.suppression.file}:${f.suppression.line} ${f.suppression.reason ?? '(no reason)'}`),
  };
}

describe('directive forms', () => {
  const COMPOSE = [
    'services:',
    '  # compose-lint-disable-next-line p-one -- known and accepted',
    '  a:',
    '    image: x',
    '  b: # compose-lint-disable-line',
    '    image: x',
    '  # compose-lint-disable p-two -- migrating',
    '  c:',
    '    image: x',
    '  # compose-lint-enable p-two',
    '  d:',
    '    image: "x # compose-lint-disable-line"',
    '    command: |',
    '      # compose-lint-disable-file',
    '',
  ].join('\n');

  test('next-line, line, disable/enable blocks; text inside strings and block scalars is not a directive', () => {
    expect(lint({ 'compose.yaml': COMPOSE })).toEqual({
      findings: ['compose.yaml:3:3 error p-two a', 'compose.yaml:8:3 warning p-one c', 'compose.yaml:11:3 warning p-one d', 'compose.yaml:11:3 error p-two d'],
      suppressed: [
        'compose.yaml:3 p-one a <- directive compose.yaml:2 known and accepted',
        'compose.yaml:5 p-one b <- directive compose.yaml:5 (no reason)',
        'compose.yaml:5 p-two b <- directive compose.yaml:5 (no reason)',
        'compose.yaml:8 p-two c <- directive compose.yaml:7 migrating',
      ],
    });
  });

  test('disable of every rule, with one rule enabled again inside it', () => {
    const text = 'services:\n  # compose-lint-disable -- generated file\n  a:\n    image: x\n  # compose-lint-enable p-one\n  b:\n    image: x\n  # compose-lint-enable\n  c:\n    image: x\n';
    expect(lint({ 'compose.yaml': text }).findings).toEqual(['compose.yaml:6:3 warning p-one b', 'compose.yaml:9:3 warning p-one c', 'compose.yaml:9:3 error p-two c']);
  });

  test('disable-file applies to the whole file wherever it is written', () => {
    const text = 'services:\n  a:\n    image: x\n  b:\n    image: x\n# compose-lint-disable-file p-two, p-one -- vendored\n';
    const r = lint({ 'compose.yaml': text });
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toEqual([
      'compose.yaml:2 p-one a <- directive compose.yaml:6 vendored',
      'compose.yaml:2 p-two a <- directive compose.yaml:6 vendored',
      'compose.yaml:4 p-one b <- directive compose.yaml:6 vendored',
      'compose.yaml:4 p-two b <- directive compose.yaml:6 vendored',
    ]);
  });

  test('between a line directive and a disable-file one, the first in file order gives the reason', () => {
    const fileFirst = '# compose-lint-disable-file p-one -- file wide\nservices:\n  a: # compose-lint-disable-line p-one -- line\n    image: x\n';
    expect(lint({ 'compose.yaml': fileFirst }).suppressed).toEqual(['compose.yaml:3 p-one a <- directive compose.yaml:1 file wide']);
    const lineFirst = 'services:\n  a: # compose-lint-disable-line p-one -- line\n    image: x\n# compose-lint-disable-file p-one -- file wide\n';
    expect(lint({ 'compose.yaml': lineFirst }).suppressed).toEqual(['compose.yaml:2 p-one a <- directive compose.yaml:2 line']);
  });

  test('3,000 directives and blocks: each finding finds its own (indexed by line and rule, issue 14)', () => {
    const lines = ['services:'];
    for (let i = 0; i < 3000; i++) {
      if (i % 3 === 0) lines.push(`  s${i}: # compose-lint-disable-line p-one -- own ${i}`, '    image: x');
      else if (i % 3 === 1) lines.push(`  # compose-lint-disable p-two -- block ${i}`, `  s${i}:`, '    image: x', '  # compose-lint-enable p-two');
      else lines.push(`  s${i}:`, '    image: x');
    }
    const r = lint({ 'compose.yaml': lines.join('\n') + '\n' });
    expect(r.suppressed).toHaveLength(2000);
    expect(r.suppressed.filter((x) => x.includes(' s2997 ') || x.includes(' s2998 '))).toEqual([
      `compose.yaml:${lines.indexOf('  s2997: # compose-lint-disable-line p-one -- own 2997') + 1} p-one s2997 <- directive compose.yaml:${lines.indexOf('  s2997: # compose-lint-disable-line p-one -- own 2997') + 1} own 2997`,
      `compose.yaml:${lines.indexOf('  s2998:') + 1} p-two s2998 <- directive compose.yaml:${lines.indexOf('  s2998:')} block 2998`,
    ]);
    expect(r.findings).toHaveLength(4000);
  });

  test('parsing: rule lists with commas or spaces, the reason after " -- ", odd spacing', () => {
    const src = makeSource('x.yaml', 'a: 1 #compose-lint-disable-line  r1,r2 r3 --  why not \n#   compose-lint-enable\nb: 2 # compose-lint-disabled r1\nc: 3 # compose-lint-disable-next-line r--x\n');
    expect(parseDirectives(src).map(({ kind, rules, reason, line, column }) => ({ kind, rules, reason, line, column }))).toEqual([
      { kind: 'disable-line', rules: ['r1', 'r2', 'r3'], reason: 'why not', line: 1, column: 6 },
      { kind: 'enable', rules: [], reason: undefined, line: 2, column: 1 },
      { kind: 'disable-next-line', rules: ['r--x'], reason: undefined, line: 4, column: 6 },
    ]);
  });
});

describe('disable-next-line above a key whose value is a block', () => {
  const lintReal = (text: string) => {
    const r = lintSync({ rules: [unresolvedHostname, noDeprecatedLinks], env: {}, config: false, cwd: makeTree({ 'compose.yaml': text }) });
    return { findings: r.findings.map((f) => `${f.line}:${f.column} ${f.rule}`), suppressed: r.suppressed.map((f) => `${f.line}:${f.column} ${f.rule} <- ${f.suppression.line}`) };
  };

  test('covers the whole block (a service, environment:, a list item), and nothing after it', () => {
    const text = [
      'services:',
      '  # compose-lint-disable-next-line no-deprecated-links -- legacy app, see ADR-3',
      '  web:',
      '    image: x',
      '    links:',
      '      - db',
      '  api:',
      '    image: y',
      '    # compose-lint-disable-next-line unresolved-hostname -- started by the ops stack',
      '    environment:',
      '      A_URL: http://nowhere:80',
      '      B_URL: http://gone:80',
      '    links:',
      '      - db',
      '    command:',
      '      # compose-lint-disable-next-line',
      '      - --target',
      '      - http://missing:80',
      '  db:',
      '    image: postgres',
      '',
    ].join('\n');
    expect(lintReal(text)).toEqual({
      findings: ['14:9 no-deprecated-links', '18:16 unresolved-hostname'],
      suppressed: ['6:9 no-deprecated-links <- 2', '11:21 unresolved-hostname <- 9', '12:21 unresolved-hostname <- 9'],
    });
  });

  test('a list item holding a mapping, and a block scalar', () => {
    const text = [
      'services:',
      '  web:',
      '    image: x',
      '    networks:',
      '      default:',
      '    command: >',
      '      run',
      '    environment:',
      '      # compose-lint-disable-next-line unresolved-hostname',
      '      - A_URL=http://nowhere:80',
      '      - B_URL=http://gone:80',
      '',
    ].join('\n');
    // The list item is a scalar: only its own line is covered.
    expect(lintReal(text).findings).toEqual(['11:22 unresolved-hostname']);
    const src = makeSource('x.yaml', 'a:\n  # compose-lint-disable-next-line\n  - name: x\n    port: 1\n  - name: y\n# compose-lint-disable-next-line\nb: |\n  one\n  two\nc: 1\n');
    expect(parseDirectives(src).map((d) => [d.line, d.lastLine])).toEqual([
      [2, 4],
      [6, 9],
    ]);
  });
});

describe('suppressions apply in the file the finding is reported in', () => {
  const base = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n';
  const override = [
    '# compose-lint-disable-next-line obsolete-version -- the old CI still reads it',
    'version: "3.8"',
    'services:',
    '  web:',
    '    image: ${TAG} # compose-lint-disable-line interpolation -- set by the deploy job',
    '',
  ].join('\n');

  test("a directive in the override file suppresses the override's findings only", () => {
    const r = lintSync({ rules: [obsoleteVersion, interpolation], env: {}, config: false, cwd: makeTree({ 'compose.yaml': base, 'compose.override.yaml': override }) });
    expect(r.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['compose.yaml:1 obsolete-version']);
    expect(r.suppressed.map((f) => `${f.file}:${f.line} ${f.rule} -- ${f.suppression.reason}`)).toEqual([
      'compose.override.yaml:2 obsolete-version -- the old CI still reads it',
      'compose.override.yaml:5 interpolation -- set by the deploy job',
    ]);
  });

  test('the same directive in the base file does not reach the merged value from the override', () => {
    const baseWithDirective = '# compose-lint-disable-next-line interpolation\nservices:\n  web:\n    image: nginx # compose-lint-disable-line interpolation\n';
    const r = lintSync({ rules: [interpolation], env: {}, config: false, cwd: makeTree({ 'compose.yaml': baseWithDirective, 'compose.override.yaml': 'services:\n  web:\n    image: ${TAG}\n' }) });
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(['compose.override.yaml:3:12 interpolation']);
  });
});

describe('unused-disable', () => {
  const text = [
    'services:',
    '  # compose-lint-disable-next-line p-one -- used',
    '  a:',
    '    image: x',
    '  # compose-lint-disable-next-line p-one, p-tow -- one used, one typo',
    '  b:',
    '    image: x',
    '    # compose-lint-disable-next-line -- nothing on the next line',
    '    labels: {}',
    '  # compose-lint-disable p-two',
    '  # compose-lint-enable p-two',
    '  c: # compose-lint-disable-line obsolete-version',
    '    image: x',
    '# compose-lint-enable',
    '',
  ].join('\n');
  const unused = [
    'compose.yaml:5:3 warning unused-disable compose-lint-disable-next-line names "p-tow", which is not a rule (did you mean "p-two"?)',
    'compose.yaml:8:5 warning unused-disable unused compose-lint-disable-next-line directive: no finding to suppress',
    'compose.yaml:10:3 warning unused-disable unused compose-lint-disable directive: no "p-two" finding to suppress',
    'compose.yaml:12:6 warning unused-disable unused compose-lint-disable-line directive: no "obsolete-version" finding to suppress',
  ];

  test('off by default, except for a rule name that does not exist (a typo), reported with the nearest rule id', () => {
    expect(lint({ 'compose.yaml': text }).findings.filter((f) => f.includes('unused-disable'))).toEqual([unused[0]]);
  });

  test('an unknown rule name without a near rule id; nothing when the config turns the rule off', () => {
    const typo = 'services:\n  a: # compose-lint-disable-line zzz-qqq\n    image: x\n';
    expect(lint({ 'compose.yaml': typo }).findings.filter((f) => f.includes('unused-disable'))).toEqual([
      'compose.yaml:2:6 warning unused-disable compose-lint-disable-line names "zzz-qqq", which is not a rule',
    ]);
    expect(lint({ 'compose.yaml': typo, '.compose-lint.yaml': 'rules:\n  unused-disable: off\n' }, { config: undefined }).findings.filter((f) => f.includes('unused-disable'))).toEqual([]);
  });

  test('--report-unused-disable-directives reports each unused directive, or unused rule of a list, at the comment', () => {
    expect(lint({ 'compose.yaml': text }, { reportUnusedDisableDirectives: true }).findings.filter((f) => f.includes('unused-disable'))).toEqual(unused);
  });

  test('the config turns it on at its severity', () => {
    const r = lint({ 'compose.yaml': text, '.compose-lint.yaml': 'rules:\n  unused-disable: error\n' }, { config: undefined });
    expect(r.findings.filter((f) => f.includes('unused-disable'))).toEqual(unused.map((u) => u.replace('warning', 'error')));
  });

  test('a fix is offered only for a directive none of whose rules is used', () => {
    const r = lintSync({ rules: RULES, env: {}, config: false, reportUnusedDisableDirectives: true, cwd: makeTree({ 'compose.yaml': text }) });
    const fixes = r.findings.filter((f) => f.rule === 'unused-disable').map((f) => [f.line, f.fix?.edits]);
    const lineStart = (n: number): number =>
      text
        .split('\n')
        .slice(0, n - 1)
        .join('\n').length + 1;
    expect(fixes).toEqual([
      [5, undefined],
      [8, [{ start: lineStart(8), end: lineStart(9), text: '' }]],
      [10, [{ start: lineStart(10), end: lineStart(11), text: '' }]],
      [12, [{ start: lineStart(12) + 4, end: lineStart(13) - 1, text: '' }]],
    ]);
  });
});
