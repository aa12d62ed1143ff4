/**
 * `--cache` (src/engine/lint-cache.ts) and worker threads: a second unchanged run takes every
 * project from the cache and prints the same bytes; each kind of input change makes exactly the
 * project that read it be linted again; a corrupt cache file is ignored. Most cases go through the
 * library API (the `--debug` lines say hit or miss per project); a few run the built binary.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixSync, lintSync, planProjects, type LintOptions, type LintResult } from '../src/api';
import { LoadError } from '../src/load/context';
import { joinCacheText, splitCacheText } from '../src/engine/cache-file';
import { MAX_FILE_BYTES } from '../src/load/read';

const BIN = path.resolve(__dirname, '..', 'bin', 'compose-lint.js');

/** Three projects: `a` reads an env var, `.env`, an env_file, an included and an extended file; `b` and `c` are plain. */
const TREE: Record<string, string> = {
  'a/compose.yaml': [
    'include:',
    '  - inc.yaml',
    'services:',
    '  web:',
    '    image: nginx:${WEB_TAG}',
    '    env_file: app.env',
    '    ports:',
    '      - "8080:80"',
    '  worker:',
    '    extends:',
    '      file: base.yaml',
    '      service: base',
    '',
  ].join('\n'),
  'a/.env': 'UNUSED=1\n',
  'a/app.env': 'MODE=dev\n',
  'a/inc.yaml': 'services:\n  cache:\n    image: redis:7.2\n',
  'a/base.yaml': 'services:\n  base:\n    image: busybox:1.36\n',
  'b/compose.yaml': 'services:\n  db:\n    image: postgres:latest\n    privileged: true\n',
  'c/compose.yaml': 'services:\n  ui:\n    image: httpd:2.4\n    ports:\n      - "80:80"\n',
};

