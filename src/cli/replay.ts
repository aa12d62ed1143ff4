/**
 * `--cache`, whole runs. A lint run with `--cache` leaves a record of itself in the cache file: its
 * arguments, working directory, environment (hashed), the build that ran, what stdout was, every
 * input it had (each file read, path asked about and directory listed; see RunInputs) and the bytes
 * it wrote, with its exit code. When the same command runs again and every one of those inputs is
 * unchanged, src/cli/boot.ts writes the recorded output without loading the linter at all.
 *
 * Why: an unchanged second run of a 500-project monorepo spent about 0.2 s starting the linter
 * (its bundle and code cache) and re-planning the projects before it could check each project's
 * entry, which put the 10x target of issue 13 out of reach. This path loads three small modules
 * (and crypto).
 *
 * A record is checked against everything it names before it is used, so it never needs to be
 * invalidated: any change (a file's bytes, a new `.env` or override, a directory's entries, an
 * environment variable, another build or Node) simply falls through to the normal run, which
 * uses the per-project entries (src/engine/lint-cache.ts) and records itself again.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cacheFileFor, entryCode, environmentHash, sha256, splitCacheText, UNREADABLE, variableHash, type RunInputs } from '../engine/cache-file';
import { pathKind } from '../load/inputs';
import { makeDirectory } from '../util/make-directory';
// discover.ts and stdout.ts load only when a record needs them: every module costs this path a resolve and a compile.

/** What a run wrote and how it ended. Texts are UTF-8. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  /** `--output-file`: the absolute path and the text written to it. */
  file: [string, string] | null;
  exitCode: number;
}

/** The record of one lint run (the `run` of the cache file's header). */
export interface RunRecord {
  /** The arguments after the script (process.argv.slice(2)). */
  argv: string[];
  cwd: string;
  /** environmentHash of the environment without SHELL_BOOKKEEPING. */
  env: string;
  /** Shell bookkeeping variables (SHELL_BOOKKEEPING) that a project looked up: the cache's variableHash of their values (null: unset). */
  shellEnv: Record<string, string | null>;
  /** codeStamp of the build that ran. */
  code: string;
  /** stdoutKind: where the report went, as far as it decides colour and width. */
  stdout: string;
  inputs: RunInputs;
  out: RunOutput;
}

/**
 * Variables a shell changes on its own (`cd` sets OLDPWD, a nested shell SHLVL, `_` is the last
 * command): left out of the environment's hash, or no two runs from different shells would match.
 * A project that interpolates one of them records it in RunRecord.shellEnv.
 */
export const SHELL_BOOKKEEPING: ReadonlySet<string> = new Set(['_', 'OLDPWD', 'SHLVL']);

/**
 * The build that runs, as Node version and the size and mtime (ms) of the CLI's code beside this
 * module: the bundle, main.js, or main.ts under ts-jest. Every build rewrites them. Undefined when
 * none is found (a layout this module does not know: no record is made).
 */
export function codeStamp(dir: string = __dirname): string | undefined {
  const parts: string[] = [];
  for (const name of ['bundle.js', 'main.js', 'main.ts']) {
    const st = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (st) parts.push(`${name}:${st.size}:${st.mtimeMs}`);
  }
  return parts.length ? `${process.version} ${parts.join(' ')}` : undefined;
}

/**
 * Where the report goes, as far as it decides the bytes (colour and width): `file` for
 * `--output-file`, `tty <columns>` for a terminal, else `other`. Asks Node for a terminal only
 * when fd 1 is a character device (making process.stdout for a pipe costs milliseconds).
 */
export function stdoutKind(toFile: boolean): string {
  if (toFile) return 'file';
  let device = false;
  try {
    device = fs.fstatSync(1).isCharacterDevice();
  } catch {
    // no fd 1: not a terminal
  }
  return device && process.stdout.isTTY ? `tty ${process.stdout.columns ?? ''}` : 'other';
}

/** The `--cache-location` of `args` (the last one given, as commander takes it), before any `--`. */
function cacheLocationArg(args: readonly string[]): string | undefined {
  let location: string | undefined;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    if (args[i] === '--cache-location') location = args[++i];
    else if (args[i].startsWith('--cache-location=')) location = args[i].slice('--cache-location='.length);
  }
  return location;
}

