/**
 * Globs for the config's `ignore:` list, matched against paths relative to the config file's
 * directory, with `/` separators. `*` and `?` stay within one path segment, `**` spans segments,
 * `[abc]` and `{a,b}` work as in shells. As in .gitignore, a pattern without a slash matches at
 * any depth, and a pattern that matches a directory matches everything below it.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let p = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  // Trailing slashes trimmed by a scan: `/\/+$/` backtracks over every run of slashes (quadratic).
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  p = p.slice(0, end);
  if (!p.includes('/')) p = `**/${p}`;
  const re = new RegExp(`^${translate(p)}(?:/.*)?$`);
  cache.set(pattern, re);
  return re;
}

function translate(p: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      const slashAfter = p[i + 2] === '/';
      // `**/` also matches no directory at all; a trailing `**` matches everything.
      out += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = p
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out + ')'.repeat(braces);
}

export function matchesAnyGlob(relPath: string, patterns: readonly string[]): boolean {
  return patterns.some((g) => globToRegExp(g).test(relPath));
}
