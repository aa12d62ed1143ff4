/**
 * `--cache`: the findings of each project, kept in one JSON file between runs and reused while
 * nothing that went into the project changed (ESLint's `--cache`, with its `content` strategy).
 *
 * An entry is found by a key over what the run decided before loading: the project's plan (its
 * files, directory, name, env files, profiles), the effective config (resolved, so a config file
 * created up the tree or an edited preset changes it), `--no-ignore`, the rule set and the tool's
 * version. It is used only when every input the loader recorded (src/load/inputs.ts) is unchanged:
 * each file read has the same bytes (SHA-256), each probed path is still what it was (a
 * `compose.override.yaml` or `.env` created since counts), each directory listing used names the
 * same compose files, and each OS environment variable looked up has the same value.
 *
 * Why content and not mtime: editors, `git checkout` and CI caches restore files with new or old
 * mtimes; hashing a project's few small files costs far less than loading it, and is never fooled.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../types';
import type { ProjectInputs } from '../model/project';
import type { SuppressedFinding } from './suppress';
import type { EffectiveConfig } from './config';
import { isNeighbourName } from '../load/discover';
import { listDirectory, pathKind, type PathKind, type RunSnapshot } from '../load/inputs';
import { MAX_FILE_BYTES, readRegularFile, readRegularFileUncached, sourceText, unreadableReason } from '../load/read';

import { entryCode, environmentHash, joinCacheText, sha256, splitCacheText, UNREADABLE, variableHash, type RunInputs } from './cache-file';
import { makeDirectory } from '../util/make-directory';

/** The largest cache file read (about 1.3 KiB per project was measured: 780,000 projects). */
const MAX_CACHE_BYTES = 1 << 30;

/**
 * One project's result before the run-wide steps (dedupe across projects, suppression comments,
 * sorting): what lintSync needs from it, as plain data (it crosses worker threads and the cache file).
 */
export interface ProjectOutcome {
  /** Findings after the config's `exclude`, with files the config ignores dropped. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Display paths of the compose files linted (LintResult.files). */
  files: string[];
  /** Display paths of files with YAML errors. */
  unparsed: string[];
  /**
   * The sources read (display path, absolute path; `ignored` when the config ignores it there), in
   * load order, for suppression comments. `text` is left out of the cache file (it is read back
   * when the entry is checked).
   */
  sources: { path: string; abs: string; ignored: boolean; text?: string }[];
  /** `--debug` lines of the load (kept so the lines come out in project order whoever did the work). */
  debug: string[];
  /** With LintOptions.timing: milliseconds per rule id that this run's checks took. Never stored (a hit runs no rule). */
  ruleTimes?: Record<string, number>;
}

/** An entry as stored: the inputs to check, then the outcome. */
interface Entry {
  reads: [string, string][];
  probes: [string, PathKind][];
  listings: [string, string[]][];
  /** Variable, variableHash of its value (null: unset). Values are never stored: they may be secrets, and cache files travel (CI caches). */
  env: [string, string | null][];
  /** Hash of the whole OS environment, when the load enumerated it. */
  envAll?: string;
  outcome: ProjectOutcome;
}

/** JSON with Maps as sorted entry lists (an EffectiveConfig holds Maps). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...(v as Map<string, unknown>).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : v));
}

/** Each config object's hash, made once per run (one config serves many projects). */
const configHash = new WeakMap<EffectiveConfig, string>();

/**
 * The cache file of one run: read once (`open`), looked up and filled per project, written once
 * (`save`, atomically: a temporary file renamed over the old one). A file that cannot be read or
 * parsed, or was written by another version or format, is ignored (said on `debug`), never an error.
 */
