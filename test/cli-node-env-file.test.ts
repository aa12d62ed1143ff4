/**
 * Node reads its own `--env-file` option anywhere on its command line unless a `--` comes first
 * (nodejs/node#54232, fixed for `--` by nodejs/node#54237): the README's forms that reach
 * compose-lint untouched, spawned as users run them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '..', 'bin', 'compose-lint.js');
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-env-file-'));
  fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:${TAG}\n');
  fs.writeFileSync(path.join(dir, 'real.env'), 'TAG=1.25\n');
  return dir;
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MISSING = { code: 2, stdout: '', stderr: 'compose-lint: gone.env: no such file or directory\n' };
const UNSET = 'compose.yaml:3:18: warning: The "TAG" variable is not set. Defaulting to a blank string. (used in services.web.image) [interpolation]\n';

describe('--env-file reaches compose-lint', () => {
  test('through the script itself (its `#!/usr/bin/env -S node --` line) and through `node --`', () => {
    const cwd = project();
    expect(run(BIN, ['--format', 'compact', '--env-file', 'gone.env'], cwd)).toEqual(MISSING);
    expect(run(process.execPath, ['--', BIN, '--format', 'compact', '--env-file', 'gone.env'], cwd)).toEqual(MISSING);
    expect(run(process.execPath, ['--', BIN, '--format', 'compact', '--env-file=gone.env'], cwd)).toEqual(MISSING);
    expect(run(process.execPath, ['--', BIN, '--format', 'compact', '--env-file', 'real.env'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(run(process.execPath, ['--', BIN, '--format', 'compact'], cwd)).toEqual({ code: 0, stdout: UNSET, stderr: '' });
  });

  (NODE_MAJOR === 20 ? test : test.skip)('Node 20: `node bin/compose-lint.js --env-file` stops in Node for a missing file; an existing one passes through', () => {
    const cwd = project();
    expect(run(process.execPath, [BIN, '--env-file', 'gone.env'], cwd)).toEqual({ code: 9, stdout: '', stderr: `${process.execPath}: gone.env: not found\n` });
    expect(run(process.execPath, [BIN, '--format', 'compact', '--env-file', 'real.env'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
