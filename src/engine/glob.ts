/**
 * Globs for the config's `ignore:` list, matched against paths relative to the config file's
 * directory, with `/` separators. Matching is picomatch's (a maintained matcher whose regexes do not
 * backtrack on repeated `**`, which a hand-written translation did: `**` seven times against a
 * 50-segment path took 5 s). `*` and `?` stay within one path segment, `**` spans segments,
 * `[abc]`, `[!abc]` and `{a,b}` work as in shells, and dot files match like any other. As in
 * .gitignore, a pattern without a slash matches at any depth, and a pattern that matches a
 * directory matches everything below it.
 */
import type * as Picomatch from 'picomatch';

const cache = new Map<string, RegExp>();

/** The regular expression for one `ignore:` pattern (cached per pattern). */
export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let p = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  // Trailing slashes trimmed by a scan: `/\/+$/` backtracks over every run of slashes (quadratic).
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  p = p.slice(0, end);
  if (!p.includes('/')) p = `**/${p}`;
  // Shells and .gitignore negate a class with `[!...]`; picomatch reads only `[^...]` that way.
  p = p.replace(/\[!/g, '[^');
  // Required here, not at the top: most runs have no `ignore:` list and never load the matcher.
  const picomatch = require('picomatch') as typeof Picomatch;
  const re = picomatch.makeRe(`${p}{,/**}`, { dot: true });
  cache.set(pattern, re);
  return re;
}

/** True when relPath (relative, `/`-separated) matches one of the patterns. */
export function matchesAnyGlob(relPath: string, patterns: readonly string[]): boolean {
  return patterns.some((g) => globToRegExp(g).test(relPath));
}
