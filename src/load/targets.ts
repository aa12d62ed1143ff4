/**
 * From what the user names to the projects Docker Compose would form: targets (files,
 * directories, quoted globs, '-' for stdin), `-f` files, or nothing (discovery from the cwd).
 *
 * - Before files are chosen, the directory's `.env` is read (compose v2's first `WithDotEnv`), so
 *   COMPOSE_FILE and COMPOSE_PATH_SEPARATOR set there choose the files, and COMPOSE_PROFILES and
 *   COMPOSE_PROJECT_NAME apply; the OS environment wins over `.env`.
 * - A compose file named as a target is linted inside the project Compose forms in its directory:
 *   the files of COMPOSE_FILE when it lists the target; else a base file brings the directory's
 *   override file and an override file brings its base; else a per-environment overlay that
 *   cannot stand alone (`docker-compose.prod.yml` whose services lack image and build, or name a
 *   network or service only the base defines) is linted
 *   as `-f <base> -f <overlay>` (see overlay.ts); before that, a library of services that files
 *   beside it `extends` (`extends: {file: <it>}`) and that cannot stand alone is linted through
 *   the project of each file that extends it, as `-f <user>` (see library.ts).
 * - Targets of one project make one project (the pre-commit hook passes only the changed files).
 * - `-f` means exactly those files, in that order, as `docker compose -f` does.
 */
import * as fs from 'fs';
import * as path from 'path';
import { globPaths, isGlobPattern } from '../util/glob';
import { LoadError, newLoadContext } from './context';
import { BASE_NAMES, OVERRIDE_NAMES, composeFilesIn, discoverUpwards, overrideIn } from './discover';
import { projectEnvironment } from './env';
import { listDirectory, pathKind } from './inputs';
import { libraryUsers, whyLibraryNotAlone } from './library';
import { overlayBase, whyNotAlone } from './overlay';
import { NO_SUCH_FILE, statProblem } from './read';
import { displayPath, pathInside } from '../util/display-path';
import type { LoadOptions } from './options';

/** What the user named; the project-wide flags (-p, --project-directory, --env-file, --profile) pass through. */
export interface TargetOptions extends Pick<LoadOptions, 'projectName' | 'projectDirectory' | 'envFiles' | 'profiles' | 'stdin'> {
  /** Absolute working directory (the user's cwd). */
  cwd: string;
  /** Files, directories or globs, relative to cwd; '-' is stdin. */
  targets?: string[];
  /** `-f` files: exactly one project, merged in order. */
  files?: string[];
  /** The OS environment. */
  osEnv: Record<string, string>;
  /** Receives one line per choice worth explaining (an overlay paired with its base): `--debug`. */
  onDebug?: (line: string) => void;
  /** Lint `content` as the file at `path` (relative to cwd): one project of that one file. */
  text?: { path: string; content: string };
  /**
   * false (`--no-error-on-unmatched-pattern`): a glob that matches nothing and a directory without
   * a compose file are passed over (said with `onDebug`) instead of ending the run; default true.
   */
  errorOnUnmatchedPattern?: boolean;
}

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**'];

/**
 * Directories a directory target's walk does not enter, with why: each holds a tool's metadata or
 * other people's code, never a project's own compose files, and can be huge. Everything else is
 * walked, dot-directories included: `.devcontainer/docker-compose.yml` is a common home for a
 * project's compose file (ESLint 9 likewise lints dot-directories and skips only node_modules and
 * .git by default).
 */
const SKIP_DIR_NAMES: ReadonlyMap<string, string> = new Map([
  ['.git', 'Git metadata'],
  ['.hg', 'Mercurial metadata'],
  ['.svn', 'Subversion metadata'],
  // npm packages: a package's own compose files (for its tests or examples) are not this project's.
  ['node_modules', 'installed npm packages'],
  // Composer (PHP) installs whole packages here, Bundler can (vendor/bundle), `go mod vendor` copies
  // modules here: their compose files, like node_modules', belong to the dependencies.
  ['vendor', 'vendored dependencies'],
]);

