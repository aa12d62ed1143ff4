/**
 * `--cache`, whole runs (src/cli/replay.ts): a repeated run whose inputs are all unchanged prints the
 * recorded bytes without loading the linter; any change to an input, the command, the environment
 * or the build falls through to a real run, whose output must then equal that of a run without the
 * cache. Runs go through the in-process harness started as the binary starts (`viaBoot`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliRun } from './cli-harness';
import { joinCacheText, splitCacheText } from '../src/engine/cache-file';

const BIN = path.resolve(__dirname, '..', 'bin', 'compose-lint.js');

/** Project `a` interpolates WEB_TAG (from `.env`) and reads an env_file, an included and an extended file; `b` has an error; `c` is plain. */
const TREE: Record<string, string> = {
  'a/compose.yaml': 'include:\n  - inc.yaml\nservices:\n  web:\n    image: nginx:${WEB_TAG}\n    env_file: app.env\n  worker:\n    extends:\n      file: base.yaml\n      service: base\n',
  'a/.env': 'WEB_TAG=1.27\n',
  'a/app.env': 'MODE=dev\n',
  'a/inc.yaml': 'services:\n  cache:\n    image: redis:7.2\n',
  'a/base.yaml': 'services:\n  base:\n    image: busybox:1.36\n',
  'b/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    privileged: true\n',
  'c/compose.yaml': 'services:\n  ui:\n    image: httpd:2.4\n',
};

