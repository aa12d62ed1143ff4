/**
 * What a project load depended on: every file it read (with its bytes), every path it probed (found
 * or absent), the directory listings it used and the environment variables it looked up. `--cache`
 * (src/engine/lint-cache.ts) reuses a project's findings only while all of these are unchanged, so
 * the loader records them itself instead of the cache guessing from outside.
 *
 * The loader is synchronous: loadProject makes its log the current one while it runs, and the few
 * modules that touch the disk (read.ts, discover.ts, env.ts, include.ts, service-files.ts,
 * neighbours.ts) note what they did here. Outside a load (planning the projects) nothing is noted.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ProjectInputs } from '../model/project';

/**
 * What a path was when probed: `stat` followed through symlinks. `other`: a FIFO, socket or device;
 * `unreadable`: stat failed for another reason than a missing entry (a directory on the way that
 * cannot be entered, EACCES; a file on the way, ENOTDIR): Compose skips such a name where it looks
 * for optional files, and fails to read it where a file is required.
 */
export type PathKind = 'file' | 'dir' | 'other' | 'absent' | 'unreadable';

/** The inputs of one project load (and of the neighbours it loaded lazily, which share it). */
export class InputLog implements ProjectInputs {
  /** Files read, by absolute path: their bytes as read. */
  readonly reads = new Map<string, Buffer>();
  /** Files that could not be read, by absolute path: why (see ProjectInputs.unreadable). */
  readonly unreadable = new Map<string, string>();
  /** Paths probed, by absolute path: what they were. */
  readonly probes = new Map<string, PathKind>();
  /** Directory listings used, by absolute path: the names of possible neighbours in them (isNeighbourName), sorted. */
  readonly listings = new Map<string, string[]>();
  /** OS environment variables looked up (directly or through the project environment), with their values then. */
  readonly env = new Map<string, string | undefined>();
  /** The whole OS environment was enumerated (e.g. copied into an include's environment): any change counts. */
  envEnumerated = false;
}

let current: InputLog | undefined;

/** Run `fn` with `log` as the current log (restoring the previous one after). */
export function withInputLog<T>(log: InputLog, fn: () => T): T {
  const previous = current;
  current = log;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** The loader read `abs` and got `bytes`. */
export function noteRead(abs: string, bytes: Buffer): void {
  current?.reads.set(abs, bytes);
}

/**
 * The loader could not read `abs` (`why`: errno code or message). A file that becomes readable
 * again (permissions restored) must make the load stale, so the failure is an input too.
 */
export function noteUnreadable(abs: string, why: string): void {
  current?.unreadable.set(abs, why);
}

/** What `abs` is (stat, following symlinks), noted as probed. */
export function probePath(abs: string): PathKind {
  const kind = pathKind(abs);
  current?.probes.set(abs, kind);
  return kind;
}

/**
 * One run's view of the disk (see withRunSnapshot): what each path was and the bytes of each file,
 * the first time the run asked. Planning, loading and the cache's checks then see the same disk and
 * ask it once: a 500-project run otherwise stats and reads each `.env` and compose file twice or more.
 */
export interface RunSnapshot {
  kinds: Map<string, PathKind>;
  bytes: Map<string, Buffer>;
  /** Directory entries by directory (undefined: not readable), by name. */
  listings: Map<string, Map<string, fs.Dirent> | undefined>;
}
let snapshot: RunSnapshot | undefined;

/** Run `fn` with a run snapshot (a nested call shares the outer one). */
export function withRunSnapshot<T>(fn: () => T): T {
  if (snapshot) return fn();
  snapshot = { kinds: new Map(), bytes: new Map(), listings: new Map() };
  try {
    return fn();
  } finally {
    snapshot = undefined;
  }
}

/**
 * What the current run has seen of the disk so far (undefined outside withRunSnapshot): the kinds
 * of the paths it asked about, the bytes of the files it read and the directories it listed. Read
 * only; `--cache` keeps a record of a whole run from it (src/cli/replay.ts).
 */
export function runSnapshot(): Readonly<RunSnapshot> | undefined {
  return snapshot;
}

/** The bytes of `abs` this run already read (read.ts), if any. */
export function snapshotBytes(abs: string): Buffer | undefined {
  return snapshot?.bytes.get(abs);
}

/** Remember the bytes of `abs` for the rest of the run. */
export function rememberBytes(abs: string, bytes: Buffer): void {
  snapshot?.bytes.set(abs, bytes);
}

/** What `abs` is now (the run's answer when it already asked), without noting it (the cache checks probes with this). */
export function pathKind(abs: string): PathKind {
  const known = snapshot?.kinds.get(abs);
  if (known !== undefined) return known;
  const kind = kindFromListing(abs) ?? statKind(abs);
  snapshot?.kinds.set(abs, kind);
  return kind;
}

/** What the run's listing of `abs`'s directory says it is, when that settles it (a symlink needs a stat). */
function kindFromListing(abs: string): PathKind | undefined {
  const dir = path.dirname(abs);
  if (!snapshot?.listings.has(dir)) return undefined;
  const entries = snapshot.listings.get(dir);
  if (!entries) return undefined;
  const entry = entries.get(path.basename(abs));
  if (!entry) return 'absent';
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : entry.isSymbolicLink() ? undefined : 'other';
}

/**
 * The entries of `dir` (the run's listing when it already read it), sorted by name; throws what
 * readdir throws. Each listing also answers pathKind for the paths in it without a stat.
 */
export function listDirectory(dir: string): fs.Dirent[] {
  const known = snapshot?.listings.get(dir);
  if (known) return [...known.values()];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    snapshot?.listings.set(dir, undefined);
    throw e;
  }
  snapshot?.listings.set(dir, new Map(entries.map((e) => [e.name, e])));
  return entries;
}

