/**
 * The fixture harness (format documented in fixtures/README.md): every case under
 * fixtures/<rule-id>/ and every example project is linted with all rules, and the exact multiset
 * of (file, line, rule[, column]) of its findings must equal the `# expect:` markers in its files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintSync, LintOptions } from '../src/api';
import { allRules } from '../rules';
import type { Finding } from '../src/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
/** Whole projects checked as one directory case each (the README's first command lints fixtures/reddit). */
const EXAMPLES = ['reddit'];
const RULE_IDS = new Set(allRules.map((r) => r.id));

interface Expectation {
  file: string;
  line: number;
  rule: string;
  column?: number;
  /** Pinned with `rule:severity` (or `rule@col:severity`). */
  severity?: string;
}

interface Case {
  name: string;
  /** What to lint: a compose file, or a directory (discovery in it). */
  target: string;
  /** Every file whose markers count. */
  files: string[];
  cwd: string;
}

/** The LintOptions a header may set; the harness owns the rest (cwd, targets, env, rules, settings). */
const HEADER_ARGS = ['profiles', 'envFiles', 'files', 'projectName', 'projectDirectory', 'config', 'ruleFlags', 'reportUnusedDisableDirectives'] as const;

interface Header {
  args?: Pick<LintOptions, (typeof HEADER_ARGS)[number]>;
  env?: Record<string, string>;
}

/** `# expect:` anywhere on a line (findings can sit on comment lines, e.g. unused suppressions). */
const MARKER = /#\s*expect:(.*)$/;
const MARKER_ITEM = '[a-z0-9-]+(?:@\\d+)?(?::(?:error|warning|info))?';
const MARKER_LIST = new RegExp(`^\\s*${MARKER_ITEM}(?:\\s*,\\s*${MARKER_ITEM})*\\s*$`);
const HEADER = /^\s*#\s*compose-lint-test:\s*(.*?)\s*$/;

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function casesIn(dir: string): Case[] {
  const out: Case[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    const name = path.relative(FIXTURES, full);
    if (e.isDirectory()) out.push({ name, target: '.', files: listFiles(full), cwd: full });
    else if (/\.ya?ml$/.test(e.name)) out.push({ name, target: e.name, files: [full], cwd: dir });
  }
  return out;
}

/** Markers of every file in the case; a marker naming an unknown rule is an error in the fixture. */
export function parseMarkers(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return;
    if (!MARKER_LIST.test(m[1])) throw new Error(`${file}:${i + 1}: malformed marker "#${line.split('#').pop()}" (write "# expect: rule-a, rule-b@column")`);
    for (const item of m[1].split(',').map((s) => s.trim())) {
      const [pinned, severity] = item.split(':');
      const [rule, column] = pinned.split('@');
      if (!RULE_IDS.has(rule)) throw new Error(`${file}:${i + 1}: marker names unknown rule "${rule}"`);
      out.push({ file, line: i + 1, rule, ...(column !== undefined ? { column: Number(column) } : {}), ...(severity !== undefined ? { severity } : {}) });
    }
  });
  return out;
}

function headerOf(c: Case): Header {
  const headers: { file: string; json: string }[] = [];
  for (const f of c.files) {
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      const m = HEADER.exec(line);
      if (m) headers.push({ file: f, json: m[1] });
    }
  }
  if (headers.length > 1) throw new Error(`${c.name}: more than one compose-lint-test header (${headers.map((h) => path.relative(FIXTURES, h.file)).join(', ')})`);
  if (!headers.length) return {};
  const h = JSON.parse(headers[0].json) as Header;
  const unknown = [...Object.keys(h).filter((k) => k !== 'args' && k !== 'env'), ...Object.keys(h.args ?? {}).filter((k) => !(HEADER_ARGS as readonly string[]).includes(k))];
  if (unknown.length) throw new Error(`${c.name}: unknown header keys: ${unknown.join(', ')}`);
  return h;
}

function expectationsOf(c: Case): Expectation[] {
  return c.files.flatMap((f) => parseMarkers(f, fs.readFileSync(f, 'utf8')));
}

function lintCase(c: Case): Finding[] {
  const h = headerOf(c);
  const options: LintOptions = { cwd: c.cwd, env: { ...(h.env ?? {}) }, config: false, ...h.args };
  if (!h.args?.files) options.targets = [c.target];
  return lintSync(options).findings.map((f) => ({ ...f, file: path.resolve(c.cwd, f.file) }));
}

/**
 * Match findings to expectations (column-pinned markers first) and describe what is left over on
 * either side, one line each, in file and line order.
 */
export function compare(expected: Expectation[], findings: Finding[]): string[] {
  const left = [...findings];
  const take = (e: Expectation, withColumn: boolean): boolean => {
    const i = left.findIndex((f) => f.file === e.file && f.line === e.line && f.rule === e.rule && (!withColumn || f.column === e.column) && (e.severity === undefined || f.severity === e.severity));
    if (i === -1) return false;
    left.splice(i, 1);
    return true;
  };
  const pinnedFirst = [...expected].sort((a, b) => Number(b.column !== undefined) - Number(a.column !== undefined));
  const missing = pinnedFirst.filter((e) => !take(e, e.column !== undefined));
  const rel = (f: string): string => path.relative(FIXTURES, f);
  const lines = [
    ...missing.map((e) => ({ file: e.file, line: e.line, text: `missing     ${rel(e.file)}:${e.line}${e.column ? `:${e.column}` : ''}  ${e.rule}${e.severity ? `:${e.severity}` : ''}` })),
    ...left.map((f) => ({ file: f.file, line: f.line, text: `unexpected  ${rel(f.file)}:${f.line}:${f.column}  ${f.rule}:${f.severity}  ${f.message}` })),
  ];
  return lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)).map((l) => l.text);
}