/** How many directory levels below a directory target are searched for compose files. */
const MAX_DEPTH = 12;

/**
 * The projects to load, each as LoadOptions for `loadProject`, in the order the targets name
 * them. Throws LoadError for a target that does not exist, a glob that matches nothing or a
 * directory without a compose file (unless `errorOnUnmatchedPattern` is false), or a malformed `.env`.
 */
export function planProjects(o: TargetOptions): LoadOptions[] {
  const cwd = path.resolve(o.cwd);
  const common: LoadOptions = {
    cwd,
    projectName: o.projectName,
    projectDirectory: o.projectDirectory,
    envFiles: o.envFiles,
    profiles: o.profiles,
    osEnv: o.osEnv,
    stdin: o.text ? o.text.content : o.stdin,
    onDebug: o.onDebug,
  };
  if (o.text) {
    const stdinPath = path.resolve(cwd, o.text.path);
    return [{ ...common, files: ['-'], projectDirectory: o.projectDirectory ?? path.dirname(stdinPath), stdinPath }];
  }
  if (o.files?.length) return [{ ...common, files: o.files }];
  if (!o.targets?.length) return [{ ...common, ...chooseFiles(common) }];
  const selector = new FileSelector(common, o.onDebug);
  const groups: Group[] = [];
  const unmatched = (problem: string): void => {
    if (o.errorOnUnmatchedPattern !== false) throw new LoadError(problem);
    o.onDebug?.(`skipped (--no-error-on-unmatched-pattern): ${problem}`);
  };
  for (const t of expandGlobs(cwd, o.targets, unmatched)) {
    if (t === '-') {
      groups.push({ files: ['-'] });
      continue;
    }
    const abs = path.resolve(cwd, t);
    const kind = pathKind(abs); // through the run's view of the disk, so a --cache run record holds it
    if (kind === 'absent') throw new LoadError(`${t}: ${NO_SUCH_FILE}`);
    if (kind === 'unreadable') throw new LoadError(`${t}: ${statProblem(abs)}`);
    if (kind === 'dir') {
      const found = selector.below(abs);
      if (!found.length) unmatched(`${t}: no compose file found in this directory (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)`);
      groups.push(...found);
    } else groups.push(...selector.forFile(abs));
  }
  return mergeGroups(groups).map((g) => ({ ...common, ...g }));
}

/**
 * The files `docker compose` without `-f` would use, started in `projectDirectory` (else the
 * cwd): COMPOSE_FILE, else compose.yaml (or another base name) and its override found there or
 * in a parent directory. Throws LoadError when there is none.
 */
export function chooseFiles(o: LoadOptions): Group {
  const cwd = path.resolve(o.cwd);
  return new FileSelector({ ...o, cwd }).discover(path.resolve(cwd, o.projectDirectory ?? '.'));
}

/** The files of one project, and the directory whose `.env` chose them. */
export interface Group {
  files: string[];
  launchDir?: string;
  /** A base paired with an overlay named alone: the base's own project is still formed too. */
  overlay?: boolean;
}

/** Chooses the files of the project Compose forms in a directory; reads each `.env` once. */
class FileSelector {
  private readonly chosen = new Map<string, string[] | undefined>();
  /** Directories where the OS environment's COMPOSE_FILE applies: it names files from there. */
  private readonly osDirs: Set<string>;
  /** The OS environment without COMPOSE_FILE (made once: a tree of 500 projects asks 500 times). */
  private withoutComposeFile?: Record<string, string>;

  constructor(
    private readonly o: LoadOptions,
    private readonly onDebug?: (line: string) => void,
  ) {
    this.osDirs = new Set([o.cwd, path.resolve(o.cwd, o.projectDirectory ?? '.')]);
  }

