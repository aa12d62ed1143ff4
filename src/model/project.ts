/** The resolved project: merged, interpolated, profiles applied. Values carry origins (see origin.ts). */
import * as path from 'path';
import type { SourceFile } from './source';
import type { Origin } from './origin';
import { type Dict, isDict } from '../util/dict';

/** A mapping of the compose model: the loader's `Dict` under the model's name. */
export type ComposeDict = Dict;

/** One compose file's own top-level dict (interpolated, before merging) and the source it came from. */
export interface FileDocument {
  source: SourceFile;
  dict: Record<string, unknown>;
}

/** What a project load depended on (made by src/load/inputs.ts; read by `--cache`). */
export interface ProjectInputs {
  /** Files read, by absolute path: their bytes as read. */
  readonly reads: ReadonlyMap<string, Buffer>;
  /** Files the load tried to read and could not, by absolute path: why (an errno code such as EACCES, or the message for a FIFO, a directory, a file too large). */
  readonly unreadable: ReadonlyMap<string, string>;
  /** Paths probed, by absolute path: what they were (`stat`, following symlinks). */
  readonly probes: ReadonlyMap<string, 'file' | 'dir' | 'other' | 'absent' | 'unreadable'>;
  /** Directory listings used, by absolute path: the names of possible neighbours in them (isNeighbourName), sorted. */
  readonly listings: ReadonlyMap<string, readonly string[]>;
  /** OS environment variables looked up, with their values then (undefined: unset). */
  readonly env: ReadonlyMap<string, string | undefined>;
  /** The whole OS environment was enumerated: any change to it counts. */
  readonly envEnumerated: boolean;
}

export interface Project {
  /** Normalized project name (compose-go rules: lowercase, [a-z0-9_-], starts with a letter or digit). */
  name: string;
  /** Project directory: relative paths in the model resolve from here. */
  workingDir: string;
  /** The compose files of the project, in merge order (includes and extends targets excluded). */
  files: string[];
  /** Every source read for this project (compose files, included/extended files, env files). */
  sources: SourceFile[];
  /** Project environment used for interpolation (OS env wins over env files). */
  env: Record<string, string>;
  /** Active profiles. */
  profiles: string[];
  /** The merged compose model (top-level keys: name, services, networks, volumes, secrets, configs, ...). */
  model: ComposeDict;
  /** Each compose file's own top-level dict before merging (includes and extends targets too). */
  documents: FileDocument[];
  /** Services present in the files but disabled by profiles (name -> definition). */
  disabledServices: Record<string, ComposeDict>;
  /**
   * The enabled services' `env_file` and `label_file` contents by absolute path, as the loader read
   * them (their values are also folded into `environment` / `labels`). Later stages read these,
   * never the disk.
   */
  envFiles: Record<string, EnvFileEntry[]>;
  /**
   * The other compose files in the project directory (by name: see `isComposeLikeName`), not
   * part of this project: `docker compose -f <one of them> up` run beside this project may share
   * its networks. Never the project's own files, included/extended files, the file that stdin or
   * an editor buffer stands for, or a config file such as `.compose-lint.yaml`. Absent (none)
   * for a project not loaded from disk.
   */
  neighbours?: NeighbourFile[];
  /**
   * What loading the project read and probed (files with their bytes, absent paths, directory
   * listings, OS environment variables looked up), for `--cache`: see src/load/inputs.ts. Absent
   * for a project not made by the loader.
   */
  inputs?: ProjectInputs;
}

/** One `KEY=value` of an env or label file, after interpolation, with where it is written. */
export interface EnvFileEntry {
  key: string;
  value: string;
  /** The value on its line (the rest of the line when the value is quoted or spans lines). */
  origin: Origin;
  keyOrigin: Origin;
}

/** A compose file beside the project, loaded on demand by the loader that listed it. */
export interface NeighbourFile {
  /** Display path (relative to the user's cwd when inside it). `Project.neighbours` lists base files first, then override files, then the rest by name (neighbours.ts). */
  path: string;
  /**
   * The file as its own project, as `docker compose -f <file>` forms it from the same directory
   * with the same environment: read and parsed on the first call, then kept. Undefined when it
   * cannot be loaded at all (unreadable, or Compose would refuse its project name).
   */
  load(): Project | undefined;
}

/** Typed accessors over the model, so rules don't repeat the same casts. */
export function servicesOf(p: Project): Record<string, ComposeDict> {
  const s = p.model.services;
  return isDict(s) ? (s as Record<string, ComposeDict>) : {};
}

/**
 * The list serviceEntries gave for a services mapping: a dozen rules ask for it on the same model
 * (issue 13: about 70 ms of list building at 10,000 services). Keyed by the mapping: a loaded model
 * is not changed.
 */
const serviceEntryLists = new WeakMap<object, readonly (readonly [string, ComposeDict])[]>();

/**
 * The enabled services as [name, definition] in model order; definitions that are not mappings (an
 * invalid file: the schema rule reports them) are skipped. The list is shared by every caller on the
 * same model: read it, never change it.
 */
export function serviceEntries(p: Project): readonly (readonly [string, ComposeDict])[] {
  const all = servicesOf(p);
  let list = serviceEntryLists.get(all);
  if (!list) serviceEntryLists.set(all, (list = Object.entries(all).filter((e): e is [string, ComposeDict] => isDict(e[1]))));
  return list;
}

/**
 * Whether a compose file of the project writes service `name` with `extends: {file: ...}` that the
 * load could not read (a missing file: the load-error rule reports it): the service then lacks
 * whatever that file holds, so rules must not judge what it does not define.
 */
export function extendsUnread(p: Project, name: string): boolean {
  const read = new Set(p.sources.map((s) => s.abs).filter((a): a is string => a !== undefined));
  return p.documents.some((doc) => {
    const services = doc.dict.services;
    const svc = isDict(services) ? services[name] : undefined;
    const ext = isDict(svc) ? svc.extends : undefined;
    if (!isDict(ext) || typeof ext.file !== 'string') return false;
    const dir = doc.source.abs ? path.dirname(doc.source.abs) : p.workingDir;
    return !read.has(path.resolve(dir, ext.file));
  });
}

export function topLevel(p: Project, key: 'networks' | 'volumes' | 'secrets' | 'configs'): Record<string, ComposeDict | null> {
  const s = p.model[key];
  return isDict(s) ? (s as Record<string, ComposeDict | null>) : {};
}
