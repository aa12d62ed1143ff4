/**
 * Inputs that are there but cannot be read: a FIFO (or other non-regular file) in every place a file
 * is read, a directory that cannot be entered, a file where a directory should be. Each gets one
 * clear line naming the file and why, never a hang and never silence.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';

/** The fs module object itself (the namespace import's properties cannot be spied on). */
const nodeFs: typeof fs = jest.requireActual('fs');
import * as path from 'path';
import { makeTree } from './engine-helpers';
import { runCli } from './cli-harness';

const APP = 'services:\n  app:\n    image: nginx:1.25\n';
const FIFO = 'is a named pipe (FIFO), not a regular file';

/** A project of `files` with a FIFO at each of `fifos` (relative paths). */
function treeWithFifos(files: Record<string, string>, fifos: string[]): string {
  const cwd = makeTree(files);
  for (const f of fifos) {
    fs.mkdirSync(path.dirname(path.join(cwd, f)), { recursive: true });
    execFileSync('mkfifo', [path.join(cwd, f)]);
  }
  return cwd;
}

describe('a FIFO where a file is read: one line naming it, no hang', () => {
  test.each([
    ['a -f file', {}, ['x.yaml'], ['-f', 'compose.yaml', '-f', 'x.yaml'], `compose-lint: x.yaml: ${FIFO}\n`],
    ['a file target', {}, ['x.yaml'], ['x.yaml'], `compose-lint: x.yaml: ${FIFO}\n`],
    ['the override discovery finds', {}, ['compose.override.yaml'], [], `compose-lint: compose.override.yaml: ${FIFO}\n`],
    ['the base discovery finds', { 'compose.yaml': undefined }, ['compose.yaml'], [], `compose-lint: compose.yaml: ${FIFO}\n`],
    ['an override found below a directory target', { 'sub/compose.yaml': APP }, ['sub/docker-compose.override.yml'], ['sub'], `compose-lint: sub/docker-compose.override.yml: ${FIFO}\n`],
    ['the default .env', {}, ['.env'], [], `compose-lint: .env: ${FIFO}\n`],
    ['an --env-file', {}, ['prod.env'], ['--env-file', 'prod.env'], `compose-lint: prod.env: ${FIFO}\n`],
    ['a discovered config file', {}, ['.compose-lint.yaml'], [], `compose-lint: .compose-lint.yaml: cannot read config file: ${FIFO}\n`],
    ['a --config file', {}, ['my.yaml'], ['--config', 'my.yaml'], `compose-lint: my.yaml: cannot read config file: ${FIFO}\n`],
  ])('%s: exit 2', (_name, extra, fifos, args, stderr) => {
    const files: Record<string, string> = { 'compose.yaml': APP };
    for (const [k, v] of Object.entries(extra)) if (v === undefined) delete files[k];
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) files[k] = v;
    const cwd = treeWithFifos(files, fifos);
    expect(runCli(cwd, args)).toEqual({ code: 2, stdout: '', stderr });
  });

  test.each([
    ['an env_file', `${APP}    env_file: app.env\n`, ['app.env'], `compose.yaml:4:15: error: cannot read env_file app.env: ${FIFO} [load-error]\n`],
    [
      'an optional env_file (it is there)',
      `${APP}    env_file:\n      - path: app.env\n        required: false\n`,
      ['app.env'],
      `compose.yaml:5:15: error: cannot read env_file app.env: ${FIFO} [load-error]\n`,
    ],
    ['an included file', `include:\n  - inc.yaml\n${APP}`, ['inc.yaml'], `compose.yaml:2:5: error: cannot include inc.yaml: ${FIFO} [load-error]\n`],
    [
      "the .env of an included project's directory, at the include entry",
      `include:\n  - inc/compose.yaml\n${APP}`,
      ['inc/.env'],
      `compose.yaml:2:5: error: cannot read env file of include: inc/.env: ${FIFO} [load-error]\n`,
    ],
    ['an extends file', `${APP}    extends:\n      file: base.yaml\n      service: b\n`, ['base.yaml'], `compose.yaml:5:13: error: service "app" cannot extend "b": base.yaml: ${FIFO} [load-error]\n`],
  ])('%s: a load-error finding, exit 1', (_name, compose, fifos, stdout) => {
    const cwd = treeWithFifos({ 'compose.yaml': compose, 'inc/compose.yaml': 'services:\n  b:\n    image: x:1\n' }, fifos);
    expect(runCli(cwd, ['--format', 'compact', '--rule', 'load-error: error'])).toEqual({ code: 1, stdout, stderr: '' });
  });
});

describe('a device where a file is read (through a symlink to /dev/zero): refused the same way, never read', () => {
  const DEVICE = 'is a device, not a regular file';
  const withDevice = (files: Record<string, string>, at: string): string => {
    const cwd = makeTree(files);
    fs.symlinkSync('/dev/zero', path.join(cwd, at));
    return cwd;
  };

  test('the override discovery finds: exit 2', () => {
    expect(runCli(withDevice({ 'compose.yaml': APP }, 'compose.override.yml'), [])).toEqual({ code: 2, stdout: '', stderr: `compose-lint: compose.override.yml: ${DEVICE}\n` });
  });

  test('an env_file: a load-error finding', () => {
    const cwd = withDevice({ 'compose.yaml': `${APP}    env_file: app.env\n` }, 'app.env');
    expect(runCli(cwd, ['--format', 'compact'])).toEqual({ code: 1, stdout: `compose.yaml:4:15: error: cannot read env_file app.env: ${DEVICE} [load-error]\n`, stderr: '' });
  });
});