  /** No target: COMPOSE_FILE, else discovery in `dir` and its parents (compose-go's order). */
  discover(dir: string): Group {
    const files = this.composeFile(dir) ?? discoverUpwards(dir);
    if (!files) throw new LoadError(`no compose file found in ${displayDir(this.o.cwd, dir)} or its parents (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)`);
    return { files, launchDir: dir };
  }

  /**
   * A file target: the project of its directory when it is one of its files, else its
   * base/override pair, else, for a library of services for `extends` that cannot stand alone,
   * the project of each file that extends it, else, for an overlay that cannot stand alone, its
   * base and itself. `asUser`: the file extends a library named alone; it is not itself taken for one.
   */
  forFile(file: string, asUser = false): Group[] {
    const dir = path.dirname(file);
    const listed = this.composeFile(dir);
    if (listed?.includes(file)) return [{ files: listed, launchDir: dir }];
    const name = path.basename(file);
    if (BASE_NAMES.includes(name)) {
      const override = overrideIn(dir);
      return [{ files: override ? [file, override] : [file], launchDir: dir }];
    }
    if (OVERRIDE_NAMES.includes(name)) {
      const base = composeFilesIn(dir)?.[0];
      return [{ files: base ? [base, file] : [file], launchDir: dir }];
    }
    const shown = (f: string): string => displayPath(this.o.cwd ?? process.cwd(), f);
    const shownFiles = (g: Group): string => g.files.map((f) => `-f ${shown(f)}`).join(' ');
    // A library for `extends` named alone is linted through the projects that use it: -f <user>.
    const users = asUser ? [] : libraryUsers(file);
    const whyLibrary = whyLibraryNotAlone(file, users);
    if (whyLibrary) {
      const groups = users.flatMap((u) => this.forFile(u, true));
      this.onDebug?.(
        `${shown(file)} cannot stand alone (${whyLibrary}): ${users.map(shown).join(' and ')} ${users.length > 1 ? 'extend' : 'extends'} it; linted as ${groups.map(shownFiles).join(' and as ')}`,
      );
      return groups;
    }
    // A per-environment overlay named alone is linted as users run it: -f <base> -f <overlay>.
    const base = overlayBase(file);
    const why = base && whyNotAlone(file, base);
    if (base && why) {
      this.onDebug?.(`${shown(file)} cannot stand alone (${why}): linted as ${shownFiles({ files: [base, file] })}`);
      return [{ files: [base, file], launchDir: dir, overlay: true }];
    }
    return [{ files: [file], launchDir: dir }];
  }

  /**
   * A directory target: the project of every directory below it (itself included) that has one,
   * down to `maxDepth` levels below it. Dot-directories are walked (`.devcontainer/`); the
   * directories of SKIP_DIR_NAMES are not, each said with `onDebug`. The target itself is walked
   * whatever its name (`compose-lint vendor/` lints what is there).
   */
  below(root: string, maxDepth = MAX_DEPTH): Group[] {
    const out: Group[] = [];
    const walk = (dir: string, depth: number): void => {
      let entries: fs.Dirent[] | undefined;
      try {
        entries = listDirectory(dir); // sorted by name; listed first, it answers the probes below without a stat each
      } catch {
        entries = undefined;
      }
      const files = this.composeFile(dir) ?? composeFilesIn(dir);
      if (files) out.push({ files, launchDir: dir });
      if (!entries) return;
      const subdirs = entries.filter((e) => e.isDirectory());
      if (depth >= maxDepth) {
        if (subdirs.length) this.onDebug?.(`not searched for compose files: ${this.shownDirs(dir, subdirs)} (more than ${maxDepth} levels below the target)`);
        return;
      }
      for (const e of subdirs) {
        const why = SKIP_DIR_NAMES.get(e.name);
        if (why) this.onDebug?.(`not searched for compose files: ${this.shownDirs(dir, [e])} (${why})`);
        else walk(path.join(dir, e.name), depth + 1);
      }
    };
    walk(path.resolve(root), 0);
    return out;
  }