/**
 * Replay the run `argv` (process.argv) names when the cache file holds a record of it and none of
 * its inputs changed: write its output and set its exit code. Returns false (having written
 * nothing) when it cannot, and the normal run should go ahead. Never throws.
 */
export function replayRun(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    const args = argv.slice(2);
    // Not with --debug's or TIMING's lines, which time this run (the latter's table comes from running the rules).
    if (!args.includes('--cache') || env.COMPOSE_LINT_DEBUG || env.TIMING) return false;
    const cwd = process.cwd();
    const cacheFile = cacheFileFor(cacheLocationArg(args), cwd);
    const record = recordIn(cacheFile);
    if (!record || !sameCommand(record, args, cwd, env) || !inputsUnchanged(record.inputs, ownFiles(cacheFile, record.out.file?.[0]))) return false;
    writeOutput(record.out);
    return true;
  } catch {
    return false; // e.g. the output file cannot be written: the normal run says why
  }
}

/** The run record in the cache `file`, when there is a well-formed one. Reads the header line only (the entries are most of the file). */
function recordIn(file: string): RunRecord | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  const chunks: Buffer[] = [];
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 17);
      const n = fs.readSync(fd, chunk);
      if (n === 0) break;
      const end = chunk.subarray(0, n).indexOf(10); // the header's newline
      chunks.push(chunk.subarray(0, end < 0 ? n : end + 1));
      if (end >= 0) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  const run = splitCacheText(Buffer.concat(chunks).toString('utf8')).header.run;
  return wellFormedRecord(run) ? run : undefined;
}

function sameCommand(r: RunRecord, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): boolean {
  if (r.cwd !== cwd || r.argv.length !== args.length || r.argv.some((a, i) => a !== args[i])) return false;
  if (r.code !== codeStamp()) return false;
  for (const [name, hash] of Object.entries(r.shellEnv)) if (variableHash(name, env[name]) !== hash) return false;
  return r.stdout === stdoutKind(r.out.file !== null) && r.env === environmentHash(env, SHELL_BOOKKEEPING);
}

/**
 * The files a run writes itself (the cache file, its temporary files, the `--output-file`, and the
 * folders it creates for them): left out of the listings and kinds a record keeps and compares, as
 * they appear after the directory was listed. Returns a test of an entry (name) of a directory.
 */
export function ownFiles(cacheFile: string, outputFile: string | undefined): (dir: string, name: string) => boolean {
  // Each own file and the folders above it, by name: a directory listing asks about every entry.
  const own = new Map<string, Set<string>>();
  for (const file of outputFile === undefined ? [cacheFile] : [cacheFile, outputFile]) {
    for (let p = file; path.dirname(p) !== p; p = path.dirname(p)) {
      const name = path.basename(p);
      if (!own.has(name)) own.set(name, new Set());
      own.get(name)!.add(p);
    }
  }
  const cacheBase = path.basename(cacheFile);
  const cacheDir = path.dirname(cacheFile);
  return (dir, name) => (own.has(name) && own.get(name)!.has(path.join(dir, name))) || (name.startsWith(`${cacheBase}.`) && /^\.\d+\.tmp$/.test(name.slice(cacheBase.length)) && dir === cacheDir);
}

/** `inputs` without the run's own files (see ownFiles) in its listings and kinds. */
export function withoutOwnFiles(inputs: RunInputs, own: (dir: string, name: string) => boolean): RunInputs {
  const listings: RunInputs['listings'] = {};
  for (const [dir, codes] of Object.entries(inputs.listings)) listings[dir] = codes && codes.filter((c) => !own(dir, c.slice(2)));
  const kinds: RunInputs['kinds'] = {};
  for (const [abs, kind] of Object.entries(inputs.kinds)) if (!own(path.dirname(abs), path.basename(abs))) kinds[abs] = kind;
  return { ...inputs, listings, kinds };
}

