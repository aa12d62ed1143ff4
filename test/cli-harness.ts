/**
 * The CLI run inside the jest worker: `main(argv)` from src/cli/main with a given working
 * directory, environment and standard input, capturing the bytes written to stdout and stderr and
 * the exit code, then putting the process back as it was. A spawned `node bin/compose-lint.js`
 * costs 150-250 ms of CPU before it does anything; this costs a few milliseconds, so CLI tests use
 * it. test/cli-harness.test.ts proves it faithful: the same bytes and exit code as the real binary
 * (`binary` below) for representative runs; the tests of what only a real process shows (start-up,
 * pipes closed early, output drained before exit) keep spawning.
 *
 * What a spawned run sees, the harness reproduces: stdout and stderr are pipes (isTTY undefined, no
 * columns), the environment is exactly `env` (PATH and NO_COLOR=1 unless overridden), stdin holds
 * exactly `input` (empty by default), and `process.exitCode` starts unset.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { replayRun } from '../src/cli/replay';

/** What a run printed, byte for byte, and how it exited (0 when it set no exit code). */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** With `viaBoot`: whether the run was replayed from the cache instead of run. */
  replayed?: boolean;
}

export interface CliRunOptions {
  /** Standard input (default: empty, as a spawned run with nothing piped in sees it). */
  input?: string | Buffer;
  /** Variables on top of PATH and NO_COLOR=1 (the only ones a run sees). */
  env?: Record<string, string>;
  /** Start as the binary does (src/cli/boot.ts): a `--cache` run may then be replayed whole (src/cli/replay.ts). */
  viaBoot?: boolean;
}

const BIN = path.resolve(__dirname, '..', 'bin', 'compose-lint.js');

/** The environment of a run: nothing of the test process's own but PATH. */
function runEnv(env: Record<string, string> | undefined): Record<string, string> {
  return { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env };
}

/** The properties of a stream a run must not see as they are in the jest worker: its writer and its terminal. */
const STREAM_KEYS = ['write', 'isTTY', 'columns'] as const;

/** Replace `stream.write` (and hide the terminal) until the returned function is called. */
function capture(stream: NodeJS.WriteStream, into: Buffer[]): () => void {
  const own = STREAM_KEYS.map((key) => [key, Object.getOwnPropertyDescriptor(stream, key)] as const);
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void): boolean => {
    into.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
    (typeof encoding === 'function' ? encoding : cb)?.();
    return true;
  };
  // A pipe, as for the spawned binary: no terminal, so no colour by default and no width to wrap to.
  const values = { write, isTTY: undefined, columns: undefined };
  for (const key of STREAM_KEYS) Object.defineProperty(stream, key, { value: values[key], configurable: true, writable: true });
  return () => {
    for (const [key, descriptor] of own) {
      if (descriptor) Object.defineProperty(stream, key, descriptor);
      else delete (stream as unknown as Record<string, unknown>)[key];
    }
  };
}

/**
 * Run `compose-lint args...` in `cwd`, in this process. Synchronous, like every command of the CLI.
 * @returns the exit code (0 when the run set none) and stdout/stderr decoded as UTF-8
 */
export function runCli(cwd: string, args: string[], opts: CliRunOptions = {}): CliRun {
  const stdinFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-stdin-')), 'stdin');
  fs.writeFileSync(stdinFile, opts.input ?? '');
  const stdinFd = fs.openSync(stdinFile, 'r');
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const saved = { cwd: process.cwd(), env: process.env, exitCode: process.exitCode, stdoutErrorListeners: process.stdout.listeners('error') };
  const restore = [capture(process.stdout, out), capture(process.stderr, err)];
  process.env = runEnv(opts.env);
  process.exitCode = undefined;
  let code: number | null;
  let replayed: boolean | undefined;
  try {
    process.chdir(cwd);
    const argv = [process.execPath, BIN, ...args];
    if (opts.viaBoot) replayed = argv.includes('--cache') && replayRun(argv);
    if (!replayed) main(argv, { stdinFd });
    code = Number(process.exitCode ?? 0);
  } finally {
    process.chdir(saved.cwd);
    process.env = saved.env;
    process.exitCode = saved.exitCode;
    for (const undo of restore) undo();
    // main listens for EPIPE on stdout once per run: drop what this run added.
    for (const l of process.stdout.listeners('error')) if (!saved.stdoutErrorListeners.includes(l)) process.stdout.off('error', l as (e: Error) => void);
    fs.closeSync(stdinFd);
    fs.rmSync(path.dirname(stdinFile), { recursive: true, force: true });
  }
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ...(opts.viaBoot && { replayed }) };
}

/** The real binary (`node -- bin/compose-lint.js args...`), spawned with the same environment and stdin as runCli gives. */
export function binary(cwd: string, args: string[], opts: CliRunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, ['--', BIN, ...args], { cwd, input: opts.input ?? '', env: runEnv(opts.env), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
