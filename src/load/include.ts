/**
 * Top-level `include`, as compose-go resolves it (loader/include.go, v2.13):
 *   - entries are a path or `{path: string | string[], project_directory, env_file}`; paths,
 *     project_directory and env_file are relative to the including project's directory;
 *   - each entry is loaded as a project of its own: its first path's directory (or
 *     project_directory) is its project directory; its files go through the same per-file steps
 *     (interpolate -> its own includes -> extends -> merge) and its relative paths are made
 *     absolute against that directory;
 *   - its environment is the entry's env_files (default: `.env` in its project directory, when
 *     present) under the including project's environment, which wins;
 *   - its services, networks, volumes, secrets, configs and models are copied into the including
 *     model. A resource the including file defines too is merged, the including file's definition
 *     winning (compose-go >= 2.10: "allow importing compose file to override resource definition");
 *     an identical definition reached twice (a diamond of includes) is taken once.
 * The `include` key is removed. Problems (missing files, include cycles, bad env files) are recorded
 * as `load-error` at the entry; the entry is skipped and loading goes on.
 */
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { LoadContext, LoadError } from './context';
import { loadComposeFile } from './file';
import { applyExtends } from './extends';
import { cloneMapping, mergeDicts, mergeResource } from './merge';
import { resolveModelPaths } from './paths';
import { describeFsError, readSource } from './read';
import { displayPath } from '../util/display-path';
import { rawEnv, watchEnv } from './inputs';
import { isFound } from './discover';
import { DotenvError, envFromFiles } from './dotenv';
import { Origin, copyOrigin, originOf, selfOrigin, setSelfOrigin } from '../model/origin';
import type { ComposeDict } from '../model/project';
import { type Dict, isDict } from '../util/dict';

/** Kinds of top-level resources an include brings in. */
const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs', 'models'] as const;

/** A string written in the file, with where it was written. */
interface Written {
  value: string;
  at?: Origin;
}

interface IncludeEntry {
  paths: Written[];
  projectDirectory?: Written;
  envFiles?: Written[];
}

/**
 * Resolve the `include` section of the file `fileAbs` (model `dict`). `workingDir` is where its
 * relative paths start: the project directory for the project's own files (default: the file's
 * directory). `chain` lists the including files above, for cycle detection. `dict` is not modified.
 */
export function applyIncludes(ctx: LoadContext, dict: ComposeDict, fileAbs: string, env: Record<string, string>, workingDir: string = path.dirname(fileAbs), chain: string[] = []): ComposeDict {
  if (!Object.prototype.hasOwnProperty.call(dict, 'include')) return dict;
  let out = cloneMapping(dict);
  delete out.include;
  const including = [...chain, fileAbs];
  for (const entry of readEntries(dict.include)) {
    const imported = loadEntry(ctx, entry, workingDir, env, including);
    if (imported) out = importResources(imported, out);
  }
  return out;
}

function readEntries(include: unknown): IncludeEntry[] {
  if (!Array.isArray(include)) return []; // the schema reports the shape
  const entries: IncludeEntry[] = [];
  include.forEach((item, i) => {
    if (typeof item === 'string') entries.push({ paths: [{ value: item, at: originOf(include, i) }] });
    else if (isDict(item)) {
      const paths = strings(item, 'path');
      if (paths.length === 0) return;
      const pd = strings(item, 'project_directory')[0];
      const envFiles = Object.prototype.hasOwnProperty.call(item, 'env_file') ? strings(item, 'env_file') : undefined;
      entries.push({ paths, projectDirectory: pd, envFiles });
    }
  });
  return entries;
}

