/** Finding compose files the way `docker compose` does. */
import * as fs from 'fs';
import * as path from 'path';

/** compose-go's default file names, in order of preference. */
export const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

const isFile = (p: string): boolean => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The base file of a directory plus its override (one override at most, like compose-go). */
export function composeFilesIn(dir: string): string[] | undefined {
  const base = BASE_NAMES.map((n) => path.join(dir, n)).find(isFile);
  if (!base) return undefined;
  const override = OVERRIDE_NAMES.map((n) => path.join(dir, n)).find(isFile);
  return override ? [base, override] : [base];
}

/** Look in `start`, then its parents. */
export function discoverUpwards(start: string): string[] | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const found = composeFilesIn(dir);
    if (found) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor']);

/** Every directory below `root` (itself included) that holds a compose file, as file groups. */
export function discoverBelow(root: string, maxDepth = 12): string[][] {
  const out: string[][] = [];
  const walk = (dir: string, depth: number): void => {
    const here = composeFilesIn(dir);
    if (here) out.push(here);
    if (depth >= maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name), depth + 1);
    }
  };
  walk(path.resolve(root), 0);
  return out;
}

/** For a compose file named on the command line, the base it overrides when it is an override file. */
export function baseOfOverride(file: string): string | undefined {
  if (!OVERRIDE_NAMES.includes(path.basename(file))) return undefined;
  return composeFilesIn(path.dirname(file))?.[0];
}