/** Every input of the record as it was: listings, kinds, compose names, then (dearest) file bytes. */
function inputsUnchanged(inputs: RunInputs, own: (dir: string, name: string) => boolean): boolean {
  // for-in, not Object.entries: no pair array per entry on a path where garbage collection is a tenth of the time.
  for (const dir in inputs.listings) {
    const codes = inputs.listings[dir];
    let now: string[] | null;
    try {
      now = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => !own(dir, e.name))
        .map(entryCode)
        .sort();
    } catch {
      now = null;
    }
    if (!sameList(now, codes)) return false;
  }
  for (const abs in inputs.kinds) if (pathKind(abs) !== inputs.kinds[abs]) return false;
  for (const [dir, names] of Object.entries(inputs.composeNames)) {
    let now: string[];
    try {
      now = fs
        .readdirSync(dir)
        .filter((require('../load/discover') as typeof import('../load/discover')).isNeighbourName)
        .sort();
    } catch {
      now = [];
    }
    if (!sameList(now, names)) return false;
  }
  const buffer = { bytes: Buffer.allocUnsafe(1 << 16) };
  for (const abs in inputs.files) {
    if (inputs.files[abs].startsWith(UNREADABLE)) return false; // a run that could not read a file is not replayed: the per-project check compares why
    const bytes = fileBytes(abs, buffer);
    if (!bytes || sha256(bytes) !== inputs.files[abs]) return false;
  }
  return true;
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean => (a === null || b === null ? a === b : a.length === b.length && a.every((x, i) => x === b[i]));

/** The most a file read here may hold (the loader's limit, src/load/read.ts MAX_FILE_BYTES): a device put in a file's place ends there. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of `abs`, read into `buffer.bytes` (grown as needed; the result is a view of it, valid
 * until the next call), or undefined when it cannot be read. Opened non-blocking and without a
 * stat: a FIFO put in the file's place reads as an error (EAGAIN) or nothing, a directory as
 * EISDIR, a device as too much or other bytes; each then fails the hash. On this path every
 * system call counts (a 500-project run reads 1,000 files).
 */
function fileBytes(abs: string, buffer: { bytes: Buffer }): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.bytes.length) {
        if (length >= MAX_BYTES) return undefined;
        const grown = Buffer.allocUnsafe(length * 2);
        buffer.bytes.copy(grown);
        buffer.bytes = grown;
      }
      const wanted = buffer.bytes.length - length;
      const n = fs.readSync(fd, buffer.bytes, length, wanted, null);
      length += n;
      // A regular file reads short only at its end: no second read to see end of file (1,000 system calls saved).
      if (n < wanted) return buffer.bytes.subarray(0, length);
    }
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Write what the run wrote: the output file first (if that fails, nothing else is written), then stderr and stdout. */
function writeOutput(out: RunOutput): void {
  if (out.file) {
    makeDirectory(path.dirname(out.file[0]));
    fs.writeFileSync(out.file[0], out.file[1]);
  }
  if (out.stderr) process.stderr.write(out.stderr);
  if (out.stdout) {
    (require('./stdout') as typeof import('./stdout')).watchStdoutErrors();
    process.stdout.write(out.stdout);
  }
  if (out.exitCode) process.exitCode = out.exitCode;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringMap = (v: unknown, value: (x: unknown) => boolean): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const key in v) if (!value((v as Record<string, unknown>)[key])) return false;
  return true;
};
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const KINDS = new Set<unknown>(['file', 'dir', 'other', 'absent', 'unreadable']);

/** The shape a record is written in, checked before it is trusted (the file may have been edited or damaged). */
function wellFormedRecord(v: unknown): v is RunRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const inputs = r.inputs as Record<string, unknown> | null | undefined;
  const out = r.out as Record<string, unknown> | null | undefined;
  return (
    isStrings(r.argv) &&
    isString(r.cwd) &&
    isString(r.env) &&
    isString(r.code) &&
    isString(r.stdout) &&
    isStringMap(r.shellEnv, (x) => x === null || isString(x)) &&
    typeof inputs === 'object' &&
    inputs !== null &&
    isStringMap(inputs.files, isString) &&
    isStringMap(inputs.kinds, (k) => KINDS.has(k)) &&
    isStringMap(inputs.listings, (l) => l === null || isStrings(l)) &&
    isStringMap(inputs.composeNames, isStrings) &&
    typeof out === 'object' &&
    out !== null &&
    isString(out.stdout) &&
    isString(out.stderr) &&
    (out.file === null || (Array.isArray(out.file) && out.file.length === 2 && out.file.every(isString))) &&
    Number.isInteger(out.exitCode)
  );
}
