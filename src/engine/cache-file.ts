/**
 * The `--cache` file's place and layout, apart from what is in it, so that the start-up check of a
 * whole-run record (src/cli/replay.ts) can read the file without loading the linter.
 *
 * Layout (format 3; 2 kept variables' values, 1 had no header line): two lines of JSON. The first is the header, `{"format":3,"tool":...,"run":...}`:
 * the tool fingerprint of the entries and the record of the last whole run (or null); the second
 * holds the projects' entries (src/engine/lint-cache.ts). A reader that wants only the run record
 * parses the first line.
 */
import type * as fs from 'fs';
import * as path from 'path';
import { pathKind, type PathKind } from '../load/inputs';

/** The default `--cache-location`: a file in the cwd (ESLint's is `.eslintcache`). */
export const DEFAULT_CACHE_FILE = '.compose-lint-cache';

/** Bumped when the file's shape changes: an older file is then ignored. */
export const CACHE_FORMAT = 3;

/** The first line of a cache file. */
export interface CacheHeader {
  format: number;
  /** The fingerprint of the tool that wrote the entries (version and rule set). */
  tool: string;
  /** The record of the last run that may be replayed whole (src/cli/replay.ts), or null. */
  run: unknown;
}

/**
 * The header of a cache file's text and the rest (the entries' JSON). Throws an Error saying why
 * when the text is not a cache file of this format.
 */
export function splitCacheText(text: string): { header: CacheHeader; entries: string } {
  const end = text.indexOf('\n');
  const header = JSON.parse(end < 0 ? text : text.slice(0, end)) as Partial<CacheHeader> | null;
  if (header === null || typeof header !== 'object' || header.format !== CACHE_FORMAT || typeof header.tool !== 'string' || end < 0) {
    throw new Error(`not a compose-lint cache file of format ${CACHE_FORMAT}`);
  }
  return { header: { format: CACHE_FORMAT, tool: header.tool, run: header.run ?? null }, entries: text.slice(end + 1) };
}

/** The text of a cache file: the header line, then `entries` (JSON text on one line). */
export function joinCacheText(tool: string, run: unknown, entries: string): string {
  const header: CacheHeader = { format: CACHE_FORMAT, tool, run: run ?? null };
  return `${JSON.stringify(header)}\n${entries}`;
}

/**
 * The cache file for `--cache-location` (ESLint's convention): a path that is a directory, or ends
 * in a separator, gets `.compose-lint-cache` inside it; any other path is the file itself. Default: in `cwd`.
 */
export function cacheFileFor(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || pathKind(abs) === 'dir') return path.join(abs, DEFAULT_CACHE_FILE);
  return abs;
}

/**
 * Every input of a whole run, as a run record keeps it (src/cli/replay.ts checks each before
 * replaying the run). Paths are absolute.
 */
export interface RunInputs {
  /** Files read: SHA-256 (base64) of their bytes; for a file that could not be read, UNREADABLE and why. */
  files: Record<string, string>;
  /** Paths asked about, with what they were, where no listing below settles it. */
  kinds: Record<string, PathKind>;
  /** Directories listed: their entries as `f:`/`d:`/`l:`/`o:` and the name, sorted; null when they could not be listed. */
  listings: Record<string, string[] | null>;
  /** Directories of which only the names of possible neighbours (isNeighbourName) were used (no full listing above): those names, sorted. */
  composeNames: Record<string, string[]>;
}

/** The start of a recorded "hash" that says the file could not be read (then the reason follows); base64 never starts so. */
export const UNREADABLE = '!';

/** A directory entry as RunInputs.listings lists it: `f:`, `d:`, `l:` (symlink) or `o:`, then the name. */
export function entryCode(e: fs.Dirent): string {
  return `${e.isFile() ? 'f' : e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : 'o'}:${e.name}`;
}

type Crypto = typeof import('crypto');
/**
 * SHA-256 of `data`, base64: how the cache file records content. crypto (with its dozen internal
 * modules) loads at the first call, in runs that use the cache (start-up, issue 13). Node 20.12+
 * has the one-shot `crypto.hash` (no Hash stream object per file: a replayed run hashes 1,000).
 */
export function sha256(data: string | Buffer): string {
  const crypto = require('crypto') as Crypto & { hash?: (algorithm: string, data: string | Buffer, encoding: 'base64') => string };
  return crypto.hash ? crypto.hash('sha256', data, 'base64') : crypto.createHash('sha256').update(data).digest('base64');
}

/**
 * SHA-256 (base64) of the environment, sorted by name, leaving out the variables in `except`.
 * Values are never stored.
 */
export function environmentHash(env: NodeJS.ProcessEnv, except: ReadonlySet<string> = new Set()): string {
  const names = Object.keys(env)
    .filter((k) => !except.has(k))
    .sort();
  return sha256(JSON.stringify(names.map((k) => [k, env[k]])));
}

/** What the cache file keeps of a variable's value: SHA-256 of `name=value` (null: unset). Values may be secrets, and cache files travel (CI caches). */
export function variableHash(name: string, value: string | undefined): string | null {
  return value === undefined ? null : sha256(`${name}=${value}`);
}
