/** The CLI's report formats as CI integrations read them: SARIF invocations and exit codes, failed runs, stdin, -q. */
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './cli-harness';
import { makeTree } from './engine-helpers';
import { lines } from './graph-helpers';
import { schemaValidator } from './sarif-schema';
import { VERSION } from '../src/util/version';

const PUBLIC_DB = lines('services:', '  db:', '    image: postgres:16', '    ports: ["5432:5432"]');
const BROKEN = lines('services:', '  web:', '    image: nginx:1.27', '   privileged: true');

function sarifOf(text: string) {
  const log = JSON.parse(text);
  const validate = schemaValidator();
  expect(validate(log)).toBe(true);
  expect(validate.errors ?? []).toEqual([]);
  return log.runs[0];
}

describe('SARIF invocations', () => {
  test('a clean run: exit 0, successful, no notifications', () => {
    const cwd = makeTree({ 'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27') });
    const r = runCli(cwd, ['--format', 'sarif']);
    expect(r.code).toBe(0);
    expect(sarifOf(r.stdout).invocations).toEqual([{ executionSuccessful: true, exitCode: 0 }]);
  });

  test('warnings only: exit 0; with --max-warnings 0 the log says exit 1, as the process exits', () => {
    const cwd = makeTree({ 'compose.yaml': PUBLIC_DB });
    const plain = runCli(cwd, ['--format', 'sarif']);
    expect(plain.code).toBe(0);
    expect(sarifOf(plain.stdout).invocations).toEqual([{ executionSuccessful: true, exitCode: 0 }]);
    const strict = runCli(cwd, ['--format', 'sarif', '--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('compose-lint found too many warnings: 1 (maximum: 0)\n');
    expect(sarifOf(strict.stdout).invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
  });

  test('a file whose YAML does not parse: exit 1 and an error notification naming it, at its YAML error', () => {
    const cwd = makeTree({ 'compose.yaml': BROKEN });
    const r = runCli(cwd, ['--format', 'sarif', 'compose.yaml']);
    expect(r.code).toBe(1);
    const run = sarifOf(r.stdout);
    const yamlError = run.results.find((x: { ruleId: string }) => x.ruleId === 'yaml-syntax');
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        exitCode: 1,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'compose.yaml: not checked: its YAML does not parse' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' }, region: yamlError.locations[0].physicalLocation.region } }],
          },
        ],
      },
    ]);
    expect(yamlError.locations[0].physicalLocation.region.startLine).toBe(4);
  });
});

