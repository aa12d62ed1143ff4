/**
 * The compose files beside a project that are not part of it. `docker compose -f <one of them>`
 * started from the same directory runs under the same default project name, so it shares the
 * project's networks: a name one file uses may be defined by its neighbour. The graph and the
 * rules read them through `Project.neighbours`; only this module reads them from disk.
 */
import * as path from 'path';
import { isComposeLikeName, isFile } from './discover';
import { displayPath } from '../util/display-path';
import { listDirectory, noteListing } from './inputs';
import type { LoadOptions } from './options';
import type { NeighbourFile, Project } from '../model/project';

/**
 * Compose files in `dir` (by name, see isComposeLikeName), minus `own` (absolute paths of the
 * project's files, the files it read, and the file stdin stands for), sorted by name. Each is
 * loaded on demand with the project's options, as a project of its own without neighbours, by
 * `load` (loadProject, passed in by the loader so this module does not import it back). `load`
 * may throw: the neighbour then defines nothing.
 */
export function neighbourFiles(o: LoadOptions, dir: string, own: ReadonlySet<string>, load: Loader): NeighbourFile[] {
  let names: string[];
  try {
    names = listDirectory(dir).map((e) => e.name);
  } catch {
    return [];
  }
  const composeLike = names.filter(isComposeLikeName).sort();
  noteListing(dir, composeLike); // a compose file added beside the project changes what it may share
  return composeLike
    .map((n) => path.join(dir, n))
    .filter((abs) => !own.has(abs) && isFile(abs))
    .map((abs) => neighbour(o, abs, load));
}

type Loader = (o: LoadOptions) => Project;

function neighbour(o: LoadOptions, abs: string, load: Loader): NeighbourFile {
  let loaded: { project?: Project } | undefined;
  return {
    path: displayPath(o.cwd, abs),
    load() {
      if (!loaded) loaded = { project: loadAlone(o, abs, load) };
      return loaded.project;
    },
  };
}

function loadAlone(o: LoadOptions, abs: string, load: Loader): Project | undefined {
  try {
    return load({ ...o, files: [abs], stdin: undefined, stdinPath: undefined, projectDirectory: undefined, neighbours: false });
  } catch {
    return undefined; // unreadable, or a refused project name: it defines nothing Compose would run
  }
}
