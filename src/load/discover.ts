/** Finding compose files the way `docker compose` does. */
import * as path from 'path';
import { probePath } from './inputs';

/** compose-go's default file names, in order of preference. */
export const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** Whether `p` is a file (noted as a probe: creating it later changes the project, see inputs.ts). */
export const isFile = (p: string): boolean => probePath(p) === 'file';

/**
 * Whether discovery takes `p`: a regular file, or a FIFO, socket or device there (compose-go takes
 * any name os.Stat finds), which reading then refuses with a one-line error rather than passing
 * over it in silence. Directories are passed over.
 */
export const isFound = (p: string): boolean => {
  const kind = probePath(p);
  return kind === 'file' || kind === 'other';
};

/** The base file of a directory plus its override (one override at most, like compose-go). */
export function composeFilesIn(dir: string): string[] | undefined {
  const base = BASE_NAMES.map((n) => path.join(dir, n)).find(isFound);
  if (!base) return undefined;
  const override = overrideIn(dir);
  return override ? [base, override] : [base];
}

/** The override file compose-go would pick in `dir` (the first of OVERRIDE_NAMES that exists). */
export function overrideIn(dir: string): string | undefined {
  return OVERRIDE_NAMES.map((n) => path.join(dir, n)).find(isFound);
}

/**
 * Whether a file name is a compose file's: the names Compose discovers and their per-environment
 * variants (`docker-compose.prod.yml`, `docker-compose-monitoring.yml`, `compose-dev.yaml`).
 * A dot file (`.compose-lint.yaml`) or any other YAML never is. The pre-commit hook's `files`
 * pattern (.pre-commit-hooks.yaml) says the same.
 */
export function isComposeFileName(name: string): boolean {
  return /^(docker-)?compose([.-][^/\\]+)?\.ya?ml$/.test(name);
}

/** Look in `start`, then its parents. */
export function discoverUpwards(start: string): string[] | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const found = composeFilesIn(dir);
    if (found) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Names a compose file beside a project may have: compose file names (isComposeFileName), and
 * the `<name>-compose.yml` / `<name>.compose.yaml` habit of extension and add-on files
 * (docker-elk's `extensions/fleet/fleet-compose.yml`). Never a dot file such as `.compose-lint.yaml`.
 */
export function isComposeLikeName(name: string): boolean {
  return isComposeFileName(name) || /^[^.][^/\\]*[.-]compose\.ya?ml$/.test(name);
}

/**
 * Names of the files beside a project the loader may look at (neighbours.ts): compose-like names
 * (isComposeLikeName), and any other YAML file that is not a dot file, which counts as a compose
 * file only beside a project whose own file has such a name and only when it has a top-level
 * `services:` (kafka-stack-docker-compose's `full-stack.yml` beside `conduktor.yml`). The listing
 * `--cache` checks is of these names.
 */
export function isNeighbourName(name: string): boolean {
  return isComposeLikeName(name) || /^[^.][^/\\]*\.ya?ml$/.test(name);
}
