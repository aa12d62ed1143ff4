/** TIMING (src/report/timing.ts, src/cli/lint-command.ts): the slowest rules' check times, as ESLint prints its own. */
import { formatRuleTimes, timingLimit } from '../src/report/timing';
import { makeTree } from './engine-helpers';
import { runCli } from './cli-harness';
import * as fs from 'fs';
import * as path from 'path';
import { fixSync, lintSync } from '../src/api';
import { allRules } from '../rules';
import { defineRule } from '../src/define-rule';

describe('formatRuleTimes', () => {
  test('the slowest first (ties by id), times to the microsecond, shares of the whole run', () => {
    expect(formatRuleTimes({ 'b-rule': 1, 'a-rule': 1, 'unresolved-hostname': 6.0004, privileged: 2 }, 10)).toBe(
      [
        'Rule                | Time (ms) | Relative',
        ':-------------------|----------:|--------:',
        'unresolved-hostname |     6.000 |    60.0%',
        'privileged          |     2.000 |    20.0%',
        'a-rule              |     1.000 |    10.0%',
        'b-rule              |     1.000 |    10.0%',
        '',
      ].join('\n'),
    );
  });

  test('only `limit` rows, each share still of every rule; columns widen for long values', () => {
    expect(formatRuleTimes({ x: 12345.5, y: 0.5 }, 1)).toBe(['Rule | Time (ms) | Relative', ':----|----------:|--------:', 'x    | 12345.500 |   100.0%', ''].join('\n'));
  });

  test('nothing at all when no rule ran; 0.0% when every rule took no measurable time', () => {
    expect(formatRuleTimes({}, 10)).toBe('');
    expect(formatRuleTimes({ x: 0 }, 10)).toBe('Rule | Time (ms) | Relative\n:----|----------:|--------:\nx    |     0.000 |     0.0%\n');
  });
});

describe('timingLimit (the TIMING variable)', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['1', 10],
    ['yes', 10],
    ['5', 10],
    ['10', 10],
    ['25', 25],
    ['all', Infinity],
    ['ALL', Infinity],
  ])('%p -> %p', (value, limit) => {
    expect(timingLimit(value)).toBe(limit);
  });
});

const PROJECT = { 'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n' };
/** The table's shape, times aside: header, separator, then `rows` rule rows. */
const table = (rows: number): RegExp => new RegExp(`^Rule +\\| Time \\(ms\\) \\| Relative\\n:-+\\|-+:\\|-+:\\n(?:[a-z-]+ +\\| +\\d+\\.\\d{3} \\| +\\d+\\.\\d%\\n){${rows}}$`);

describe('TIMING in the CLI', () => {
  test('a table of the 10 slowest rules on stderr after the report; stdout and exit code as without it', () => {
    const cwd = makeTree(PROJECT);
    const plain = runCli(cwd, ['--format', 'json']);
    const timed = runCli(cwd, ['--format', 'json'], { env: { TIMING: '1' } });
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.code).toBe(plain.code);
    expect(plain.stderr).toBe('');
    expect(timed.stderr).toMatch(table(10));
  });

  test('TIMING=all lists every rule that ran, and no rule that is off', () => {
    const cwd = makeTree(PROJECT);
    const r = runCli(cwd, ['--rule', 'obsolete-version: off'], { env: { TIMING: 'all' } });
    const enabled = lintSync({ cwd, timing: true, ruleFlags: ['obsolete-version: off'] }).ruleTimes!;
    expect(r.stderr).toMatch(table(Object.keys(enabled).length));
    expect(r.stderr).not.toMatch(/^obsolete-version /m);
    expect(Object.keys(enabled).length).toBeGreaterThan(10);
  });

  test('a --cache run with TIMING runs the rules (a replay or a cache hit would time nothing)', () => {
    const cwd = makeTree(PROJECT);
    expect(runCli(cwd, ['--cache'], { viaBoot: true }).stderr).toBe('');
    const timed = runCli(cwd, ['--cache'], { viaBoot: true, env: { TIMING: 'all' } });
    expect(timed.replayed).toBe(false);
    expect(timed.stderr).toMatch(/^Rule +\| Time/);
  });
});