/** A string or a list of strings at container[key], with origins. */
function strings(container: Dict, key: string): Written[] {
  const v = container[key];
  if (typeof v === 'string') return [{ value: v, at: originOf(container, key) }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((s, i) => (typeof s === 'string' ? [{ value: s, at: originOf(v, i) }] : []));
}

/** Load one include entry as a model of its own, or record why it cannot be. */
function loadEntry(ctx: LoadContext, entry: IncludeEntry, workingDir: string, env: Record<string, string>, including: string[]): ComposeDict | undefined {
  const files = entry.paths.map((p) => path.resolve(workingDir, p.value));
  const shown = (abs: string): string => displayPath(ctx.cwd, abs);
  const fail = (message: string, at: Origin | undefined): undefined => entryProblem(ctx, message, at);

  if (including.includes(files[0])) {
    return fail(`include cycle detected: ${[...including, files[0]].map(shown).join(' include ')}`, entry.paths[0].at);
  }
  const projectDir = entry.projectDirectory ? path.resolve(workingDir, entry.projectDirectory.value) : path.dirname(files[0]);

  let includeEnv: Record<string, string>;
  try {
    includeEnv = watchEnv({ ...envFromFiles(envFilesOf(ctx, entry, workingDir, projectDir), env), ...rawEnv(env) }, env);
  } catch (e) {
    if (e instanceof EnvFileProblem) return fail(e.message, e.at ?? entry.paths[0].at); // the default .env: at the entry
    if (e instanceof DotenvError) {
      const written = entry.envFiles?.find((f) => path.resolve(workingDir, f.value) === e.file);
      return fail(`${e.file ? shown(e.file) : 'env file'}:${e.line}: ${e.message.replace(/^line \d+: /, '')}`, written?.at ?? entry.paths[0].at);
    }
    throw e;
  }

  // Loaded before under the same files, directory and environment: the same model (and its problems,
  // already recorded once). A cycle below this entry would have been found and reported then too.
  const cacheKey = JSON.stringify([files, projectDir, rawEnv(includeEnv)]); // raw: not every variable counted as read (inputs.ts)
  if (ctx.includes.has(cacheKey)) return ctx.includes.get(cacheKey);
  const model = loadEntryFiles(ctx, entry, files, projectDir, includeEnv, including);
  ctx.includes.set(cacheKey, model);
  return model;
}

/** The entry's files loaded, with their own includes and extends, merged, paths made absolute. */
function loadEntryFiles(ctx: LoadContext, entry: IncludeEntry, files: string[], projectDir: string, includeEnv: Record<string, string>, including: string[]): ComposeDict | undefined {
  const fail = (message: string, at: Origin | undefined): undefined => entryProblem(ctx, message, at);
  let model: ComposeDict = {};
  for (let i = 0; i < files.length; i++) {
    let dict: ComposeDict | undefined;
    try {
      dict = loadComposeFile(ctx, files[i], includeEnv);
    } catch (e) {
      if (e instanceof LoadError) return fail(`cannot include ${e.message}`, entry.paths[i].at);
      throw e;
    }
    if (!dict) return undefined; // YAML errors are recorded already
    dict = applyIncludes(ctx, dict, files[i], includeEnv, projectDir, including);
    dict = applyExtends(ctx, dict, files[i], includeEnv);
    model = mergeDicts(model, dict);
  }
  return resolveModelPaths(model, projectDir);
}

/** Record a problem of an include entry (the entry is then skipped). */
function entryProblem(ctx: LoadContext, message: string, at: Origin | undefined): undefined {
  ctx.problems.push({ rule: 'load-error', severity: 'error', message, origin: at });
  return undefined;
}

class EnvFileProblem extends Error {
  constructor(
    message: string,
    readonly at: Origin | undefined,
  ) {
    super(message);
  }
}

/** The env files of an entry, read: its env_file list, or the `.env` of its project directory. */
function envFilesOf(ctx: LoadContext, entry: IncludeEntry, workingDir: string, projectDir: string): { path: string; text: string }[] {
  const files: { abs: string; at?: Origin }[] = [];
  if (!entry.envFiles || entry.envFiles.length === 0) {
    const dflt = path.join(projectDir, '.env');
    if (isFound(dflt)) files.push({ abs: dflt }); // a FIFO there is refused on reading, as the project's own .env is
  } else {
    for (const f of entry.envFiles) {
      if (f.value === '/dev/null') continue;
      files.push({ abs: path.resolve(workingDir, f.value), at: f.at });
    }
  }
  return files.map((f) => {
    try {
      return { path: f.abs, text: readSource(ctx, f.abs, 'dotenv').text };
    } catch (e) {
      const reason = e instanceof LoadError ? e.message : `${displayPath(ctx.cwd, f.abs)}: ${describeFsError(e as NodeJS.ErrnoException)}`;
      throw new EnvFileProblem(`cannot read env file of include: ${reason}`, f.at);
    }
  });
}

/** Copy the resources of an included model into the including one (which wins on a conflict). */
function importResources(imported: ComposeDict, target: ComposeDict): ComposeDict {
  let out = target;
  for (const kind of RESOURCES) {
    const from = imported[kind];
    if (!isDict(from)) continue;
    const existing = target[kind];
    const to = isDict(existing) ? cloneMapping(existing) : {};
    for (const name of Object.keys(from)) {
      const local = to[name];
      const incoming = from[name];
      if (local === null || local === undefined) {
        to[name] = incoming;
        copyOrigin(to, name, from, name);
      } else if (isDict(local) && isDict(incoming) && !isDeepStrictEqual(local, incoming)) {
        const merged = mergeResource(kind, name, incoming, local);
        setSelfOrigin(merged, selfOrigin(local));
        to[name] = merged;
      }
    }
    if (out === target) out = cloneMapping(target);
    out[kind] = to;
    if (!isDict(existing)) copyOrigin(out, kind, imported, kind);
  }
  return out;
}
