/** Paths as reports show them: relative to the context directory, with forward slashes on every OS. */
import * as path from 'path';

export function relativePath(cwd: string, file: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.split(path.sep).join('/');
}

/** True when a relative path climbs out of the context directory (or is on another drive). */
export function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || path.isAbsolute(rel);
}
