/**
 * Load one project the way `docker compose` does:
 * files -> env -> per file (parse, interpolate, include) -> merge across files -> extends -> schema -> profiles.
 */
import * as path from 'path';
import { LoadContext, LoadError, LoadProblem, newLoadContext } from './context';
import { loadComposeFile } from './file';
import { readSource } from './read';
import { applyIncludes } from './include';
import { applyExtends } from './extends';
import { mergeDicts } from './merge';
import { applyProfiles } from './profiles';
import { checkConsistency, checkDuplicateMounts } from './consistency';
import { resolveServiceFiles } from './service-files';
import { projectEnvironment } from './env';
import { chooseFiles } from './targets';
import { neighbourFiles } from './neighbours';
import { InputLog, watchEnv, withInputLog } from './inputs';
import type { LoadOptions } from './options';
import { isValidProjectName, normalizeProjectName } from './name';
import { validateCompose } from '../schema/validate';
import { validatePortSyntax } from '../schema/ports';
import { validateImageReferences } from '../schema/images';
import { validateUnits } from '../schema/units';
import { displayPath } from '../util/display-path';
import type { ComposeDict, Project } from '../model/project';
import { keyOriginOf } from '../model/origin';
import { isDict } from '../util/dict';

export type { LoadOptions } from './options';

export interface LoadResult {
  project: Project;
  problems: LoadProblem[];
}

/**
 * Load one project. Its `inputs` record what the load read and probed (see inputs.ts); a
 * neighbour loaded later, while rules run, records into the same log. Throws LoadError for a fatal problem.
 */
export function loadProject(o: LoadOptions): LoadResult {
  const log = o.inputs ?? new InputLog();
  return withInputLog(log, () => load(o, log));
}

function load(o: LoadOptions, log: InputLog): LoadResult {
  const cwd = path.resolve(o.cwd);
  const osEnv = watchEnv(o.osEnv ?? (process.env as Record<string, string>), o.osEnv ?? (process.env as Record<string, string>));
  const ctx: LoadContext = newLoadContext(cwd, o.interpolate !== false, o.stdin, o.onDebug);
  if (o.stdinPath) ctx.stdinShown = displayPath(cwd, path.resolve(cwd, o.stdinPath));
  const abs = (p: string): string => (p === '-' ? '-' : path.resolve(cwd, p));

  let files = (o.files ?? []).map(abs);
  let launchDir = o.launchDir;
  const explicitDir = o.projectDirectory ? path.resolve(cwd, o.projectDirectory) : undefined;
  if (files.length === 0) ({ files, launchDir } = chooseFiles({ ...o, osEnv }));
  const projectDir = explicitDir ?? (files[0] === '-' ? cwd : path.dirname(files[0]));

  // Watched: the variables interpolation and the rules look up are inputs of the project.
  const env = watchEnv(projectEnvironment(ctx, { osEnv, envFiles: o.envFiles?.map(abs), projectDir, launchDir }), osEnv);
  const profiles = o.profiles?.length ? o.profiles : splitList(env.COMPOSE_PROFILES);

  // compose-go order: per file load (interpolated) -> include -> extends, merged into an empty model.
  let merged: ComposeDict = {};
  const empty: string[] = [];
  // The -f file (index in `files`) where each service first appears, for the consistency hints.
  const firstFile = new Map<string, number>();
  for (const [i, f] of files.entries()) {
    const documentsBefore = ctx.documents.length;
    let dict = loadComposeFile(ctx, f, env);
    if (!dict) continue; // YAML errors recorded; other files still load
    if (ctx.documents.length === documentsBefore) empty.push(f);
    dict = applyIncludes(ctx, dict, f, env, projectDir);
    dict = applyExtends(ctx, dict, f, env);
    if (isDict(dict.services)) for (const n of Object.keys(dict.services)) if (!firstFile.has(n)) firstFile.set(n, i);
    merged = mergeDicts(merged, dict);
  }
  // compose-go refuses a project whose files hold nothing ("empty compose file"); a comment-only
  // overlay next to real files (e.g. an optional extras file) is fine.
  if (empty.length && empty.length === files.length) {
    const source = readSource(ctx, empty[0]);
    ctx.problems.push({ rule: 'schema', severity: 'error', message: 'empty compose file: Docker Compose refuses a file with no content', origin: { source, start: 0, end: 0 } });
  }

  for (const p of [...validateCompose(merged), ...validatePortSyntax(merged), ...validateImageReferences(merged, env, ctx.unsetPaths), ...validateUnits(merged)])
    ctx.problems.push({ rule: 'schema', severity: 'error', message: p.message, origin: p.origin, service: serviceOfPath(p.path) });

  const name = projectName(ctx, o.projectName, env, merged, projectDir);
  const prof = applyProfiles(merged, profiles);
  // A service that already has an error (a failed extends, a mistyped key) misses its image because of it.
  const withErrors = new Set(ctx.problems.flatMap((p) => (p.severity === 'error' && p.service !== undefined ? [p.service] : [])));
  const resolved = resolveServiceFiles(ctx, prof.model, projectDir, env);
  // Loops, not push(...list): a list of 200k problems overflows the stack as call arguments.
  for (const item of resolved.problems) ctx.problems.push(item);
  for (const list of [prof.problems, checkConsistency(prof.model, prof.disabled, withErrors, firstFile), checkDuplicateMounts(ctx.documents)]) for (const item of list) ctx.problems.push(item);

  const project: Project = {
    name,
    workingDir: projectDir,
    files: files.map((f) => (f === '-' ? '<stdin>' : f)),
    sources: [...ctx.sources.values()],
    env,
    profiles,
    documents: ctx.documents,
    model: resolved.model,
    disabledServices: prof.disabled,
    envFiles: resolved.files,
    neighbours: [],
    inputs: log,
  };
  if (o.neighbours !== false) {
    const own = new Set([...ctx.sources.keys(), ...files, ...(o.stdinPath ? [path.resolve(cwd, o.stdinPath)] : [])]);
    // The project's own file names: named otherwise than compose files, so may its neighbours be.
    const named = [...files.filter((f) => f !== '-'), ...(o.stdinPath ? [o.stdinPath] : [])].map((f) => path.basename(f));
    project.neighbours = neighbourFiles({ ...o, cwd, osEnv, launchDir }, projectDir, own, (opts) => loadProject({ ...opts, inputs: log }).project, named);
  }
  return { project, problems: ctx.problems };
}

/** compose-go: -p, then COMPOSE_PROJECT_NAME, then `name:` in the model, then the directory name. */
function projectName(ctx: LoadContext, flag: string | undefined, env: Record<string, string>, model: ComposeDict, dir: string): string {
  const explicit = flag ?? env.COMPOSE_PROJECT_NAME;
  if (explicit) {
    if (!isValidProjectName(explicit)) {
      throw new LoadError(`invalid project name "${explicit}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`);
    }
    return explicit;
  }
  if (typeof model.name === 'string' && model.name) {
    if (!isValidProjectName(model.name)) {
      ctx.problems.push({
        rule: 'schema',
        severity: 'error',
        message: `name: invalid project name "${model.name}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
        origin: keyOriginOf(model, 'name'),
      });
      return normalizeProjectName(model.name);
    }
    return model.name;
  }
  return normalizeProjectName(path.basename(dir));
}

function serviceOfPath(p: (string | number)[]): string | undefined {
  return p[0] === 'services' && typeof p[1] === 'string' ? p[1] : undefined;
}

function splitList(v: string | undefined): string[] {
  return v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}