describe('a run that fails (exit 2) with -o FILE', () => {
  test.each([
    ['a missing file', ['missing.yaml'], 'missing.yaml: no such file or directory'],
    ['a bad --max-warnings', ['--max-warnings', 'x'], '--max-warnings takes a whole number, not "x"'],
  ])('sarif: %s still leaves a valid log saying so; the error is on stderr', (_name, args, message) => {
    const cwd = makeTree({ 'compose.yaml': PUBLIC_DB, 'reports/old.sarif': 'stale' });
    const r = runCli(cwd, ['--format', 'sarif', '-o', 'reports/compose-lint.sarif', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`compose-lint: ${message}\n`);
    const run = sarifOf(fs.readFileSync(path.join(cwd, 'reports', 'compose-lint.sarif'), 'utf8'));
    expect(run.invocations).toEqual([{ executionSuccessful: false, exitCode: 2, toolExecutionNotifications: [{ level: 'error', message: { text: message } }] }]);
    expect(fs.readFileSync(path.join(cwd, 'reports', 'old.sarif'), 'utf8')).toBe('stale');
    expect(run.results).toEqual([]);
    expect(run.tool.driver.name).toBe('compose-lint');
    expect(run.tool.driver.version).toBe(VERSION);
    expect(run.tool.driver.rules.length).toBeGreaterThan(30);
  });

  test('overwrites the log of an earlier run', () => {
    const cwd = makeTree({ 'compose.yaml': PUBLIC_DB });
    expect(runCli(cwd, ['--format', 'sarif', '-o', 'out.sarif']).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
    const r = runCli(cwd, ['--format', 'sarif', '-o', 'out.sarif', 'gone.yaml']);
    expect(r.code).toBe(2);
    const run = JSON.parse(fs.readFileSync(path.join(cwd, 'out.sarif'), 'utf8')).runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
  });

  test.each(['json', 'codeclimate', 'junit', 'compact'])('%s: nothing is written, as ESLint does', (format) => {
    const cwd = makeTree({ 'compose.yaml': PUBLIC_DB });
    const r = runCli(cwd, ['--format', format, '-o', 'out.txt', 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(cwd, 'out.txt'))).toBe(false);
  });

  test('sarif without -o: nothing on stdout, the error on stderr', () => {
    const cwd = makeTree({ 'compose.yaml': PUBLIC_DB });
    const r = runCli(cwd, ['--format', 'sarif', 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('stdin without --stdin-filename', () => {
  const input = lines('services:', '  web:', '    image: nginx:1.27', '    privileged: true');

  test('sarif: results without a physical location, the service as a logical one', () => {
    const r = runCli(makeTree({}), ['--format', 'sarif', '-'], { input });
    expect(r.code).toBe(0);
    const results = sarifOf(r.stdout).results;
    expect(results.map((x: { ruleId: string; locations?: unknown }) => [x.ruleId, x.locations])).toEqual([
      ['privileged', [{ logicalLocations: [{ name: 'web', kind: 'object', fullyQualifiedName: 'services.web' }] }]],
    ]);
    expect(r.stdout).not.toContain('stdin%3E');
  });

  test('github: an annotation without file or position', () => {
    const r = runCli(makeTree({}), ['--format', 'github', '-'], { input });
    expect(r.stdout).toMatch(/^::warning title=privileged::`privileged: true` gives the container/);
    expect(r.stdout.split('\n')).toHaveLength(2);
  });

  test('with --stdin-filename: located at that file', () => {
    const r = runCli(makeTree({}), ['--format', 'github', '--stdin-filename', 'ops/compose.yaml'], { input });
    expect(r.stdout).toMatch(/^::warning file=ops\/compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=privileged::/);
  });
});

test('-q keeps only errors, suppressed ones too: a suppressed warning leaves the SARIF log', () => {
  const cwd = makeTree({
    'compose.yaml': lines(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    privileged: true # compose-lint-disable-line privileged -- lab box',
      '    ports: ["8080:80"]',
      '  db:',
      '    image: postgres:16',
      '    ports: ["5432:5432"] # compose-lint-disable-line port-all-interfaces',
    ),
  });
  const results = (args: string[]) =>
    sarifOf(runCli(cwd, ['--format', 'sarif', ...args]).stdout).results.map((x: { ruleId: string; level: string; suppressions?: { kind: string }[] }) => [x.ruleId, x.level, x.suppressions?.[0].kind]);
  expect(results([])).toEqual([
    ['privileged', 'error', 'inSource'],
    ['port-all-interfaces', 'warning', 'inSource'],
  ]);
  expect(results(['-q'])).toEqual([['privileged', 'error', 'inSource']]);
});

test('control characters from a compose value reach no text format raw', () => {
  const cwd = makeTree({ 'compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', 'networks:', '  "a\\x01b\\x1b[31mred": {}') });
  const message = 'network "a\uFFFDb\uFFFD[31mred" is declared, but no service uses it; remove it, or attach it where it was meant to be used';
  expect(runCli(cwd, ['--format', 'compact']).stdout).toBe(`compose.yaml:5:3: info: ${message} [unused-resource]\n`);
  expect(runCli(cwd, ['--format', 'github']).stdout).toBe(`::notice file=compose.yaml,line=5,col=3,endLine=5,endColumn=22,title=unused-resource::${message}\n`);
  expect(runCli(cwd, ['--format', 'stylish']).stdout).toBe(`compose.yaml\n  5:3  info  ${message}  unused-resource\n\n\u2716 1 problem (1 info)\n`);
});