describe('TIMING with --fix and --fix-dry-run (ESLint prints it for fix runs too)', () => {
  test('--fix-dry-run: the table on stderr after the diff; stdout, exit code and the file as without it', () => {
    const cwd = makeTree(PROJECT);
    const plain = runCli(cwd, ['--fix-dry-run']);
    const timed = runCli(cwd, ['--fix-dry-run'], { env: { TIMING: '1' } });
    expect(plain.stdout).toMatch(/^--- a\/compose\.yaml\n/);
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.code).toBe(plain.code);
    expect(plain.stderr).toBe('');
    expect(timed.stderr).toMatch(table(10));
    expect(fs.readFileSync(path.join(cwd, 'compose.yaml'), 'utf8')).toBe(PROJECT['compose.yaml']);
  });

  test('--fix: the table on stderr after the report of what is left; the file is fixed', () => {
    const cwd = makeTree(PROJECT);
    const timed = runCli(cwd, ['--fix', '--format', 'json'], { env: { TIMING: 'all' } });
    expect(timed.code).toBe(0);
    expect(JSON.parse(timed.stdout)).toEqual([]);
    expect(timed.stderr).toMatch(table(Object.keys(lintSync({ cwd, timing: true }).ruleTimes!).length));
    expect(fs.readFileSync(path.join(cwd, 'compose.yaml'), 'utf8')).toBe('services:\n  web:\n    image: nginx\n');
  });

  /** A rule that takes at least `ms` milliseconds per project it checks. */
  const slow = (ms: number) =>
    defineRule<Record<string, never>, 'never'>({
      id: 'test-slow',
      description: 'test rule',
      category: 'style',
      severity: 'warning',
      fixable: false,
      messages: { never: 'never' },
      docs: { why: 'test', bad: 'services: {}\n', good: 'services: {}\n' },
      check() {
        const until = performance.now() + ms;
        while (performance.now() < until);
      },
    });

  test("fixSync sums each rule's time over its lint passes: a fix and the lint after it are two", () => {
    const rules = [...allRules, slow(25)];
    const dry = fixSync({ cwd: makeTree(PROJECT), rules, timing: true, dryRun: true });
    expect(dry.changes).toHaveLength(1);
    expect(dry.ruleTimes!['test-slow']).toBeGreaterThanOrEqual(25);
    const fixed = fixSync({ cwd: makeTree(PROJECT), rules, timing: true });
    expect(fixed.changes).toHaveLength(1);
    expect(fixed.ruleTimes!['test-slow']).toBeGreaterThanOrEqual(50);
    expect(Object.keys(fixed.ruleTimes!).sort()).toEqual(
      rules
        .map((r) => r.id)
        .filter((id) => id in dry.ruleTimes!)
        .sort(),
    );
    expect(fixSync({ cwd: makeTree(PROJECT) }).ruleTimes).toBeUndefined();
  });
});

describe('LintOptions.timing', () => {
  test('ruleTimes has the enabled rules, and only with timing', () => {
    const cwd = makeTree(PROJECT);
    const result = lintSync({ cwd, timing: true });
    const ran = Object.keys(result.ruleTimes!);
    expect(ran).toContain('obsolete-version');
    expect(ran.every((id) => allRules.some((r) => r.id === id))).toBe(true);
    expect(Object.values(result.ruleTimes!).every((ms) => ms >= 0)).toBe(true);
    expect(lintSync({ cwd }).ruleTimes).toBeUndefined();
  });

  test('projects linted in worker threads send their times back, summed with the others', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`p${i}/compose.yaml`] = `services:\n  s${i}:\n    image: img${i}\n`;
    const cwd = makeTree(files);
    const debug: string[] = [];
    const result = lintSync({ cwd, targets: ['.'], env: {}, timing: true, concurrency: 2, workerThreshold: 2, onDebug: (l) => debug.push(l) });
    expect(debug.some((l) => /^4 projects linted in 2 worker threads/.test(l))).toBe(true);
    expect(Object.keys(result.ruleTimes!).sort()).toEqual(Object.keys(lintSync({ cwd, targets: ['.'], env: {}, timing: true }).ruleTimes!).sort());
    expect(result.ruleTimes!['undefined-reference']).toBeGreaterThan(0);
  });

  test('with a cache, every project is linted (timing measures the rules), and its entry still written', () => {
    const cwd = makeTree(PROJECT);
    const debug: string[] = [];
    lintSync({ cwd, cache: {} });
    const timed = lintSync({ cwd, cache: {}, timing: true, onDebug: (l) => debug.push(l) });
    expect(Object.keys(timed.ruleTimes!)).toContain('obsolete-version');
    expect(debug).toContain('cache: 0 hits, 0 misses'); // not looked up
    const after: string[] = [];
    lintSync({ cwd, cache: {}, onDebug: (l) => after.push(l) });
    expect(after).toContain('cache: 1 hit, 0 misses');
  });
});