export class LintCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;
  /** The whole-run record the file held (kept when this run makes none). */
  private storedRun: unknown = null;
  /** The inputs of the entries this run used or stored, for the record of the whole run. */
  private readonly used = { files: new Map<string, string>(), kinds: new Map<string, PathKind>(), composeNames: new Map<string, string[]>(), env: new Map<string, string | null>() };
  hits = 0;
  misses = 0;

  /**
   * @param file the cache file (absolute; a directory given as `--cache-location` is resolved by `cacheFileFor`)
   * @param tool the tool's fingerprint (version and rule set): a file from another is ignored
   */
  constructor(
    readonly file: string,
    private readonly tool: string,
    private readonly debug: (line: string) => void = () => undefined,
  ) {
    let text: string;
    try {
      // Without blocking on a FIFO, and outside the run snapshot: the cache file is no project's input.
      text = readRegularFileUncached(file, MAX_CACHE_BYTES).toString('utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      debug(code === 'ENOENT' ? `cache: no cache file ${file} yet` : `cache: ignoring ${file}: cannot read it (${code ?? (e as Error).message})`);
      return;
    }
    try {
      const { header, entries } = splitCacheText(text);
      this.storedRun = header.run;
      if (header.tool !== tool) {
        debug(`cache: ignoring ${file}: written by another version or rule set`);
        return;
      }
      const parsed: unknown = JSON.parse(entries);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('no entries');
      this.entries = parsed as Record<string, Entry>;
    } catch (e) {
      debug(`cache: ignoring ${file}: unreadable (${(e as Error).message.split('\n')[0]})`);
    }
  }

  /**
   * The key of a project: its plan, config, `--no-ignore` and cwd (display paths are relative to it).
   * @param plan the plan's JSON-able fields (no environment: variables count only when looked up)
   */
  static key(plan: Record<string, unknown>, cfg: EffectiveConfig, extra: Record<string, unknown>): string {
    let cfgHash = configHash.get(cfg);
    if (cfgHash === undefined) configHash.set(cfg, (cfgHash = sha256(stableJson(cfg)))); // one config serves many projects
    return sha256(stableJson({ plan, extra }) + cfgHash);
  }

  /** The stored outcome of `key` when every input is unchanged, else undefined (and a debug line saying why). */
  lookup(key: string, osEnv: Record<string, string>, label: string): ProjectOutcome | undefined {
    const entry: unknown = this.entries[key];
    // A file edited by hand or damaged on disk may still be JSON: its entry is then re-linted and replaced.
    const checked = entry === undefined ? 'not in the cache (a first run, or its files, config or options changed)' : wellFormed(entry) ? this.check(entry, osEnv) : 'its cache entry is damaged';
    if (typeof checked === 'string') {
      this.misses++;
      this.debug(`cache: miss for ${label}: ${checked}`);
      return undefined;
    }
    this.hits++;
    this.noteUsed(entry as Entry);
    return checked;
  }

  /** Remember an entry's inputs as inputs of this run. */
  private noteUsed(entry: Entry): void {
    for (const [abs, hash] of entry.reads) this.used.files.set(abs, hash);
    for (const [abs, kind] of entry.probes) this.used.kinds.set(abs, kind);
    for (const [dir, names] of entry.listings) this.used.composeNames.set(dir, names);
    for (const [name, value] of entry.env) this.used.env.set(name, value);
  }

  /**
   * Everything this run read, probed and listed, for a record of the whole run (src/cli/replay.ts):
   * the run's view of the disk (`snapshot`: planning, and the projects loaded in this thread) and
   * the inputs of every project entry used or stored (projects from the cache or from worker
   * threads). A kind that a listing settles is left to the listing. `env`: the variables the
   * projects looked up, with the variableHash of their values then (null: unset).
   */
  runInputs(snapshot: Readonly<RunSnapshot>): RunInputs & { env: Record<string, string | null> } {
    const files: Record<string, string> = Object.fromEntries(this.used.files);
    for (const [abs, buf] of snapshot.bytes) files[abs] ??= sha256(buf);
    const listings: RunInputs['listings'] = {};
    for (const [dir, entries] of snapshot.listings) listings[dir] = entries ? [...entries.values()].map(entryCode).sort() : null;
    const kinds: RunInputs['kinds'] = {};
    for (const [abs, kind] of [...this.used.kinds, ...snapshot.kinds]) {
      const entries = snapshot.listings.get(path.dirname(abs));
      const entry = entries?.get(path.basename(abs));
      const settled = entries !== undefined && (entry ? !entry.isSymbolicLink() && kindOf(entry) === kind : kind === 'absent');
      if (!settled) kinds[abs] = kind;
    }
    const composeNames: RunInputs['composeNames'] = {};
    for (const [dir, names] of this.used.composeNames) if (!(dir in listings)) composeNames[dir] = names;
    return { files, kinds, listings, composeNames, env: Object.fromEntries(this.used.env) };
  }

  /**
   * The entry's outcome, with the texts of its sources made from the bytes just read and hashed
   * (UTF-8, BOM dropped, as the loader does), or why the entry may not be used.
   */
  private check(entry: Entry, osEnv: Record<string, string>): ProjectOutcome | string {
    const bytes = new Map<string, Buffer>();
    for (const [abs, hash] of entry.reads) {
      let buf: Buffer;
      try {
        buf = readRegularFile(abs, MAX_FILE_BYTES);
      } catch (e) {
        if (hash === `${UNREADABLE}${unreadableReason(e)}`) continue; // still unreadable, for the same reason
        return `${abs} cannot be read any more`;
      }
      if (hash.startsWith(UNREADABLE)) return `${abs} can be read now`;
      if (sha256(buf) !== hash) return `${abs} changed`;
      bytes.set(abs, buf);
    }
    for (const [abs, kind] of entry.probes) if (pathKind(abs) !== kind) return `${abs} was ${kind === 'absent' || kind === 'unreadable' ? kind : `a ${kind}`} and is not any more`;
    for (const [dir, names] of entry.listings) {
      let now: string[];
      try {
        now = listDirectory(dir)
          .map((e) => e.name)
          .filter(isNeighbourName)
          .sort();
      } catch {
        now = [];
      }
      if (now.join('\0') !== names.join('\0')) return `the compose files in ${dir} changed`;
    }
    for (const [name, hash] of entry.env) if (variableHash(name, Object.prototype.hasOwnProperty.call(osEnv, name) ? osEnv[name] : undefined) !== hash) return `environment variable ${name} changed`;
    if (entry.envAll !== undefined && entry.envAll !== environmentHash(osEnv)) return 'the environment changed (the project copies all of it)';
    const sources: ProjectOutcome['sources'] = [];
    for (const s of entry.outcome.sources) {
      const buf = bytes.get(s.abs);
      if (buf === undefined) return `${s.abs} is not among the inputs`; // cannot happen for entries this module wrote
      sources.push({ ...s, text: sourceText(buf) });
    }
    return { ...entry.outcome, sources };
  }

  /** Record `outcome` under `key` with the project's inputs (`osEnv`: for the hash of the whole environment). */
  store(key: string, outcome: ProjectOutcome, inputs: ProjectInputs, osEnv: Record<string, string>): void {
    const entry: Entry = {
      reads: [...[...inputs.reads].map(([abs, buf]): [string, string] => [abs, sha256(buf)]), ...[...inputs.unreadable].map(([abs, why]): [string, string] => [abs, `${UNREADABLE}${why}`])],
      probes: [...inputs.probes],
      listings: [...inputs.listings].map(([dir, names]) => [dir, [...names]]),
      env: [...inputs.env].map(([k, v]) => [k, variableHash(k, v)]),
      // Texts are read back when the entry is checked; debug lines are those of this run's load.
      outcome: { ...outcome, sources: outcome.sources.map(({ path: p, abs, ignored }) => ({ path: p, abs, ignored })), debug: [], ruleTimes: undefined },
    };
    if (inputs.envEnumerated) entry.envAll = environmentHash(osEnv);
    this.entries[key] = entry;
    this.dirty = true;
    this.noteUsed(entry);
  }

  /**
   * Write the file when something changed: to a temporary file beside it, then renamed over it, so a
   * concurrent run reads the old file or the new one. Never throws: a failure to write comes back as
   * one line for the user (every later run would otherwise lint everything without saying why).
   * @param run a record of this whole run (src/cli/replay.ts); without one, the file keeps the record
   *   it had (a record is checked against every input it names before use, so it never goes stale)
   */
  save(run?: unknown): string | undefined {
    const runChanged = run !== undefined && JSON.stringify(run) !== JSON.stringify(this.storedRun);
    if (!this.dirty && !runChanged) return undefined;
    const file = writeTarget(this.file);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      makeDirectory(path.dirname(file));
      fs.writeFileSync(tmp, joinCacheText(this.tool, run ?? this.storedRun, JSON.stringify(this.entries)));
      fs.renameSync(tmp, file);
      const n = Object.keys(this.entries).length;
      this.debug(`cache: wrote ${this.file} (${n} ${n === 1 ? 'project' : 'projects'})`);
      return undefined;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // the folder itself is not usable (a file, /proc): nothing was written there
      }
      const err = e as NodeJS.ErrnoException;
      const why = WRITE_ERRORS[err.code ?? ''] ?? err.code ?? err.message.split('\n')[0];
      return `--cache: cannot write ${this.file} (${why}); findings are complete, but the next run cannot reuse them`;
    }
  }
}