const ruleDirs = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && RULE_IDS.has(e.name))
  .map((e) => e.name)
  .sort();

describe('rule fixtures', () => {
  test('there are rule fixture directories', () => {
    expect(ruleDirs).toEqual(expect.arrayContaining(['frontend-reaches-database', 'no-deprecated-links', 'unresolved-hostname']));
  });

  describe.each(ruleDirs)('%s', (rule) => {
    const cases = casesIn(path.join(FIXTURES, rule));

    test('has a case that expects the rule and a case that does not', () => {
      const expecting = cases.filter((c) => expectationsOf(c).some((e) => e.rule === rule)).map((c) => c.name);
      const negative = cases.filter((c) => !expectationsOf(c).some((e) => e.rule === rule)).map((c) => c.name);
      expect({ positive: expecting.length > 0, negative: negative.length > 0 }).toEqual({ positive: true, negative: true });
    });

    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(compare(expectationsOf(c), lintCase(c))).toEqual([]);
    });
  });
});

describe('example projects', () => {
  test.each(EXAMPLES)('%s', (name) => {
    const dir = path.join(FIXTURES, name);
    const c: Case = { name, target: '.', files: listFiles(dir), cwd: dir };
    const expected = expectationsOf(c);
    expect(expected.length).toBeGreaterThan(0);
    expect(compare(expected, lintCase(c))).toEqual([]);
  });
});

describe('the harness itself', () => {
  const f = (file: string, line: number, rule: string, column = 1): Finding => ({ rule, file, line, column, endLine: line, endColumn: column, severity: 'error', message: `m-${rule}` });

  test('markers: several rules, pinned columns, on value and comment lines', () => {
    const text = 'a: 1   # expect: unresolved-hostname, no-deprecated-links@7\nb: 2 # not a marker\nc: 3 #expect:obsolete-version\n# a comment   # expect: schema\n';
    expect(parseMarkers('/x.yml', text)).toEqual([
      { file: '/x.yml', line: 1, rule: 'unresolved-hostname' },
      { file: '/x.yml', line: 1, rule: 'no-deprecated-links', column: 7 },
      { file: '/x.yml', line: 3, rule: 'obsolete-version' },
      { file: '/x.yml', line: 4, rule: 'schema' },
    ]);
  });

  test('markers may pin the severity too', () => {
    expect(parseMarkers('/x.yml', 'a: 1 # expect: frontend-reaches-database@9:info, schema:error\n')).toEqual([
      { file: '/x.yml', line: 1, rule: 'frontend-reaches-database', column: 9, severity: 'info' },
      { file: '/x.yml', line: 1, rule: 'schema', severity: 'error' },
    ]);
    const file = path.join(FIXTURES, 'x.yml');
    expect(compare([{ file, line: 1, rule: 'schema', severity: 'warning' }], [f(file, 1, 'schema')])).toEqual(['missing     x.yml:1  schema:warning', 'unexpected  x.yml:1:1  schema:error  m-schema']);
  });

  test('a marker naming an unknown rule is refused', () => {
    expect(() => parseMarkers('/x.yml', 'a: 1 # expect: no-such-rule\n')).toThrow('/x.yml:1: marker names unknown rule "no-such-rule"');
  });

  test('a malformed marker is refused rather than ignored', () => {
    expect(() => parseMarkers('/x.yml', 'a: 1\nb: 2 # expect: Unresolved-Hostname\n')).toThrow('/x.yml:2: malformed marker "# expect: Unresolved-Hostname" (write "# expect: rule-a, rule-b@column")');
    expect(() => parseMarkers('/x.yml', 'b: 2 # expect: schema@x\n')).toThrow('/x.yml:1: malformed marker');
  });

  test('compare is a multiset match: counts, columns and files matter', () => {
    const file = path.join(FIXTURES, 'x.yml');
    const exp: Expectation[] = [
      { file, line: 2, rule: 'unresolved-hostname' },
      { file, line: 2, rule: 'unresolved-hostname' },
      { file, line: 4, rule: 'no-deprecated-links', column: 9 },
    ];
    expect(compare(exp, [f(file, 2, 'unresolved-hostname'), f(file, 2, 'unresolved-hostname', 5), f(file, 4, 'no-deprecated-links', 9)])).toEqual([]);
    expect(compare(exp, [f(file, 2, 'unresolved-hostname'), f(file, 4, 'no-deprecated-links', 3), f(file, 5, 'obsolete-version')])).toEqual([
      'missing     x.yml:2  unresolved-hostname',
      'missing     x.yml:4:9  no-deprecated-links',
      'unexpected  x.yml:4:3  no-deprecated-links:error  m-no-deprecated-links',
      'unexpected  x.yml:5:1  obsolete-version:error  m-obsolete-version',
    ]);
  });
});
