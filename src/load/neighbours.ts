/**
 * The compose files beside a project that are not part of it. `docker compose -f <one of them>`
 * started from the same directory runs under the same default project name, so it shares the
 * project's networks: a name one file uses may be defined by its neighbour. The graph and the
 * rules read them through `Project.neighbours`; only this module reads them from disk.
 *
 * A compose file is told by its name (isComposeLikeName). In a directory whose compose files
 * have other names (kafka-stack-docker-compose: `full-stack.yml`, `conduktor.yml`), which the
 * project's own file shows, any other YAML file with a top-level `services:` counts too: the
 * name is the only sign otherwise, and a `prometheus.yml` or `mkdocs.yml` has no `services:`.
 */
import * as path from 'path';
import { BASE_NAMES, OVERRIDE_NAMES, isComposeLikeName, isFile, isNeighbourName } from './discover';
import { displayPath } from '../util/display-path';
import { listDirectory, noteListing, noteRead } from './inputs';
import { MAX_FILE_BYTES, readRegularFile, sourceText } from './read';
import type { LoadOptions } from './options';
import type { NeighbourFile, Project } from '../model/project';

/**
 * Compose files in `dir` (by name, see isComposeLikeName; with `ownNames`, the base names of the
 * project's files, not all compose-like, other YAML files too, see above), minus `own` (absolute
 * paths of the project's files, the files it read, and the file stdin stands for): the base files first, in
 * compose-go's discovery order, then the override files, then the rest by name. A name several
 * neighbours define is then credited to the base, the file an overlay is most often used with
 * (`-f docker-compose.yml -f docker-compose-ui.yml`), not to an alternative that sorts first. Each is
 * loaded on demand with the project's options, as a project of its own without neighbours, by
 * `load` (loadProject, passed in by the loader so this module does not import it back). `load`
 * may throw: the neighbour then defines nothing.
 */
export function neighbourFiles(o: LoadOptions, dir: string, own: ReadonlySet<string>, load: Loader, ownNames: readonly string[] = []): NeighbourFile[] {
  let names: string[];
  try {
    names = listDirectory(dir).map((e) => e.name);
  } catch {
    return [];
  }
  const candidates = names.filter(isNeighbourName).sort();
  noteListing(dir, candidates); // a compose file added beside the project changes what it may share
  const byContent = !ownNames.every(isComposeLikeName);
  return candidates
    .filter((n) => byContent || isComposeLikeName(n))
    .sort((a, b) => rank(a) - rank(b)) // stable: by name within a rank
    .map((n) => path.join(dir, n))
    .filter((abs) => !own.has(abs) && isFile(abs))
    .map((abs) => neighbour(o, abs, load, !isComposeLikeName(path.basename(abs))));
}

type Loader = (o: LoadOptions) => Project;

/** 0-3 for the base names, 4-7 for the override names (each in compose-go's order), 8 for the rest. */
function rank(name: string): number {
  const i = [...BASE_NAMES, ...OVERRIDE_NAMES].indexOf(name);
  return i < 0 ? BASE_NAMES.length + OVERRIDE_NAMES.length : i;
}

/** @param sniff a YAML file not named like a compose file: one only when it has a top-level `services:`. */
function neighbour(o: LoadOptions, abs: string, load: Loader, sniff: boolean): NeighbourFile {
  let loaded: { project?: Project } | undefined;
  return {
    path: displayPath(o.cwd, abs),
    load() {
      if (!loaded) loaded = { project: sniff && !hasServices(abs) ? undefined : loadAlone(o, abs, load) };
      return loaded.project;
    },
  };
}

/** Whether a file has a top-level `services:` key (at column 1). Its bytes are noted: the answer is an input of the project. */
function hasServices(abs: string): boolean {
  try {
    const buf = readRegularFile(abs, MAX_FILE_BYTES);
    noteRead(abs, buf);
    return /^services[ \t]*:/m.test(sourceText(buf));
  } catch {
    return false; // unreadable: it defines nothing
  }
}

function loadAlone(o: LoadOptions, abs: string, load: Loader): Project | undefined {
  try {
    return load({ ...o, files: [abs], stdin: undefined, stdinPath: undefined, projectDirectory: undefined, neighbours: false });
  } catch {
    return undefined; // unreadable, or a refused project name: it defines nothing Compose would run
  }
}