/** An ErrnoException as fs throws it. */
function fsError(code: string, syscall: string, p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${p}'`), { code, syscall, path: p });
}

/**
 * A directory that cannot be entered (chmod 000) as a non-root user sees it: stat and open of any
 * path below it fail with EACCES. Tests may run as root, which chmod does not stop, so fs is made
 * to answer as the kernel answers such a user.
 */
function lockDirectory(dir: string): jest.SpyInstance[] {
  const below = (p: fs.PathLike | number): boolean => typeof p === 'string' && p.startsWith(dir + path.sep);
  const stat = fs.statSync;
  const open = fs.openSync;
  return [
    jest.spyOn(nodeFs, 'statSync').mockImplementation((p: fs.PathLike, o?: fs.StatSyncOptions) => {
      if (below(p)) throw fsError('EACCES', 'stat', String(p));
      return stat(p, o);
    }),
    jest.spyOn(nodeFs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (below(p)) throw fsError('EACCES', 'open', String(p));
      return open(p, flags ?? 'r', mode);
    }) as typeof fs.openSync),
  ];
}

describe('files that cannot be reached: permission denied and a file on the way are not "no such file"', () => {
  test('an env_file in a directory that cannot be entered, required or not', () => {
    const cwd = makeTree({
      'compose.yaml': `${APP}    env_file:\n      - locked/app.env\n      - path: locked/opt.env\n        required: false\n`,
      'locked/app.env': 'A=1\n',
      'locked/opt.env': 'B=1\n',
    });
    const spies = lockDirectory(path.join(cwd, 'locked'));
    try {
      expect(runCli(cwd, ['--format', 'compact'])).toEqual({
        code: 1,
        stdout:
          'compose.yaml:5:9: error: cannot read env_file locked/app.env: permission denied [load-error]\ncompose.yaml:6:15: error: cannot read env_file locked/opt.env: permission denied [load-error]\n',
        stderr: '',
      });
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  test('an --env-file in a directory that cannot be entered', () => {
    const cwd = makeTree({ 'compose.yaml': APP, 'locked/prod.env': 'A=1\n' });
    const spies = lockDirectory(path.join(cwd, 'locked'));
    try {
      expect(runCli(cwd, ['--env-file', 'locked/prod.env'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: locked/prod.env: permission denied\n' });
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  test('an env_file below a file (ENOTDIR), required or not', () => {
    const cwd = makeTree({ 'compose.yaml': `${APP}    env_file:\n      - app.env/x.env\n      - path: app.env/y.env\n        required: false\n`, 'app.env': 'A=1\n' });
    expect(runCli(cwd, ['--format', 'compact'])).toEqual({
      code: 1,
      stdout:
        'compose.yaml:5:9: error: cannot read env_file app.env/x.env: a part of the path is not a directory [load-error]\ncompose.yaml:6:15: error: cannot read env_file app.env/y.env: a part of the path is not a directory [load-error]\n',
      stderr: '',
    });
  });
});

describe('two config files in one directory', () => {
  test('the one used and the ones ignored are named on one line of stderr; the exit code is the findings’', () => {
    const cwd = makeTree({ 'compose.yaml': APP, '.compose-lint.yaml': 'extends: recommended\n', '.compose-lint.yml': 'extends: all\n' });
    expect(runCli(cwd, ['--format', 'compact'])).toEqual({ code: 0, stdout: '', stderr: 'compose-lint: warning: using .compose-lint.yaml; .compose-lint.yml in the same directory is ignored\n' });
    fs.writeFileSync(path.join(cwd, '.compose-lint.json'), '{}');
    fs.writeFileSync(path.join(cwd, 'compose.yaml'), `version: "3"\n${APP}`);
    expect(runCli(cwd, ['--format', 'compact', '--rule', 'obsolete-version: error'])).toEqual({
      code: 1,
      stdout: 'compose.yaml:1:1: error: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n',
      stderr: 'compose-lint: warning: using .compose-lint.yaml; .compose-lint.yml and .compose-lint.json in the same directory are ignored\n',
    });
  });

  test('found for a project in a subdirectory: shown from the working directory, once for its projects', () => {
    const cwd = makeTree({ 'a/compose.yaml': APP, 'a/b/compose.yaml': APP, 'a/.compose-lint.yml': '{}\n', 'a/.compose-lint.json': '{}\n' });
    expect(runCli(cwd, ['a'])).toEqual({ code: 0, stdout: '', stderr: 'compose-lint: warning: using a/.compose-lint.yml; a/.compose-lint.json in the same directory is ignored\n' });
  });

  test('no warning with --config, or with one config file', () => {
    const cwd = makeTree({ 'compose.yaml': APP, '.compose-lint.yaml': '{}\n', '.compose-lint.yml': '{}\n' });
    expect(runCli(cwd, ['--config', '.compose-lint.yml'])).toEqual({ code: 0, stdout: '', stderr: '' });
    fs.rmSync(path.join(cwd, '.compose-lint.yml'));
    expect(runCli(cwd, [])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
