/**
 * Paths as users see them: relative to a base directory with `/` separators on every OS, or
 * absolute when outside it. One definition for the loader, the config, the API and the reports.
 */
import * as path from 'path';

/** `a\b` -> `a/b` on Windows; unchanged elsewhere. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** True when a relative path climbs out of its base (`..`, `../x`) or is absolute (another drive). */
export function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** `file` (absolute, or relative to base) relative to base, with `/`; may start with `..`. */
export function relativePath(base: string, file: string): string {
  return toPosix(path.relative(base, path.resolve(base, file)));
}

/** `file` relative to base when inside it (`''` for base itself), else undefined. */
export function pathInside(base: string, file: string): string | undefined {
  // The common case, without path.relative's normalizing of both paths: a normalized absolute path under base.
  if (path.sep === '/' && base.length > 1 && base[0] === '/' && file.length > base.length + 1 && file.startsWith(base) && file[base.length] === '/' && !/\/\.{0,2}(\/|$)|\/\//.test(file)) {
    return file.slice(base.length + 1);
  }
  const rel = relativePath(base, file);
  return isOutside(rel) ? undefined : rel;
}

/** The display path of text read from stdin without `--stdin-filename`: it names no file on disk. */
export const STDIN_PATH = '<stdin>';

/** The path shown to users: relative to cwd when inside it, else absolute; `-` is `<stdin>`. */
export function displayPath(cwd: string, abs: string): string {
  if (abs === '-') return STDIN_PATH;
  return pathInside(cwd, abs) || abs;
}