function statKind(abs: string): PathKind {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs, { throwIfNoEntry: false });
  } catch {
    return 'unreadable'; // EACCES, ENOTDIR, ELOOP: reading it says why
  }
  if (!st) return 'absent';
  return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
}

/** The loader used the names of possible neighbours in `dir` (isNeighbourName, sorted). */
export function noteListing(dir: string, names: readonly string[]): void {
  current?.listings.set(dir, [...names]);
}

/** Per environment made by watchEnv: the plain object behind it and the OS environment its values are noted from. */
const watched = new WeakMap<object, { target: Record<string, string>; os: Record<string, string> }>();

/** The plain object behind an environment made by watchEnv (or `env` itself): for copying it without noting every variable. */
export function rawEnv(env: Record<string, string>): Record<string, string> {
  return watched.get(env)?.target ?? env;
}

/**
 * `env` as seen through the current log: each variable looked up is noted with its value in
 * `osEnv` (the OS environment, or an environment made by watchEnv, whose OS environment is taken;
 * a value from an env file is covered by that file's bytes), and
 * enumerating it notes that the whole OS environment was used. Without a current log, `env` itself.
 */
export function watchEnv(env: Record<string, string>, osEnv: Record<string, string>): Record<string, string> {
  const log = current;
  if (!log) return env;
  const target = rawEnv(env);
  const os = watched.get(osEnv)?.os ?? osEnv;
  const note = (key: string | symbol): void => {
    if (typeof key === 'string' && !log.env.has(key)) log.env.set(key, Object.prototype.hasOwnProperty.call(os, key) ? os[key] : undefined);
  };
  const proxy = new Proxy(target, {
    get: (t, key): unknown => (note(key), Reflect.get(t, key)),
    has: (t, key) => (note(key), Reflect.has(t, key)),
    getOwnPropertyDescriptor: (t, key) => (note(key), Reflect.getOwnPropertyDescriptor(t, key)),
    ownKeys: (t) => ((log.envEnumerated = true), Reflect.ownKeys(t)),
  });
  watched.set(proxy, { target, os });
  return proxy;
}