/** Why a cache file could not be written, in words, by error code (mkdir gives EEXIST where a file stands in the path). */
const WRITE_ERRORS: Record<string, string> = {
  ENOTDIR: 'part of the path is a file',
  EEXIST: 'part of the path is a file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOENT: 'cannot create a file there',
};

const isString = (v: unknown): v is string => typeof v === 'string';
const isPairs = (v: unknown, second: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && isString(p[0]) && second(p[1]));
const isPosition = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
const SEVERITIES = new Set<unknown>(['error', 'warning', 'info']);

/** A finding as the formatters need it: file, 1-based line and column, rule, message, severity. */
function isStoredFinding(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return isString(f.file) && isPosition(f.line) && isPosition(f.column) && isString(f.rule) && isString(f.message) && SEVERITIES.has(f.severity);
}

/** The shape `store` writes, checked before an entry is trusted (the file may have been edited or damaged). */
function wellFormed(e: unknown): e is Entry {
  if (typeof e !== 'object' || e === null) return false;
  const { reads, probes, listings, env, envAll, outcome } = e as Record<string, unknown>;
  if (!isPairs(reads, isString) || !isPairs(probes, isString) || !isPairs(listings, (n) => Array.isArray(n) && n.every(isString))) return false;
  if (!isPairs(env, (v) => v === null || isString(v)) || (envAll !== undefined && !isString(envAll))) return false;
  if (typeof outcome !== 'object' || outcome === null) return false;
  const o = outcome as Record<string, unknown>;
  const sourceOk = (s: unknown): boolean => typeof s === 'object' && s !== null && isString((s as Record<string, unknown>).path) && isString((s as Record<string, unknown>).abs);
  return (
    Array.isArray(o.findings) &&
    o.findings.every(isStoredFinding) &&
    Array.isArray(o.suppressed) &&
    o.suppressed.every(isStoredFinding) &&
    Array.isArray(o.files) &&
    o.files.every(isString) &&
    Array.isArray(o.unparsed) &&
    o.unparsed.every(isString) &&
    Array.isArray(o.sources) &&
    o.sources.every(sourceOk) &&
    Array.isArray(o.debug) &&
    o.debug.every(isString)
  );
}

/** What a (non-symlink) directory entry is, as pathKind says it. */
function kindOf(e: fs.Dirent): PathKind {
  return e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other';
}

/**
 * Where to write the cache file: through a symlink to a regular file (a link into a CI cache folder
 * stays a link), else the path itself (new, dangling, or a link to something that is not a regular
 * file such as /dev/null, which the rename must never replace).
 */
function writeTarget(file: string): string {
  try {
    const real = fs.realpathSync(file);
    return fs.statSync(real).isFile() ? real : file;
  } catch {
    return file;
  }
}
