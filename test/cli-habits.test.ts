/** The CLI (issue 12) behaves the way users of ESLint, pre-commit and docker compose expect. */
import * as fs from 'fs';
import * as path from 'path';
import { makeTree, snapshotTree } from './engine-helpers';
import { runCli } from './cli-harness';
import { useColor, terminalWidth } from '../src/cli/color';
import { allRules } from '../rules';
import { presetSettings } from '../src/engine/presets';
import { lintSync } from '../src/api';
import type { Finding } from '../src/types';

/** The CLI in this process (test/cli-harness.test.ts shows it prints what the binary prints). */
const run = runCli;

const VERSIONED = 'version: "3"\nservices:\n  web:\n    image: nginx\n';
const FIXED = 'services:\n  web:\n    image: nginx\n';
const OBSOLETE = '`version` is obsolete: Docker Compose v2 ignores it; remove it';

describe('--max-warnings', () => {
  test('says why it exits 1, also with -q (which hides the warnings themselves)', () => {
    const cwd = makeTree({ 'compose.yaml': VERSIONED });
    expect(run(cwd, ['--format', 'compact', '--max-warnings', '0'])).toEqual({
      code: 1,
      stdout: `compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`,
      stderr: 'compose-lint found too many warnings: 1 (maximum: 0)\n',
    });
    expect(run(cwd, ['-q', '--max-warnings', '0'])).toEqual({ code: 1, stdout: '', stderr: 'compose-lint found too many warnings: 1 (maximum: 0)\n' });
    expect(run(cwd, ['-q', '--max-warnings', '1'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('-o / --output-file', () => {
  test('creates missing directories', () => {
    const cwd = makeTree({ 'compose.yaml': VERSIONED });
    expect(run(cwd, ['--format', 'compact', '-o', 'reports/lint/out.txt'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(cwd, 'reports/lint/out.txt'), 'utf8')).toBe(`compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`);
  });

  test('a directory, or a path under a file, is a one-line usage error', () => {
    const cwd = makeTree({ 'compose.yaml': VERSIONED, 'reports/.keep': '' });
    expect(run(cwd, ['-o', 'reports'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: --output-file reports: is a directory; name a file\n' });
    expect(run(cwd, ['-o', 'compose.yaml/out.txt'])).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^compose-lint: --output-file compose.yaml\/out.txt: cannot write: \S.*\n$/) });
  });

  test('a folder the kernel will not create (under /proc) is a one-line error, not a hang (Node 20 mkdir -p loops there)', () => {
    const cwd = makeTree({ 'compose.yaml': VERSIONED });
    expect(run(cwd, ['-o', '/proc/compose-lint-x/y/out.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compose-lint: --output-file /proc/compose-lint-x/y/out.txt: cannot write: no such file or directory\n',
    });
    expect(run(cwd, ['--format', 'compact', '--cache', '--cache-location', '/proc/compose-lint-x/cache'])).toEqual({
      code: 0,
      stdout: `compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`,
      stderr: 'compose-lint: warning: --cache: cannot write /proc/compose-lint-x/cache (cannot create a file there); findings are complete, but the next run cannot reuse them\n',
    });
  });
});

describe('--debug', () => {
  test('prints files loaded, config used and milliseconds per stage on stderr; stdout unchanged', () => {
    const cwd = makeTree({ 'app/compose.yaml': VERSIONED, 'app/.env': 'A=1\n', '.compose-lint.yaml': 'extends: recommended\n' });
    const r = run(path.join(cwd, 'app'), ['--debug', '--format', 'compact']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`);
    const lines = r.stderr
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/\d+ ms/g, 'N ms'));
    expect(lines).toEqual([
      expect.stringMatching(/^compose-lint: debug: compose-lint \d+\.\d+\.\d+, node v\d+/),
      'compose-lint: debug: project "app": loaded .env, compose.yaml in N ms',
      `compose-lint: debug: project "app": config ${path.join(cwd, '.compose-lint.yaml')}, extends recommended`,
      'compose-lint: debug: project "app": graph in N ms',
      `compose-lint: debug: project "app": ${allRules.length} rules in N ms, 1 findings`,
      'compose-lint: debug: suppression comments in N ms',
      'compose-lint: debug: format compact in N ms',
      'compose-lint: debug: total N ms',
    ]);
  });
});

describe('ignore patterns', () => {
  const files = { 'compose.yaml': FIXED, 'legacy/compose.yaml': VERSIONED, '.compose-lint.yaml': 'ignore: ["legacy/**"]\n' };

  test('a file named on the command line that `ignore` skips gets a warning; a directory walk skips it quietly', () => {
    const cwd = makeTree(files);
    const warning = "compose-lint: warning: legacy/compose.yaml is skipped: the config's `ignore` matches it (--no-ignore lints it)\n";
    expect(run(cwd, ['legacy/compose.yaml'])).toEqual({ code: 0, stdout: '', stderr: warning });
    expect(run(cwd, ['-f', 'legacy/compose.yaml'])).toEqual({ code: 0, stdout: '', stderr: warning });
    expect(run(cwd, ['--stdin-filename', 'legacy/compose.yaml'], { input: VERSIONED })).toEqual({ code: 0, stdout: '', stderr: warning });
    expect(run(cwd, ['.'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('--no-ignore lints it', () => {
    const cwd = makeTree(files);
    const out = `legacy/compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`;
    expect(run(cwd, ['legacy/compose.yaml', '--no-ignore', '--format', 'compact'])).toEqual({ code: 0, stdout: out, stderr: '' });
    expect(run(cwd, ['.', '--no-ignore', '--format', 'compact'])).toEqual({ code: 0, stdout: out, stderr: '' });
  });
});

describe('--fix-dry-run', () => {
  const files = { 'compose.yaml': VERSIONED.replace('image: nginx', 'image: nginx\n    imagee: x') };

  test('prints the diff, then the problems --fix would leave; exits as --fix would; writes nothing', () => {
    const cwd = makeTree(files);
    const before = snapshotTree(cwd);
    expect(run(cwd, ['--fix-dry-run', '--format', 'compact'])).toEqual({
      code: 1,
      stdout: [
        '--- a/compose.yaml',
        '+++ b/compose.yaml',
        '@@ -1,4 +1,3 @@',
        '-version: "3"',
        ' services:',
        '   web:',
        '     image: nginx',
        '',
        'compose.yaml:5:5: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(snapshotTree(cwd)).toEqual(before);
  });

  test('only fixable warnings: the diff and exit 0, or 1 over --max-warnings counting what would remain', () => {
    const cwd = makeTree({ 'compose.yaml': VERSIONED });
    const r = run(cwd, ['--fix-dry-run']);
    expect(r).toEqual({ code: 0, stdout: '--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,4 +1,3 @@\n-version: "3"\n services:\n   web:\n     image: nginx\n', stderr: '' });
    expect(run(cwd, ['--fix-dry-run', '--max-warnings', '0']).code).toBe(0);
  });

  test('--format json lists every finding, each fixable one with its fix', () => {
    const cwd = makeTree(files);
    const r = run(cwd, ['--fix-dry-run', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'compose.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 8,
        rule: 'obsolete-version',
        severity: 'warning',
        message: OBSOLETE,
        fix: { file: 'compose.yaml', edits: [{ start: 0, end: 13, text: '' }] },
      },
      {
        file: 'compose.yaml',
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 11,
        rule: 'schema',
        severity: 'error',
        message: 'services.web: unknown key "imagee" (did you mean "image"?)',
        service: 'web',
      },
    ]);
  });

  test('on stdin: the diff of <stdin>', () => {
    const cwd = makeTree({});
    expect(run(cwd, ['-', '--fix-dry-run'], { input: VERSIONED })).toEqual({
      code: 0,
      stdout: '--- a/<stdin>\n+++ b/<stdin>\n@@ -1,4 +1,3 @@\n-version: "3"\n services:\n   web:\n     image: nginx\n',
      stderr: '',
    });
  });
});

describe('--fix on stdin', () => {
  test('prints the fixed text on stdout and what is left on stderr', () => {
    const cwd = makeTree({});
    expect(run(cwd, ['--fix', '-', '--format', 'compact'], { input: VERSIONED })).toEqual({ code: 0, stdout: FIXED, stderr: '' });
    expect(run(cwd, ['--fix', '-', '--format', 'compact'], { input: VERSIONED.replace('nginx', '${TAG}') })).toEqual({
      code: 0,
      stdout: FIXED.replace('nginx', '${TAG}'),
      stderr: '<stdin>:3:12: warning: The "TAG" variable is not set. Defaulting to a blank string. (used in services.web.image) [interpolation]\n',
    });
  });

  test('text without anything to fix comes back unchanged', () => {
    expect(run(makeTree({}), ['--fix', '-'], { input: FIXED })).toEqual({ code: 0, stdout: FIXED, stderr: '' });
  });

  test('stdin together with files is a usage error', () => {
    const cwd = makeTree({ 'compose.yaml': FIXED });
    expect(run(cwd, ['--fix', '-', 'compose.yaml'], { input: FIXED })).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: --fix with stdin: give - as the only target\n' });
  });
});

describe('--stdin-filename', () => {
  test('lints the buffer as that file: its project .env, config and path; never writes it', () => {
    const cwd = makeTree({
      'svc/compose.yaml': FIXED,
      'svc/.env': 'TAG=1.0\n',
      '.compose-lint.yaml': 'rules:\n  obsolete-version: error\n',
    });
    const before = snapshotTree(cwd);
    const input = 'version: "3"\nservices:\n  web:\n    image: nginx:${TAG}\n    ports: ["${PORT}:80"]\n';
    expect(run(cwd, ['--stdin-filename', 'svc/compose.yaml', '--format', 'compact'], { input })).toEqual({
      code: 1,
      stdout:
        `svc/compose.yaml:1:1: error: ${OBSOLETE} [obsolete-version]\n` +
        'svc/compose.yaml:5:14: warning: The "PORT" variable is not set. Defaulting to a blank string. (used in services.web.ports[0]) [interpolation]\n',
      stderr: '',
    });
    expect(run(cwd, ['--stdin-filename', 'svc/compose.yaml', '--fix'], { input: VERSIONED })).toEqual({ code: 0, stdout: FIXED, stderr: '' });
    expect(snapshotTree(cwd)).toEqual(before);
  });

  test('suppression comments apply as in that file', () => {
    const input = '# compose-lint-disable-next-line obsolete-version -- old tooling\nversion: "3"\nservices: {}\n';
    expect(run(makeTree({}), ['--stdin-filename', 'compose.yaml'], { input })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('with another file target it is a usage error', () => {
    const cwd = makeTree({ 'compose.yaml': FIXED });
    expect(run(cwd, ['--stdin-filename', 'x.yaml', 'compose.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compose-lint: --stdin-filename names the text read from stdin: give no other file (use - or no target)\n',
    });
  });
});

describe('severity set by the user applies to every finding of the rule', () => {
  test("--rule 'interpolation: error' makes an unset variable an error (the rule's default severity, written out)", () => {
    const cwd = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: ${TAG}\n' });
    const line = (sev: string) => `compose.yaml:3:12: ${sev}: The "TAG" variable is not set. Defaulting to a blank string. (used in services.web.image) [interpolation]\n`;
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 0, stdout: line('warning'), stderr: '' });
    expect(run(cwd, ['--format', 'compact', '--rule', 'interpolation: error'])).toEqual({ code: 1, stdout: line('error'), stderr: '' });
    fs.writeFileSync(path.join(cwd, '.compose-lint.yaml'), 'rules:\n  interpolation: error\n');
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 1, stdout: line('error'), stderr: '' });
  });
});

describe('words', () => {
  test.each([
    ['help', ['help'], 0, /^Usage: compose-lint \[options\] \[command\] \[targets\.\.\.\]\n/],
    ['help for a command', ['help', 'init'], 0, /^Usage: compose-lint init \[options\]\n/],
  ])('%s', (_name, args, code, stdout) => {
    const r = run(makeTree({}), args);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(stdout);
    expect(r.stderr).toBe('');
  });

  test.each([
    ['a mistyped command', ['confg'], 'compose-lint: confg: no such file or directory (did you mean `compose-lint config`?)\n'],
    ['a missing file', ['nothere.yaml'], 'compose-lint: nothere.yaml: no such file or directory\n'],
    ['a missing -f file', ['-f', 'nothere.yaml'], 'compose-lint: nothere.yaml: no such file or directory\n'],
    ['a target below a file', ['compose.yaml/x'], 'compose-lint: compose.yaml/x: a part of the path is not a directory\n'],
    ['a -f file below a file', ['-f', 'compose.yaml/x'], 'compose-lint: compose.yaml/x: a part of the path is not a directory\n'],
    ['a missing config file', ['-c', 'nothere.yaml'], 'compose-lint: nothere.yaml: no such file or directory\n'],
    ['a missing env file', ['--env-file', 'nothere.env'], 'compose-lint: nothere.env: no such file or directory\n'],
    [
      'a rule without severity',
      ['--rule', 'obsolete-version'],
      'compose-lint: --rule "obsolete-version": give a severity, e.g. --rule \'obsolete-version: error\' (on, off, info, warning or error)\n',
    ],
    ['a mistyped rule in --rule', ['--rule', 'obsolete-versio: warn'], 'compose-lint: --rule "obsolete-versio: warn": rules: unknown rule "obsolete-versio" (did you mean "obsolete-version"?)\n'],
    ['explain a mistyped rule', ['explain', 'obsolete-versio'], 'compose-lint: unknown rule "obsolete-versio" (did you mean "obsolete-version"?); `compose-lint rules` lists them\n'],
  ])('%s', (_name, args, stderr) => {
    const cwd = makeTree({ 'compose.yaml': FIXED });
    expect(run(cwd, args)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('a mistyped rule in a config file gets the nearest rule id', () => {
    const cwd = makeTree({ 'compose.yaml': FIXED, '.compose-lint.yaml': 'rules:\n  obsolete-versio: warn\n' });
    expect(run(cwd, [])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: .compose-lint.yaml:2:3: rules: unknown rule "obsolete-versio" (did you mean "obsolete-version"?)\n' });
  });

  test('a socket or device target is neither a file nor a directory', () => {
    expect(run(makeTree({}), ['/dev/null'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: /dev/null: not a file or directory\n' });
  });

  test('`warn` is accepted as `warning` in --rule and in config files', () => {
    const cwd = makeTree({ 'compose.yaml': 'services:\n  a:\n    image: x\n    links: [b]\n  b:\n    image: x\n' });
    const out =
      'compose.yaml:4:13: error: link to `b` is legacy: a and b share the default network, where b already resolves by name; remove the link (depends_on gives the start order) [no-deprecated-links]\n';
    const warn = out.replace('error:', 'warning:');
    expect(run(cwd, ['--format', 'compact', '--rule', 'no-deprecated-links: error'])).toEqual({ code: 1, stdout: out, stderr: '' });
    expect(run(cwd, ['--format', 'compact', '--rule', 'no-deprecated-links: warn', '--max-warnings', '5'])).toEqual({ code: 0, stdout: warn, stderr: '' });
    fs.writeFileSync(path.join(cwd, '.compose-lint.yaml'), 'rules:\n  no-deprecated-links: [warn]\n');
    expect(run(cwd, ['--format', 'compact', '--print-config', 'compose.yaml']).stdout).toContain('"no-deprecated-links": "warning"');
  });
});

describe('colour', () => {
  const cwd = makeTree({ 'compose.yaml': VERSIONED });
  const colored = (env: Record<string, string>, args: string[] = []) => run(cwd, args, { env: { NO_COLOR: '', ...env } }).stdout.includes('\x1b[');

  test('off when piped; FORCE_COLOR=1 turns it on, FORCE_COLOR=0 or false keeps it off', () => {
    expect(colored({})).toBe(false);
    expect(colored({ FORCE_COLOR: '1' })).toBe(true);
    expect(colored({ FORCE_COLOR: '0' })).toBe(false);
    expect(colored({ FORCE_COLOR: 'false' })).toBe(false);
  });

  test('an explicit --color beats NO_COLOR; --no-color beats FORCE_COLOR', () => {
    expect(colored({ NO_COLOR: '1' }, ['--color'])).toBe(true);
    expect(colored({ FORCE_COLOR: '1' }, ['--no-color'])).toBe(false);
  });

  test.each([
    ['a TTY', undefined, {}, true, true],
    ['not a TTY', undefined, {}, false, false],
    ['TERM=dumb on a TTY', undefined, { TERM: 'dumb' }, true, false],
    ['NO_COLOR on a TTY', undefined, { NO_COLOR: '1' }, true, false],
    ['NO_COLOR empty on a TTY', undefined, { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR=0 on a TTY', undefined, { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=FALSE on a TTY', undefined, { FORCE_COLOR: 'FALSE' }, true, false],
    ['FORCE_COLOR=1 piped', undefined, { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=1 with TERM=dumb', undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, false, true],
    ['--color with NO_COLOR', true, { NO_COLOR: '1' }, false, true],
    ['--no-color with FORCE_COLOR', false, { FORCE_COLOR: '1' }, true, false],
  ] as const)('useColor: %s', (_name, flag, env, tty, expected) => {
    expect(useColor(flag, env as NodeJS.ProcessEnv, tty)).toBe(expected);
  });

  test('stylish gets a width to wrap to only on a terminal', () => {
    expect(terminalWidth({ isTTY: true, columns: 100 } as NodeJS.WriteStream)).toBe(100);
    expect(terminalWidth({ isTTY: false, columns: 100 } as unknown as NodeJS.WriteStream)).toBeUndefined();
    expect(terminalWidth({} as NodeJS.WriteStream)).toBeUndefined();
  });

  test('piped stylish output keeps one line per finding, however long', () => {
    const long = `services:\n  web:\n    image: nginx\n    environment:\n      A_VERY_LONG_VARIABLE_NAME_THAT_GOES_ON: \${${'X'.repeat(150)}}\n`;
    const r = run(makeTree({ 'compose.yaml': long }), [], { env: { COLUMNS: '40' } });
    expect(r.stdout.split('\n')).toHaveLength(5); // file, finding, blank, summary, ''
    expect(r.stdout.split('\n')[3]).toBe('\u2716 1 problem (1 warning)');
  });
});

describe('init', () => {
  test('writes every rule the recommended preset runs as `on` (the others `off`) and an exclude with "TODO: reason" per service with findings; the project then passes', () => {
    const cwd = makeTree({
      'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: ${TAG}\n    links: [db]\n  db:\n    image: postgres\n',
    });
    const r = run(cwd, ['init']);
    expect(r).toEqual({
      code: 0,
      stdout: `wrote .compose-lint.yaml: ${allRules.length} rules, 1 service excluded with "TODO: reason"; 1 finding not about one service remain (run compose-lint)\n`,
      stderr: '',
    });
    const text = fs.readFileSync(path.join(cwd, '.compose-lint.yaml'), 'utf8');
    // `on` for every rule recommended runs; the two with findings on web carry an exclude for it.
    const preset = presetSettings('recommended', allRules);
    const excluded: Record<string, string[]> = {
      interpolation: ['  interpolation:', '    - on', '    - exclude:', '        services:', '          web: "TODO: reason"   # 1 finding today'],
      'no-deprecated-links': ['  no-deprecated-links:', '    - on', '    - exclude:', '        services:', '          web: "TODO: reason"   # 1 finding today'],
    };
    const ids = allRules.map((rule) => rule.id).sort();
    const level = (id: string): string => (preset.get(id)?.severity === 'off' ? 'off' : 'on');
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual(['extends: recommended', 'rules:', ...ids.flatMap((id) => excluded[id] ?? [`  ${id}: ${level(id)}`]), '']);
    expect(text.split('\n').filter((l) => /^ {2}[a-z-]+: off$/.test(l))).toEqual(ids.filter((id) => allRules.find((rule) => rule.id === id)?.recommended === false).map((id) => `  ${id}: off`));
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 0, stdout: `compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`, stderr: '' });
    expect(run(cwd, ['init'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: .compose-lint.yaml already exists; use --force to overwrite it\n' });
    expect(run(cwd, ['init', '--force']).code).toBe(0);
  });

  // Findings of several severities, set per finding by the rules: an unset variable (a warning
  // under interpolation, an error rule), a literal password and `pid: host` on a public service
  // (errors of warning rules), `ipc: host` on an adjacent one and `pid: host` on an internal one
  // (warnings), an unused network (info, about no service).
  const MIXED = [
    'services:',
    '  web:',
    '    image: nginx:${TAG}',
    '    ports: ["8080:80"]',
    '    pid: host',
    '    environment:',
    '      DB_PASSWORD: s3cret-value',
    '  worker:',
    '    image: busybox:1.36',
    '    ipc: host',
    '  batch:',
    '    image: busybox:1.36',
    '    pid: host',
    '    networks: [back]',
    'networks:',
    '  back: {}',
    '  spare: {}',
    '',
  ].join('\n');
  const PUBLIC = '(public: published on 0.0.0.0:8080)';
  const PID = '`pid: host`: the container sees every process of the host, and can signal or (with SYS_PTRACE) trace them';
  const MIXED_FINDINGS = (s: (name: string) => string): string =>
    [
      `compose.yaml:3:18: warning: The "TAG" variable is not set. Defaulting to a blank string. (used in services.${s('web')}.image) [interpolation]`,
      `compose.yaml:5:10: error: ${PID} ${PUBLIC} [host-namespace]`,
      `compose.yaml:7:20: error: \`DB_PASSWORD\` is set to a literal secret (value masked): it is in the file for anyone who reads it and in \`docker inspect\`; use a variable from an untracked \`.env\`, or a Compose secret if the image can read this setting from a file ${PUBLIC} [secret-in-environment]`,
      `compose.yaml:10:10: warning: \`ipc: host\`: the container shares the host's shared memory and semaphores: it reads and writes other processes' IPC (adjacent: on default with public service ${s('web')}) [host-namespace]`,
      `compose.yaml:13:10: warning: ${PID} (internal: not published) [host-namespace]`,
      'compose.yaml:17:3: info: network "spare" is declared, but no service uses it; remove it, or attach it where it was meant to be used [unused-resource]',
      '',
    ].join('\n');

  test('a fresh init changes no severity: excluded findings keep theirs, and what is not excluded is exactly the --no-config run', () => {
    const cwd = makeTree({ 'compose.yaml': MIXED });
    const same = (name: string): string => name;
    expect(run(cwd, ['--format', 'compact', '--no-config'])).toEqual({ code: 1, stdout: MIXED_FINDINGS(same), stderr: '' });
    expect(run(cwd, ['init']).stdout).toBe(`wrote .compose-lint.yaml: ${allRules.length} rules, 3 services excluded with "TODO: reason"; 1 finding not about one service remain (run compose-lint)\n`);
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 0, stdout: MIXED_FINDINGS(same).split('\n').slice(5).join('\n'), stderr: '' });
    // What init excluded is dropped with the severity it would have had without a config.
    const withConfig = lintSync({ cwd, env: {} });
    const shown = (f: Finding): string => `${f.line}:${f.column} ${f.severity} ${f.rule}`;
    expect([...withConfig.findings, ...withConfig.suppressed].map(shown).sort()).toEqual(lintSync({ cwd, env: {}, config: false }).findings.map(shown).sort());
    // Services the excludes do not name (new ones, here the same renamed) get exactly what --no-config gives.
    const renamed = (name: string): string => `${name}2`;
    fs.writeFileSync(path.join(cwd, 'compose.yaml'), MIXED.replace(/^ {2}(web|worker|batch):$/gm, '  $12:'));
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 1, stdout: MIXED_FINDINGS(renamed), stderr: '' });
    expect(run(cwd, ['--format', 'compact', '--no-config'])).toEqual({ code: 1, stdout: MIXED_FINDINGS(renamed), stderr: '' });
  });

  test('--print-config shows `on` for a rule at its own severities and the severity written for the others; its output used as a config gives the same findings', () => {
    const cwd = makeTree({ 'compose.yaml': MIXED, 'copy/compose.yaml': MIXED, '.compose-lint.yaml': 'rules:\n  secret-in-environment: warning\n  unused-resource: [on]\n' });
    const printed = JSON.parse(run(cwd, ['--print-config', 'compose.yaml']).stdout) as { extends: string[]; rules: Record<string, unknown> };
    expect([printed.rules['secret-in-environment'], printed.rules['host-namespace'], printed.rules.interpolation, printed.rules['unused-resource'], printed.rules['unused-disable']]).toEqual([
      'warning',
      'on',
      'on',
      'on',
      'off',
    ]);
    const findings = MIXED_FINDINGS((name) => name).replace('error: `DB_PASSWORD`', 'warning: `DB_PASSWORD`');
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 1, stdout: findings, stderr: '' });
    fs.writeFileSync(path.join(cwd, 'copy/.compose-lint.json'), JSON.stringify({ extends: printed.extends, rules: printed.rules }));
    expect(run(path.join(cwd, 'copy'), ['--format', 'compact'])).toEqual({ code: 1, stdout: findings, stderr: '' });
    // With no config file at all, the printed config is the --no-config behaviour.
    const bare = makeTree({ 'compose.yaml': MIXED });
    const defaults = JSON.parse(run(bare, ['--print-config', 'compose.yaml', '--no-config']).stdout) as { rules: Record<string, unknown> };
    expect(new Set(Object.values(defaults.rules))).toEqual(new Set(['on', 'off']));
    fs.writeFileSync(path.join(bare, '.compose-lint.json'), JSON.stringify({ rules: defaults.rules }));
    expect(run(bare, ['--format', 'compact'])).toEqual({ code: 1, stdout: MIXED_FINDINGS((name) => name), stderr: '' });
  });

  test('a config file it cannot write is a one-line error, exit 2', () => {
    const cwd = makeTree({ 'compose.yaml': FIXED, '.compose-lint.yaml/keep': '' });
    expect(run(cwd, ['init', '--force'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: .compose-lint.yaml: cannot write: is a directory\n' });
  });
});

describe('SARIF keeps suppressed findings', () => {
  test('a suppression comment and a config exclude become dismissed results with the reason', () => {
    const cwd = makeTree({
      'compose.yaml': '# compose-lint-disable-next-line obsolete-version -- old deploy tool\nversion: "3"\nservices:\n  web:\n    image: x\n    links: [db]\n  db:\n    image: y\n',
      '.compose-lint.yaml': 'rules:\n  no-deprecated-links: [warning, {exclude: {services: {web: "removed in Q3"}}}]\n',
    });
    const r = run(cwd, ['--format', 'sarif']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout).runs[0].results;
    expect(results.map((x: { ruleId: string; suppressions: unknown }) => [x.ruleId, x.suppressions])).toEqual([
      ['obsolete-version', [{ kind: 'inSource', status: 'accepted', justification: 'old deploy tool' }]],
      ['no-deprecated-links', [{ kind: 'external', status: 'accepted', justification: 'removed in Q3' }]],
    ]);
  });
});

describe('positions and words of load problems', () => {
  test('a duplicate key names the key and where it was first defined; an unclosed YAML quote is reported where it opens', () => {
    const cwd = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    image: x\n    command: "sleep 1\n    restart: always\n' });
    expect(run(cwd, ['--format', 'compact'])).toEqual({
      code: 1,
      stdout:
        'compose.yaml:4:5: error: duplicate key "image" (first defined at line 3, column 5) [yaml-syntax]\n' +
        'compose.yaml:5:14: error: unclosed quote: the "..." string that starts here has no closing " [yaml-syntax]\n',
      stderr: '',
    });
    const single = makeTree({ 'compose.yaml': "services:\n  web:\n    image: 'nginx\n" });
    expect(run(single, ['--format', 'compact']).stdout).toBe("compose.yaml:3:12: error: unclosed quote: the '...' string that starts here has no closing ' [yaml-syntax]\n");
  });

  test('a syntax error at the end of a file is reported at the end of its last line, never on a line past the file', () => {
    const text = 'services:\n  web:\n    image: nginx\nnetworks: [nope\n';
    const message = 'Flow sequence in block collection must be sufficiently indented and end with a ]';
    const cwd = makeTree({ 'compose.yaml': text, 'main.yaml': 'include:\n  - inc.yaml\n', 'inc.yaml': 'services:\n  a:\n    networks: [x\n' });
    expect(run(cwd, ['--format', 'compact'])).toEqual({ code: 1, stdout: `compose.yaml:4:16: error: ${message} [yaml-syntax]\n`, stderr: '' });
    expect(run(cwd, ['--format', 'compact', '--stdin-filename', 'compose.yaml', '-'], { input: text })).toEqual({
      code: 1,
      stdout: `compose.yaml:4:16: error: ${message} [yaml-syntax]\n`,
      stderr: '',
    });
    expect(run(cwd, ['--format', 'github', 'compose.yaml'])).toEqual({
      code: 1,
      stdout: `::error file=compose.yaml,line=4,col=16,endLine=4,endColumn=16,title=yaml-syntax::${message}\n`,
      stderr: '',
    });
    expect(run(cwd, ['--format', 'compact', 'main.yaml'])).toEqual({ code: 1, stdout: `inc.yaml:3:17: error: ${message} [yaml-syntax]\n`, stderr: '' });
  });

  test('an empty file and a file of comments only are reported at 1:1', () => {
    const empty = 'empty compose file: Docker Compose refuses a file with no content';
    const cwd = makeTree({ 'empty.yaml': '', 'blank.yaml': '\n\n', 'comments.yaml': '# nothing yet\n# still nothing\n' });
    for (const file of ['empty.yaml', 'blank.yaml', 'comments.yaml']) {
      expect(run(cwd, ['--format', 'compact', file])).toEqual({ code: 1, stdout: `${file}:1:1: error: ${empty} [schema]\n`, stderr: '' });
    }
  });

  test('an unclosed quote in .env is reported where it opens', () => {
    const cwd = makeTree({ 'compose.yaml': FIXED, '.env': 'A=1\n  export B = "abc\nC=2\n' });
    expect(run(cwd, [])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: .env:2:14: unclosed quote: the value of B opens a " that is never closed\n' });
  });

  test("an unclosed quote in a service's env_file is reported where it opens; a missing one in the common wording", () => {
    const cwd = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    env_file: [app.env, gone.env]\n', 'app.env': 'A=1\nB="abc\nC=2\n' });
    expect(run(cwd, ['--format', 'compact'])).toEqual({
      code: 1,
      stdout:
        'app.env:2:3: error: env_file app.env of service "web": unclosed quote: the value of B opens a " that is never closed; Docker Compose refuses the project [load-error]\n' +
        'compose.yaml:4:25: error: env file gone.env: no such file or directory; Docker Compose refuses the project (add `required: false` to the entry if the file is optional) [load-error]\n',
      stderr: '',
    });
  });

  test("values Compose cannot read are described in Compose's terms, never Go's", () => {
    const cwd = makeTree({
      'compose.yaml': 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: three\n    ports: ["1:2:3:4", "a:80", "80/tcpx", "1-2:3-5"]\n    cpus: abc\n    privileged: maybe\n',
    });
    expect(run(cwd, ['--format', 'compact']).stdout).toBe(
      [
        'compose.yaml:5:17: error: services.web.deploy.replicas must be a whole number, got "three" [schema]',
        'compose.yaml:6:13: error: services.web.ports[0]: "1:2:3:4" is not a valid port mapping: host IP "1:2" is not an IP address (write an IPv6 address in brackets: "[::1]:8080:80") [schema]',
        'compose.yaml:6:24: error: services.web.ports[1]: "a:80" is not a valid port mapping: host port "a" is not a port number (0-65535) or range [schema]',
        'compose.yaml:6:32: error: services.web.ports[2]: "80/tcpx" is not a valid port mapping: protocol "tcpx" is not tcp, udp or sctp [schema]',
        'compose.yaml:6:43: error: services.web.ports[3]: "1-2:3-5" is not a valid port mapping: the host range 1-2 and the container range 3-5 are not the same length [schema]',
        'compose.yaml:7:11: error: services.web.cpus must be a number, got "abc" [schema]',
        'compose.yaml:8:17: error: services.web.privileged must be true or false, got "maybe" [schema]',
        '',
      ].join('\n'),
    );
  });
});

describe('a directory target', () => {
  test('lints .devcontainer/ and other dot-directories, not .git/, node_modules/ or vendor/; --debug names each directory not searched', () => {
    const cwd = makeTree({
      'compose.yaml': VERSIONED,
      '.devcontainer/docker-compose.yml': VERSIONED,
      '.git/hooks/compose.yaml': VERSIONED,
      'node_modules/pkg/docker-compose.yml': VERSIONED,
      'vendor/lib/compose.yaml': VERSIONED,
    });
    const linted = ['.devcontainer/docker-compose.yml', 'compose.yaml'].map((f) => `${f}:1:1: warning: ${OBSOLETE} [obsolete-version]\n`).join('');
    expect(run(cwd, ['--format', 'compact', '--max-warnings', '0', '.'])).toEqual({ code: 1, stdout: linted, stderr: 'compose-lint found too many warnings: 2 (maximum: 0)\n' });
    const r = run(cwd, ['--format', 'compact', '--debug', '.']);
    expect([r.code, r.stdout]).toEqual([0, linted]);
    expect(r.stderr.split('\n').filter((l) => l.includes('not searched'))).toEqual([
      'compose-lint: debug: not searched for compose files: .git/ (Git metadata)',
      'compose-lint: debug: not searched for compose files: node_modules/ (installed npm packages)',
      'compose-lint: debug: not searched for compose files: vendor/ (vendored dependencies)',
    ]);
  });
});

describe('--no-error-on-unmatched-pattern (as in ESLint)', () => {
  const OBSOLETE_LINE = `app/compose.yaml:1:1: warning: ${OBSOLETE} [obsolete-version]\n`;
  const tree = (): string =>
    makeTree({ 'app/compose.yaml': VERSIONED, 'broken/compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["70000:80"]\n', 'empty/README.md': 'no compose file here\n' });

  test('without it, a directory without a compose file or a glob matching nothing ends the run: exit 2, nothing linted', () => {
    const cwd = tree();
    expect(run(cwd, ['--format', 'compact', 'empty', 'app'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compose-lint: empty: no compose file found in this directory (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)\n',
    });
    expect(run(cwd, ['--format', 'compact', 'app', 'deploy/**/compose.yaml'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: deploy/**/compose.yaml: no files match this pattern\n' });
  });

  test('with it, such targets are skipped and the others decide the exit code', () => {
    const cwd = tree();
    const flag = '--no-error-on-unmatched-pattern';
    expect(run(cwd, ['--format', 'compact', flag, 'empty', 'app', 'deploy/**/compose.yaml'])).toEqual({ code: 0, stdout: OBSOLETE_LINE, stderr: '' });
    expect(run(cwd, ['--format', 'compact', flag, 'empty', 'broken'])).toEqual({
      code: 1,
      stdout: 'broken/compose.yaml:4:13: error: services.web.ports[0]: "70000:80" is not a valid port mapping: host port "70000" is not a port number (0-65535) or range [schema]\n',
      stderr: '',
    });
    expect(run(cwd, ['--format', 'compact', flag, 'empty', 'deploy/*.yaml'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('a file that does not exist is still an error: it is no pattern', () => {
    expect(run(tree(), ['--no-error-on-unmatched-pattern', 'nothere.yaml', 'app'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: nothere.yaml: no such file or directory\n' });
  });
});
