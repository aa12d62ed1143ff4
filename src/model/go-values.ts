/**
 * Go value conversions compose-go applies while decoding a model into its types, so `config` prints
 * what Docker Compose prints:
 *
 *   shellWords    `command: npm start` -> [npm, start]           (mattn/go-shellwords Parse, no env, no backticks)
 *   ramInBytes    `mem_limit: 512m` -> 536870912                  (docker/go-units RAMInBytes)
 *   goDuration    `interval: 90s` -> "1m30s"                      (str2duration parse, Go time.Duration.String)
 */

/**
 * go-shellwords `Parse(line)`: words split on unquoted white space; '...' literal; "..." and a
 * backslash escape; parsing stops, silently, at an unquoted `;`, `&`, `|`, `<` or `>` (what follows
 * is dropped, as compose-go drops it). Returns undefined where go-shellwords returns an error
 * (unbalanced quotes, a bare `(`).
 */
export function shellWords(line: string): string[] | undefined {
  const args: string[] = [];
  let buf = '';
  let got = false;
  let escaped = false;
  let single = false;
  let double = false;
  let backQuote = false;
  let dollarQuote = false;
  for (const r of line) {
    if (escaped) {
      buf += r;
      escaped = false;
      got = true;
      continue;
    }
    if (r === '\\') {
      if (single) buf += r;
      else escaped = true;
      continue;
    }
    if (/\s/.test(r)) {
      if (single || double || backQuote || dollarQuote) buf += r;
      else if (got) {
        args.push(buf);
        buf = '';
        got = false;
      }
      continue;
    }
    if (r === '`' && !single && !double) backQuote = !backQuote;
    else if (r === ')' && !single && !double && !backQuote && dollarQuote) dollarQuote = false;
    else if (r === '(' && !single && !double && !backQuote) {
      if (dollarQuote || !buf.endsWith('$')) return undefined;
      dollarQuote = true;
    } else if (r === '"' && !single && !dollarQuote) {
      double = !double;
      got = true;
      continue;
    } else if (r === "'" && !double && !dollarQuote) {
      single = !single;
      got = true;
      continue;
    } else if (';&|<>'.includes(r) && !(single || double || backQuote || dollarQuote)) {
      // `2>file`: a leading fd number is not a word of its own
      if (r === '>' && /^[0-9]+$/.test(buf)) got = false;
      break;
    }
    got = true;
    buf += r;
  }
  if (got) args.push(buf);
  if (escaped || single || double || backQuote || dollarQuote) return undefined;
  return args;
}

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** docker/go-units RAMInBytes: "512m", "1.5GiB", "100" (bytes). undefined when it does not parse. */
export function ramInBytes(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : undefined;
  if (typeof v !== 'string') return undefined;
  // Trimmed first: `\s*` on both sides of the optional unit backtracks over long runs of blanks.
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtTpPbB]?)(?:[iI]?[bB])?$/.exec(v.trim());
  if (!m) return undefined;
  return Math.trunc(Number(m[1]) * UNITS[(m[2] || 'b').toLowerCase()]);
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 7 * 86400e9,
};

/** xhit/go-str2duration ParseDuration ("1h30m", "1.5s", "2d"), in nanoseconds; undefined when invalid. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  let s = String(v);
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const re = /(\d*\.?\d*)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d|w)/gy; // µ (micro sign) and μ (Greek mu), escaped: the CLI bundle stays ASCII (src/cli/boot.ts)
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m || m[1] === '' || m[1] === '.') return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    at = re.lastIndex;
  }
  return sign * Math.round(total);
}

/** Go's time.Duration.String(): "1m30s", "1h0m0s", "500ms", "0s". */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    const [unit, div] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    out = `${trimFraction(u / div)}${unit}`;
  } else {
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    const s = trimFraction(u / 1e9);
    out = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  }
  return neg ? `-${out}` : out;
}

function trimFraction(n: number): string {
  return String(Number(n.toFixed(9)));
}