function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-replay-'));
  for (const [name, content] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

// --max-warnings 0: the run also writes to stderr and exits 1, which a replay must reproduce.
const ARGS = ['.', '--cache', '--format', 'compact', '--max-warnings', '0'];
const ENV = { HOME: '/home/u' };
const shown = (r: CliRun): Omit<CliRun, 'replayed'> => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

/** A recorded first run in a fresh tree, `change` applied, then the second run and a run without the cache for comparison. */
function afterChange(change: (dir: string) => void, opts: { args?: string[]; env?: Record<string, string>; env2?: Record<string, string> } = {}) {
  const dir = tree();
  const args = opts.args ?? ARGS;
  const first = runCli(dir, args, { viaBoot: true, env: opts.env ?? ENV });
  change(dir);
  const second = runCli(dir, args, { viaBoot: true, env: opts.env2 ?? opts.env ?? ENV });
  const fresh = runCli(
    dir,
    args.filter((a) => a !== '--cache'),
    { env: opts.env2 ?? opts.env ?? ENV },
  );
  return { dir, first, second, fresh };
}

const write = (file: string, text: string) => (dir: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

describe('--cache replays an unchanged run whole', () => {
  test('the second run prints the same bytes with the same exit code, and leaves the cache file as it was', () => {
    const { dir, first, second } = afterChange(() => undefined);
    expect(first.replayed).toBe(false);
    expect(first).toMatchObject({ code: 1, stderr: 'compose-lint found too many warnings: 1 (maximum: 0)\n' });
    expect(first.stdout).toBe(
      'b/compose.yaml:4:17: warning: `privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (internal: not published) [privileged]\n',
    );
    expect(second.replayed).toBe(true);
    expect(shown(second)).toEqual(shown(first));
    const cache = fs.readFileSync(path.join(dir, '.compose-lint-cache'));
    const third = runCli(dir, ARGS, { viaBoot: true, env: ENV });
    expect(third.replayed).toBe(true);
    expect(fs.readFileSync(path.join(dir, '.compose-lint-cache'))).toEqual(cache);
  });

  test.each<[string, (dir: string) => void, boolean]>([
    // [what changed, the change, whether the findings change]
    ['a compose file', write('b/compose.yaml', 'services:\n  db:\n    image: postgres:16\n'), true],
    ['a .env file', write('a/.env', 'WEB_TAG=latest\n'), false],
    ['a new .env file', write('c/.env', 'X=1\n'), false],
    ['a new override file', write('c/compose.override.yaml', 'services:\n  ui:\n    privileged: true\n'), true],
    ['an env_file', write('a/app.env', 'MODE=prod\n'), false],
    ['an included file', write('a/inc.yaml', 'services:\n  cache:\n    image: redis:7.2\n    privileged: true\n'), true],
    ['an extended file', write('a/base.yaml', 'services:\n  base:\n    image: busybox:1.36\n    privileged: true\n'), true],
    ['a new project', write('d/compose.yaml', 'services:\n  x:\n    image: redis:7.2\n    privileged: true\n'), true],
    ['a project removed', (dir) => fs.rmSync(path.join(dir, 'b'), { recursive: true }), true],
    ['a config file created', write('.compose-lint.yaml', 'rules:\n  privileged: off\n'), true],
    ['a file in a listed directory', write('b/notes.txt', 'x\n'), false],
  ])('is not replayed after a change to %s: the run is real and prints what a run without the cache prints', (_what, change, findingsChange) => {
    const { first, second, fresh } = afterChange(change);
    expect(second.replayed).toBe(false);
    expect(shown(second)).toEqual(shown(fresh));
    expect(second.stdout !== first.stdout).toBe(findingsChange);
  });

  test('a compose file replaced by a FIFO is not read through (no hang) and the run says what a run without the cache says', () => {
    const { second, fresh } = afterChange((dir) => {
      fs.rmSync(path.join(dir, 'c/compose.yaml'));
      spawnSync('mkfifo', [path.join(dir, 'c/compose.yaml')]);
    });
    expect(second.replayed).toBe(false);
    expect(shown(second)).toEqual(shown(fresh));
  });

  test.each<[string, Record<string, string>, Record<string, string>, boolean]>([
    ['a variable the project reads', { ...ENV, WEB_TAG: '1.27' }, { ...ENV, WEB_TAG: 'latest' }, false],
    ['any other variable (the environment is compared whole)', ENV, { ...ENV, FOO: '1' }, false],
    ["the shell's OLDPWD, SHLVL and _", { ...ENV, OLDPWD: '/a', SHLVL: '1', _: '/x' }, { ...ENV, OLDPWD: '/b', SHLVL: '2', _: '/y' }, true],
  ])('environment: %s changed', (_what, env, env2, replayed) => {
    const { second, fresh } = afterChange(() => undefined, { env, env2 });
    expect(second.replayed).toBe(replayed);
    expect(shown(second)).toEqual(shown(fresh));
  });

  test('a project that interpolates a shell variable (OLDPWD) is replayed only while it has the same value', () => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, 'c/compose.yaml'), 'services:\n  ui:\n    image: httpd:2.4\n    working_dir: ${OLDPWD}\n');
    runCli(dir, ARGS, { viaBoot: true, env: { ...ENV, OLDPWD: '/a' } });
    expect(runCli(dir, ARGS, { viaBoot: true, env: { ...ENV, OLDPWD: '/a' } }).replayed).toBe(true);
    expect(runCli(dir, ARGS, { viaBoot: true, env: { ...ENV, OLDPWD: '/b' } }).replayed).toBe(false);
  });

  test('another command line is another run: not replayed', () => {
    const dir = tree();
    runCli(dir, ARGS, { viaBoot: true, env: ENV });
    const json = runCli(dir, ['.', '--cache', '--format', 'json'], { viaBoot: true, env: ENV });
    expect(json.replayed).toBe(false);
    expect(json.stdout.startsWith('[')).toBe(true);
    expect(runCli(dir, ['.', '--cache', '--format', 'json'], { viaBoot: true, env: ENV }).replayed).toBe(true);
  });

  test('--output-file: the replay writes the file again (here after it was deleted), with the same exit code', () => {
    const args = ['.', '--cache', '-o', 'out/report.txt'];
    const { dir, first } = afterChange(() => undefined, { args });
    const report = fs.readFileSync(path.join(dir, 'out/report.txt'), 'utf8');
    fs.rmSync(path.join(dir, 'out'), { recursive: true });
    const again = runCli(dir, args, { viaBoot: true, env: ENV });
    expect(again).toEqual({ code: first.code, stdout: '', stderr: '', replayed: true });
    expect(fs.readFileSync(path.join(dir, 'out/report.txt'), 'utf8')).toBe(report);
    expect(report).toContain('4:17  warning  `privileged: true` gives the container');
  });

  test('an output file that became a directory: not replayed, and the real run says why', () => {
    const args = ['.', '--cache', '-o', 'report.txt'];
    const { second } = afterChange((dir) => fs.rmSync(path.join(dir, 'report.txt')), { args });
    expect(second.replayed).toBe(true);
    const dir = tree();
    runCli(dir, args, { viaBoot: true, env: ENV });
    fs.rmSync(path.join(dir, 'report.txt'));
    fs.mkdirSync(path.join(dir, 'report.txt'));
    expect(runCli(dir, args, { viaBoot: true, env: ENV })).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: --output-file report.txt: is a directory; name a file\n', replayed: false });
  });

  test('--debug runs are neither recorded nor replayed (their lines time the run)', () => {
    const dir = tree();
    runCli(dir, [...ARGS, '--debug'], { viaBoot: true, env: ENV });
    expect(runCli(dir, [...ARGS, '--debug'], { viaBoot: true, env: ENV }).replayed).toBe(false);
    runCli(dir, ARGS, { viaBoot: true, env: ENV });
    expect(runCli(dir, ARGS, { viaBoot: true, env: { ...ENV, COMPOSE_LINT_DEBUG: '1' } }).replayed).toBe(false);
  });

  test.each<[string, (run: Record<string, unknown>) => void]>([
    ['another build', (run) => (run.code = 'v0.0.0 bundle.js:1:1')],
    ['a damaged record (inputs is null)', (run) => (run.inputs = null)],
    ['a damaged record (exit code "1")', (run) => ((run.out as Record<string, unknown>).exitCode = '1')],
  ])('%s: not replayed; the real run records itself again', (_what, damage) => {
    const dir = tree();
    const first = runCli(dir, ARGS, { viaBoot: true, env: ENV });
    const file = path.join(dir, '.compose-lint-cache');
    const { header, entries } = splitCacheText(fs.readFileSync(file, 'utf8'));
    damage(header.run as Record<string, unknown>);
    fs.writeFileSync(file, joinCacheText(header.tool, header.run, entries));
    const second = runCli(dir, ARGS, { viaBoot: true, env: ENV });
    expect(second.replayed).toBe(false);
    expect(shown(second)).toEqual(shown(first));
    expect(runCli(dir, ARGS, { viaBoot: true, env: ENV }).replayed).toBe(true);
  });

  test('the built binary replays without loading its bundle', () => {
    const dir = tree();
    // Outside the tree: a file created there would be a change.
    const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-probe-'));
    const probe = path.join(probeDir, 'probe.js');
    const loaded = path.join(probeDir, 'bundle-loaded.txt');
    // The bundle is compiled through node:vm, which nothing else loads.
    fs.writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(loaded)}, String(process.moduleLoadList.includes('NativeModule vm'))));\n`);
    const run = () => spawnSync(process.execPath, ['-r', probe, BIN, ...ARGS], { cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...ENV }, encoding: 'utf8' });
    const first = run();
    expect(fs.readFileSync(loaded, 'utf8')).toBe('true');
    const second = run();
    expect(fs.readFileSync(loaded, 'utf8')).toBe('false');
    expect({ status: second.status, stdout: second.stdout, stderr: second.stderr }).toEqual({ status: first.status, stdout: first.stdout, stderr: first.stderr });
    expect(first.status).toBe(1);
  });
});
