/**
 * The in-process CLI harness (test/cli-harness.ts) is faithful: for representative runs it gives
 * the same stdout and stderr bytes and the same exit code as the real binary, spawned. The CLI tests
 * run on the harness; these runs are what lets them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { binary, runCli, CliRunOptions } from './cli-harness';
import { makeTree } from './engine-helpers';

const BAD = 'version: "3"\nservices:\n  web:\n    imagee: nginx\n    image: ${USERNAME}/ui:1.0\n    ports: ["80:80"]\n  db:\n    image: postgres\n';
const FIXED = 'services:\n  web:\n    image: nginx\n';

const cases: [string, Record<string, string>, string[], CliRunOptions, number][] = [
  ['findings in compact format, exit 1', { 'compose.yaml': BAD }, ['--format', 'compact'], {}, 1],
  ['stylish with colour forced (FORCE_COLOR=1 over NO_COLOR)', { 'compose.yaml': BAD }, [], { env: { FORCE_COLOR: '1' } }, 1],
  ['a variable from the environment; a clean file exits 0 silently', { 'compose.yaml': 'services:\n  web:\n    image: ${USERNAME}/ui\n' }, [], { env: { USERNAME: 'me' } }, 0],
  ['sarif, with the version and the rule catalog', { 'compose.yaml': BAD }, ['--format', 'sarif'], {}, 1],
  ['stdin as -', {}, ['-', '--format', 'compact'], { input: BAD }, 1],
  ['--stdin-filename with the project of that file', { 'svc/.env': 'USERNAME=me\n', 'svc/compose.yaml': FIXED }, ['--stdin-filename', 'svc/compose.yaml', '--format', 'compact'], { input: BAD }, 1],
  ['--fix on stdin: the text on stdout, the rest on stderr', {}, ['--fix', '-', '--format', 'compact'], { input: BAD }, 1],
  ['--fix-dry-run: a diff', { 'compose.yaml': `version: "3"\n${FIXED}` }, ['--fix-dry-run'], {}, 0],
  ['a usage error: exit 2, one line on stderr', {}, ['nothere.yaml'], {}, 2],
  ['an unknown option (from commander): exit 2', {}, ['--bogus'], {}, 2],
  ['a load error: exit 2', { 'compose.yaml': FIXED, '.env': 'A=1\n%bad=2\n' }, [], {}, 2],
  ['--max-warnings over the limit', { 'compose.yaml': `version: "3"\n${FIXED}` }, ['--max-warnings', '0'], {}, 1],
  ['--version', {}, ['--version'], {}, 0],
  ['help', {}, ['help'], {}, 0],
  ['help of a command (commander writes it)', {}, ['config', '--help'], {}, 0],
  ['config --format json', { 'compose.yaml': 'services:\n  web:\n    image: ${USERNAME}/ui\n    ports: ["80:80"]\n' }, ['config', '--format', 'json'], { env: { USERNAME: 'me' } }, 0],
  ['config of a project Compose refuses: problems on stderr, exit 1', { 'compose.yaml': BAD }, ['config'], {}, 1],
  ['graph, with a load problem on stderr (exit 1)', { 'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: 80\n' }, ['graph'], {}, 1],
  ['explain', {}, ['explain', 'obsolete-version'], {}, 0],
];

test.each(cases)('%s: the same bytes and exit code as the binary', (_name, files, args, opts, code) => {
  const cwd = makeTree(files);
  const real = binary(cwd, args, opts);
  expect(real.code).toBe(code);
  expect(real.stdout + real.stderr === '').toBe(code === 0 && args.length === 0); // only the clean run is silent
  expect(runCli(cwd, args, opts)).toEqual(real);
});

test('the run leaves the process as it was: cwd, environment, exit code, stdout', () => {
  const cwd = makeTree({ 'compose.yaml': BAD });
  const state = () => ({
    cwd: process.cwd(),
    env: process.env,
    exitCode: process.exitCode,
    streams: [process.stdout, process.stderr].map((s) => ['write', 'isTTY', 'columns'].map((key) => Object.getOwnPropertyDescriptor(s, key))),
    listeners: process.stdout.listenerCount('error'),
  });
  const before = state();
  expect(runCli(cwd, ['--format', 'compact', 'nothere.yaml']).code).toBe(2);
  expect(runCli(cwd, ['-'], { input: 'x: [' }).code).toBe(1);
  expect(state()).toEqual(before);
});

test('--fix writes the same file as the binary does', () => {
  const files = { 'compose.yaml': `version: "3"\n${FIXED}` };
  const [viaHarness, viaBinary] = [makeTree(files), makeTree(files)];
  expect(runCli(viaHarness, ['--fix'])).toEqual(binary(viaBinary, ['--fix']));
  expect(fs.readFileSync(path.join(viaHarness, 'compose.yaml'), 'utf8')).toBe(FIXED);
  expect(fs.readFileSync(path.join(viaBinary, 'compose.yaml'), 'utf8')).toBe(FIXED);
});