function tree(files: Record<string, string> = TREE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-cache-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface Run {
  result: LintResult;
  /** The projects (by their first file) taken from the cache, and those linted, sorted. */
  hits: string[];
  misses: string[];
  debug: string[];
}

/** lintSync over `dir` with the cache, serially; `env` is the whole OS environment. */
function lint(dir: string, extra: Partial<LintOptions> = {}, env: Record<string, string> = { HOME: '/home/u' }): Run {
  const debug: string[] = [];
  const result = lintSync({ cwd: dir, targets: ['.'], env, cache: {}, concurrency: 1, onDebug: (l) => debug.push(l), ...extra });
  const projects = (prefix: string): string[] =>
    debug
      .filter((l) => l.startsWith(prefix))
      .map((l) => /project of ([^,:]+)/.exec(l)![1])
      .sort();
  return { result, hits: projects('cache: hit for '), misses: projects('cache: miss for '), debug };
}

/** Findings as data, for comparing a cached run with a fresh one. */
const findingsOf = (r: LintResult): string => JSON.stringify({ f: r.findings, s: r.suppressed, files: r.files });

describe('--cache through the API', () => {
  test('an unchanged second run takes every project from the cache, with the same findings', () => {
    const dir = tree();
    const first = lint(dir);
    expect(first.misses).toEqual(['a/compose.yaml', 'b/compose.yaml', 'c/compose.yaml']);
    expect(first.hits).toEqual([]);
    expect(first.debug).toContain('cache: 0 hits, 3 misses');
    expect(fs.existsSync(path.join(dir, '.compose-lint-cache'))).toBe(true);
    const second = lint(dir);
    expect(second.hits).toEqual(['a/compose.yaml', 'b/compose.yaml', 'c/compose.yaml']);
    expect(second.misses).toEqual([]);
    expect(second.debug).toContain('cache: 3 hits, 0 misses');
    expect(findingsOf(second.result)).toBe(findingsOf(first.result));
    expect(second.result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toContain('b/compose.yaml:4:17 privileged');
    // Projects from the cache are not loaded.
    expect(second.result.projects).toEqual([]);
  });

  // Each change, and the one project it must make stale.
  const cases: [string, (dir: string) => void, string][] = [
    ['editing a compose file', (d) => fs.appendFileSync(path.join(d, 'c/compose.yaml'), '    privileged: true\n'), 'c/compose.yaml'],
    ['editing .env', (d) => fs.writeFileSync(path.join(d, 'a/.env'), 'WEB_TAG=1.25\n'), 'a/compose.yaml'],
    ['creating a .env where there was none', (d) => fs.writeFileSync(path.join(d, 'b/.env'), 'X=1\n'), 'b/compose.yaml'],
    ['creating an override file', (d) => fs.writeFileSync(path.join(d, 'c/compose.override.yaml'), 'services:\n  ui:\n    privileged: true\n'), 'c/compose.yaml'],
    ['editing an env_file', (d) => fs.writeFileSync(path.join(d, 'a/app.env'), 'MODE=prod\n'), 'a/compose.yaml'],
    ['editing an included file', (d) => fs.writeFileSync(path.join(d, 'a/inc.yaml'), 'services:\n  cache:\n    image: redis:latest\n'), 'a/compose.yaml'],
    ['editing an extended file', (d) => fs.writeFileSync(path.join(d, 'a/base.yaml'), 'services:\n  base:\n    image: busybox:1.36\n    privileged: true\n'), 'a/compose.yaml'],
    ['adding a compose file beside a project (a neighbour)', (d) => fs.writeFileSync(path.join(d, 'b/docker-compose.extra.yml'), 'services:\n  x:\n    image: a:1\n'), 'b/compose.yaml'],
    ['creating a config file in one project', (d) => fs.writeFileSync(path.join(d, 'a/.compose-lint.yaml'), 'rules:\n  image-mutable-tag: off\n'), 'a/compose.yaml'],
  ];
  test.each(cases)('%s makes exactly that project stale, and the new findings are those of a fresh run', (_name, change, stale) => {
    const dir = tree();
    lint(dir);
    change(dir);
    const run = lint(dir);
    const misses = run.misses.map((m) => m.replace(/, .*/, ''));
    expect(misses).toEqual([stale]);
    expect(run.hits).toHaveLength(2);
    const fresh = lintSync({ cwd: dir, targets: ['.'], env: { HOME: '/home/u' } });
    expect(findingsOf(run.result)).toBe(findingsOf(fresh));
    // And the entry written for the changed project is used the next time.
    expect(lint(dir).hits).toHaveLength(3);
  });

  test('a YAML file with services: added beside a project whose file is not named like a compose file makes it stale (it may define its names)', () => {
    const dir = tree({ 'k/conduktor.yml': 'services:\n  console:\n    image: conduktor/console:1.2\n    environment:\n      BOOTSTRAP: PLAINTEXT://kafka1:19092\n' });
    const target = { targets: ['k/conduktor.yml'] };
    const severity = (r: Run): string[] => r.result.findings.filter((f) => f.rule === 'unresolved-hostname').map((f) => `${f.line}:${f.column} ${f.severity}`);
    expect(severity(lint(dir, target))).toEqual(['5:30 error']);
    expect(lint(dir, target).hits).toEqual(['k/conduktor.yml']);
    fs.writeFileSync(path.join(dir, 'k/full-stack.yml'), 'services:\n  kafka1:\n    image: confluentinc/cp-kafka:7.8.0\n');
    const after = lint(dir, target);
    expect(after.misses).toEqual(['k/conduktor.yml']);
    expect(severity(after)).toEqual(['5:30 warning']);
  });

  test('a library for extends named alone: the file that extends it is an input (editing it, or the library, makes the project stale)', () => {
    const dir = tree({
      'z/components.yaml': 'services:\n  server:\n    networks: [backend]\n',
      'z/stack.yaml': 'services:\n  zabbix-server:\n    extends: {file: components.yaml, service: server}\n    image: zabbix/server:7.0\nnetworks:\n  backend: {}\n',
    });
    const target = { targets: ['z/components.yaml'] };
    const shown = (r: Run): string[] => r.result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
    const first = lint(dir, target);
    expect(first.misses).toEqual(['z/stack.yaml']);
    expect(shown(first)).toEqual([]);
    expect(lint(dir, target).hits).toEqual(['z/stack.yaml']);
    // The user's edit: its service is now privileged (the cached empty result would hide the new finding).
    fs.writeFileSync(
      path.join(dir, 'z/stack.yaml'),
      'services:\n  zabbix-server:\n    extends: {file: components.yaml, service: server}\n    image: zabbix/server:7.0\n    privileged: true\nnetworks:\n  backend: {}\n',
    );
    const edited = lint(dir, target);
    expect(edited.misses).toEqual(['z/stack.yaml']);
    expect(shown(edited)).toEqual(['z/stack.yaml:5:17 privileged']);
    // The library's edit: a finding at its own line.
    fs.writeFileSync(path.join(dir, 'z/components.yaml'), 'services:\n  server:\n    networks: [backend]\n    cap_add: [SYS_ADMIN]\n');
    const library = lint(dir, target);
    expect(library.misses).toEqual(['z/stack.yaml']);
    expect(shown(library)).toEqual(['z/components.yaml:4:15 dangerous-capability', 'z/stack.yaml:5:17 privileged']);
  });

  test('an edited .env changes the findings it should (the cached ones are not reused)', () => {
    const dir = tree();
    const before = lint(dir).result.findings.filter((f) => f.file === 'a/compose.yaml' && f.rule === 'interpolation');
    expect(before.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['5:18 The "WEB_TAG" variable is not set. Defaulting to a blank string. (used in services.web.image)']);
    fs.writeFileSync(path.join(dir, 'a/.env'), 'WEB_TAG=1.25\n');
    const after = lint(dir).result.findings.filter((f) => f.file === 'a/compose.yaml' && f.rule === 'interpolation');
    expect(after).toEqual([]);
  });

  test('a variable interpolation read makes its project stale when it changes; other variables do not', () => {
    const dir = tree();
    lint(dir, {}, { HOME: '/home/u' });
    const unrelated = lint(dir, {}, { HOME: '/home/u', OLDPWD: '/elsewhere' });
    expect(unrelated.misses).toEqual([]);
    const changed = lint(dir, {}, { HOME: '/home/u', WEB_TAG: '1.25' });
    expect(changed.misses).toEqual(['a/compose.yaml']);
    expect(changed.result.findings.some((f) => f.file === 'a/compose.yaml' && f.rule === 'interpolation')).toBe(false);
  });

  test("the cache file keeps no variable's value, only its hash (values may be secrets; cache files travel)", () => {
    const dir = tree();
    lint(dir, {}, { HOME: '/home/u', WEB_TAG: 's3cret-tag-value' });
    const text = fs.readFileSync(path.join(dir, '.compose-lint-cache'), 'utf8');
    expect(text).not.toContain('s3cret-tag-value');
    expect(text).toContain('"WEB_TAG"');
    expect(lint(dir, {}, { HOME: '/home/u', WEB_TAG: 's3cret-tag-value' }).misses).toEqual([]);
    expect(lint(dir, {}, { HOME: '/home/u', WEB_TAG: 's3cret-tag-valuE' }).misses).toEqual(['a/compose.yaml']);
  });

  test('a config file created up the tree makes every project under it stale', () => {
    const dir = tree();
    lint(dir);
    fs.writeFileSync(path.join(dir, '.compose-lint.yaml'), 'rules:\n  privileged: warning\n');
    const run = lint(dir);
    expect(run.misses).toEqual(['a/compose.yaml', 'b/compose.yaml', 'c/compose.yaml']);
    expect(run.result.findings.find((f) => f.rule === 'privileged')?.severity).toBe('warning');
  });

  test('--rule and --no-ignore options make every project stale; the same options again hit', () => {
    const dir = tree();
    lint(dir);
    expect(lint(dir, { ruleFlags: ['privileged: off'] }).misses).toHaveLength(3);
    expect(lint(dir, { ruleFlags: ['privileged: off'] }).hits).toHaveLength(3);
    expect(lint(dir, { ruleFlags: ['privileged: off'] }).result.findings.some((f) => f.rule === 'privileged')).toBe(false);
    expect(lint(dir, { ignore: false }).misses).toHaveLength(3);
  });

  test('a cache file of another version or rule set is ignored as a whole', () => {
    const dir = tree();
    lint(dir);
    const file = path.join(dir, '.compose-lint-cache');
    const { header, entries } = splitCacheText(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, joinCacheText(`0.0.1 ${header.tool.split(' ')[1]}`, null, entries));
    const run = lint(dir);
    expect(run.debug).toContain(`cache: ignoring ${file}: written by another version or rule set`);
    expect(run.misses).toHaveLength(3);
  });

  test('a corrupt cache file is ignored (and replaced), never an error', () => {
    const dir = tree();
    const fresh = lint(dir);
    const file = path.join(dir, '.compose-lint-cache');
    fs.writeFileSync(file, '{"format": 1, "entr');
    const run = lint(dir);
    expect(run.debug.find((l) => l.startsWith(`cache: ignoring ${file}: unreadable (`))).toBeDefined();
    expect(run.misses).toHaveLength(3);
    expect(findingsOf(run.result)).toBe(findingsOf(fresh.result));
    expect(lint(dir).hits).toHaveLength(3);
  });

  test.each([
    ['reads is null', (e: Record<string, unknown>) => (e.reads = null)],
    ['listings is a number', (e: Record<string, unknown>) => (e.listings = 5)],
    ['outcome is null', (e: Record<string, unknown>) => (e.outcome = null)],
    ['findings is a string', (e: Record<string, unknown>) => ((e.outcome as Record<string, unknown>).findings = 'oops')],
    ['a finding has line "x"', (e: Record<string, unknown>) => (((e.outcome as { findings: Record<string, unknown>[] }).findings[0] ?? {}).line = 'x')],
  ])('a well-formed file with a damaged entry (%s): that project is linted again and its entry replaced', (_what, damage) => {
    const dir = tree();
    const fresh = lint(dir);
    const file = path.join(dir, '.compose-lint-cache');
    const { header, entries: text } = splitCacheText(fs.readFileSync(file, 'utf8'));
    const entries = JSON.parse(text) as Record<string, Record<string, unknown>>;
    // Damage the entry of project b (the one with findings).
    const [key] = Object.entries(entries).find(([, e]) => JSON.stringify(e.outcome).includes('b/compose.yaml'))!;
    damage(entries[key]);
    fs.writeFileSync(file, joinCacheText(header.tool, null, JSON.stringify(entries)));
    const run = lint(dir);
    expect(run.misses).toEqual(['b/compose.yaml']);
    expect(run.debug).toContain('cache: miss for project of b/compose.yaml: its cache entry is damaged');
    expect(findingsOf(run.result)).toBe(findingsOf(fresh.result));
    expect(lint(dir).hits).toHaveLength(3);
  });

  test('a file that could not be read and can be read again makes its project stale (the failure is an input too)', () => {
    const dir = tree();
    // Still a file (its probe unchanged) but unreadable: over the size limit (sparse, so instant). chmod 000 would not stop root.
    fs.truncateSync(path.join(dir, 'a/app.env'), MAX_FILE_BYTES + 1);
    const broken = lint(dir);
    expect(broken.result.findings.filter((f) => f.rule === 'load-error').map((f) => `${f.file}: ${f.message}`)).toEqual([
      'a/compose.yaml: cannot read env_file a/app.env: file is 67108865 bytes; files over 67108864 bytes are refused',
    ]);
    expect(lint(dir).hits).toEqual(['a/compose.yaml', 'b/compose.yaml', 'c/compose.yaml']); // still unreadable, for the same reason
    fs.writeFileSync(path.join(dir, 'a/app.env'), 'MODE=dev\n');
    const fixed = lint(dir);
    expect(fixed.misses).toEqual(['a/compose.yaml']);
    expect(fixed.debug).toContain(`cache: miss for project of a/compose.yaml: ${path.join(dir, 'a/app.env')} can be read now`);
    expect(findingsOf(fixed.result)).toBe(findingsOf(lint(dir, { cache: undefined }).result));
  });

  test('a cache file that cannot be written: complete findings, and the reason in one line', () => {
    const dir = tree();
    const fresh = lint(dir, { cache: undefined });
    const run = lint(dir, { cache: { location: 'b/compose.yaml/cache.json' } });
    expect(findingsOf(run.result)).toBe(findingsOf(fresh.result));
    expect(run.result.cacheProblem).toBe(
      `--cache: cannot write ${path.join(dir, 'b/compose.yaml/cache.json')} (part of the path is a file); findings are complete, but the next run cannot reuse them`,
    );
    expect(fresh.result.cacheProblem).toBeUndefined();
  });

  test('--cache-location: a directory gets .compose-lint-cache inside, a path is the file', () => {
    const dir = tree();
    fs.mkdirSync(path.join(dir, 'tmp'));
    lint(dir, { cache: { location: 'tmp' } });
    expect(fs.existsSync(path.join(dir, 'tmp', '.compose-lint-cache'))).toBe(true);
    lint(dir, { cache: { location: 'cache/lint.json' } });
    expect(fs.existsSync(path.join(dir, 'cache', 'lint.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, '.compose-lint-cache'))).toBe(false);
  });

  test('stdin and --fix never use the cache', () => {
    const dir = tree();
    lintSync({ cwd: dir, stdin: TREE['b/compose.yaml'], targets: ['-'], cache: {} });
    expect(fs.existsSync(path.join(dir, '.compose-lint-cache'))).toBe(false);
    fixSync({ cwd: dir, targets: ['.'], cache: {}, dryRun: true });
    expect(fs.existsSync(path.join(dir, '.compose-lint-cache'))).toBe(false);
  });
});

describe('worker threads', () => {
  test('many projects linted in workers give the same findings, in the same order, as a serial run', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      files[`p${i}/compose.yaml`] = `services:\n  s${i}:\n    image: img${i}:latest\n    privileged: ${i % 2 === 0}\n    ports:\n      - "${8000 + i}:80"\n`;
    }
    // A suppression comment and a file two projects share keep the run-wide steps honest.
    files['p2/compose.yaml'] = `# compose-lint-disable-file privileged -- a test\n${files['p2/compose.yaml']}`;
    const dir = tree(files);
    const serial = lintSync({ cwd: dir, targets: ['.'], env: {}, concurrency: 1 });
    const debug: string[] = [];
    const threaded = lintSync({ cwd: dir, targets: ['.'], env: {}, concurrency: 2, workerThreshold: 2, onDebug: (l) => debug.push(l) });
    expect(debug.some((l) => /^12 projects linted in 2 worker threads in \d+ ms$/.test(l))).toBe(true);
    expect(findingsOf(threaded)).toBe(findingsOf(serial));
    expect(serial.suppressed.map((s) => `${s.file} ${s.rule}`)).toEqual(['p2/compose.yaml privileged']);
    expect(serial.findings.filter((f) => f.rule === 'privileged').map((f) => f.file)).toEqual(['p0/compose.yaml', 'p10/compose.yaml', 'p4/compose.yaml', 'p6/compose.yaml', 'p8/compose.yaml']);
  });

  test('a fatal load problem in a worker is thrown as the LoadError a serial run throws', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`p${i}/compose.yaml`] = `services:\n  s:\n    image: a:1\n`;
    // Found only when the project loads (planning reads .env, so a bad .env would never reach a worker).
    files['p2/compose.yaml'] = 'services:\n  s:\n    image: a:1\n\0';
    const dir = tree(files);
    const serial = (): LintResult => lintSync({ cwd: dir, targets: ['.'], env: {}, concurrency: 1 });
    const threaded = (): LintResult => lintSync({ cwd: dir, targets: ['.'], env: {}, concurrency: 2, workerThreshold: 2 });
    const message = 'p2/compose.yaml: binary file (contains NUL bytes), not a compose file';
    expect(serial).toThrow(new LoadError(message));
    expect(threaded).toThrow(new LoadError(message));
    expect(threaded).toThrow(LoadError); // the class the serial run throws, rebuilt from the worker's report
    expect(() => planProjects({ cwd: dir, targets: ['.'], env: {} })).not.toThrow();
  });
});

describe('compose-lint --cache (the binary)', () => {
  const run = (cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, ['--', BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  test.each(['stylish', 'json', 'sarif'])('the second run prints the same bytes in %s, from the cache', (format) => {
    const dir = tree();
    const plain = run(dir, ['.', '--format', format]);
    const first = run(dir, ['.', '--cache', '--format', format]);
    const second = run(dir, ['.', '--cache', '--format', format, '--debug']);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    expect(second.stderr).toContain('compose-lint: debug: cache: 3 hits, 0 misses\n');
  });

  test('a corrupt cache file is said with --debug and otherwise ignored', () => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, 'lint-cache'), '\u0000garbage');
    const r = run(dir, ['.', '--cache', '--cache-location', 'lint-cache', '--debug', '--format', 'compact']);
    const plain = run(dir, ['.', '--format', 'compact']);
    expect([r.code, r.stdout]).toEqual([plain.code, plain.stdout]);
    expect(r.stdout).toContain('b/compose.yaml:4:17: ');
    expect(r.stderr).toContain(`compose-lint: debug: cache: ignoring ${path.join(dir, 'lint-cache')}: unreadable (`);
    expect(run(dir, ['.', '--cache', '--cache-location', 'lint-cache', '--format', 'compact']).stdout).toBe(r.stdout);
  });

  test('a cache file that cannot be written is a warning on stderr; the findings and exit code are unchanged', () => {
    const dir = tree();
    const plain = run(dir, ['.', '--format', 'compact']);
    const r = run(dir, ['.', '--cache', '--cache-location', 'b/compose.yaml/x', '--format', 'compact']);
    expect(r).toEqual({
      code: plain.code,
      stdout: plain.stdout,
      stderr: `compose-lint: warning: --cache: cannot write ${path.join(dir, 'b/compose.yaml/x')} (part of the path is a file); findings are complete, but the next run cannot reuse them\n`,
    });
  });

  test('a FIFO at the cache path is ignored (no hang) and replaced by the cache file', () => {
    const dir = tree();
    spawnSync('mkfifo', [path.join(dir, '.compose-lint-cache')]);
    const plain = run(dir, ['.', '--format', 'compact']);
    expect(run(dir, ['.', '--cache', '--format', 'compact'])).toEqual(plain);
    expect(fs.statSync(path.join(dir, '.compose-lint-cache')).isFile()).toBe(true);
  });

  test('a cache path that is a symlink to a file stays a link: the file it points to is written', () => {
    const dir = tree();
    fs.mkdirSync(path.join(dir, 'ci-cache'));
    fs.writeFileSync(path.join(dir, 'ci-cache/lint'), '');
    fs.symlinkSync(path.join(dir, 'ci-cache/lint'), path.join(dir, '.compose-lint-cache'));
    run(dir, ['.', '--cache']);
    expect(fs.lstatSync(path.join(dir, '.compose-lint-cache')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'ci-cache/lint'), 'utf8')).toMatch(/^\{"format":3,/);
  });

  test('--cache-strategy takes content only; --concurrency a number, auto or off', () => {
    const dir = tree();
    expect(run(dir, ['.', '--cache', '--cache-strategy', 'metadata']).stderr).toMatch(/--cache-strategy.*metadata.*content/);
    expect(run(dir, ['.', '--concurrency', 'x'])).toEqual({ code: 2, stdout: '', stderr: "compose-lint: --concurrency takes a whole number, 'auto' or 'off', not \"x\"\n" });
  });
});
