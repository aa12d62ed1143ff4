/**
 * Glob targets (`'deploy/**\/compose*.yaml'`) through tinyglobby, which is loaded only for a target
 * that may be one: its modules (picomatch, fdir) took about 5 ms of every run's start-up (issue 13).
 */
import type * as tinyglobby from 'tinyglobby';

/** Every glob (picomatch's scan: `*`, `?`, `[...]`, `{a,b}`, extglobs `@(...)`, a leading `!`) has one of these. */
const GLOB_CHARACTERS = /[*?[{(!]/;

const tinyglobbyModule = (): typeof tinyglobby => require('tinyglobby') as typeof tinyglobby;

/** tinyglobby's isDynamicPattern: true when `pattern` is a glob rather than a plain path. */
export function isGlobPattern(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern) && tinyglobbyModule().isDynamicPattern(pattern);
}

/** tinyglobby's globSync: the paths matching `pattern` (relative to options.cwd). */
export function globPaths(pattern: string, options: tinyglobby.GlobOptions): string[] {
  return tinyglobbyModule().globSync(pattern, options);
}