  /** `a/node_modules/`, or `a/{x,y}/` for several: directories as the user names them. */
  private shownDirs(parent: string, dirs: fs.Dirent[]): string {
    const names = dirs.map((d) => d.name);
    return path.join(pathInside(this.o.cwd, parent) ?? parent, names.length === 1 ? names[0] : `{${names.join(',')}}`) + '/';
  }

  /**
   * COMPOSE_FILE as `docker compose` started in `dir` sees it: from `dir/.env` (or `--env-file`),
   * or from the OS environment when `dir` is where the user runs the tool; split on
   * COMPOSE_PATH_SEPARATOR (default ':' on Unix, ';' on Windows); relative to `dir`.
   */
  private composeFile(dir: string): string[] | undefined {
    if (this.chosen.has(dir)) return this.chosen.get(dir);
    const osEnv = this.o.osEnv ?? {};
    const lookup = this.osDirs.has(dir) ? osEnv : (this.withoutComposeFile ??= withoutKey(osEnv, 'COMPOSE_FILE'));
    const env = projectEnvironment(newLoadContext(this.o.cwd), {
      osEnv: lookup,
      envFiles: this.o.envFiles?.map((f) => path.resolve(this.o.cwd, f)),
      projectDir: dir,
      only: ['COMPOSE_FILE', 'COMPOSE_PATH_SEPARATOR'],
    });
    const files = env.COMPOSE_FILE ? splitComposeFile(env.COMPOSE_FILE, env).map((f) => path.resolve(dir, f)) : undefined;
    this.chosen.set(dir, files);
    return files;
  }
}

/** COMPOSE_FILE is split on COMPOSE_PATH_SEPARATOR (default ':' on Unix, ';' on Windows). */
export function splitComposeFile(v: string, env: Record<string, string>): string[] {
  const sep = env.COMPOSE_PATH_SEPARATOR || path.delimiter;
  return v.split(sep).filter(Boolean);
}

/**
 * Quoted globs (`'deploy/**\/compose*.yaml'`), expanded by the tool as ESLint does: with
 * tinyglobby (picomatch syntax), sorted, node_modules and .git skipped. A name that exists as
 * written is taken literally even when it holds glob characters. A glob matching nothing is an
 * error, as in ESLint ("No files matching the pattern"), given to `unmatched`.
 */
function expandGlobs(cwd: string, targets: string[], unmatched: (problem: string) => void): string[] {
  const out: string[] = [];
  for (const t of targets) {
    if (t === '-' || !isGlobPattern(t) || fs.existsSync(path.resolve(cwd, t))) {
      out.push(t);
      continue;
    }
    const matches = globPaths(t, { cwd, onlyFiles: false, ignore: SKIP_DIRS, expandDirectories: false }).sort();
    if (!matches.length) unmatched(`${t}: no files match this pattern`);
    out.push(...matches.map((m) => m.replace(/\/$/, '')));
  }
  return out;
}

/**
 * One project per distinct file list, in first-seen order; a list whose files all belong to
 * another, larger project is that project (a base named alone and again with its override),
 * except an overlay's: `docker compose` on the base alone is a project of its own.
 */
function mergeGroups(groups: Group[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const g of groups) if (!byKey.has(g.files.join('\0'))) byKey.set(g.files.join('\0'), g);
  const unique = [...byKey.values()];
  const within = (small: Group, big: Group): boolean => big !== small && big.files.length > small.files.length && small.files.every((f) => big.files.includes(f));
  return unique.filter((g) => !unique.some((h) => !h.overlay && within(g, h))).map(({ files, launchDir }) => ({ files, launchDir }));
}

function withoutKey(env: Record<string, string>, key: string): Record<string, string> {
  if (!(key in env)) return env;
  const copy = { ...env };
  delete copy[key];
  return copy;
}

function displayDir(cwd: string, dir: string): string {
  const rel = pathInside(cwd, dir);
  return rel === '' ? 'the current directory' : (rel ?? dir);
}
