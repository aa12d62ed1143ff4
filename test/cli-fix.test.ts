/** --fix, --fix-dry-run, config flags and suppression flags, through the CLI (run in this process: test/cli-harness.ts). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree, snapshotTree } from './engine-helpers';

const COMMENTED = [
  '# Compose file format version (ignored by Compose v2)',
  "version: '3.8'   # keep in sync with CI",
  '',
  '# -- services --',
  'services:',
  '  web:',
  '    image: "nginx:1.25"      # pinned',
  "    command: ['nginx', '-g', 'daemon off;']",
  '    labels:',
  '      note: "a # that is no comment"',
  '',
].join('\n');
const FIXED = COMMENTED.split('\n').slice(3).join('\n');

describe('--fix-dry-run', () => {
  test('prints a unified diff, exits as --fix would (0: only a fixable warning), writes nothing', () => {
    const root = makeTree({ 'compose.yaml': COMMENTED });
    const before = snapshotTree(root);
    expect(cli(root, ['--fix-dry-run'])).toEqual({
      code: 0,
      stdout: [
        '--- a/compose.yaml',
        '+++ b/compose.yaml',
        '@@ -1,6 +1,3 @@',
        '-# Compose file format version (ignored by Compose v2)',
        "-version: '3.8'   # keep in sync with CI",
        '-',
        ' # -- services --',
        ' services:',
        '   web:',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  test('with nothing to fix: no output, exit 0', () => {
    const root = makeTree({ 'compose.yaml': FIXED });
    expect(cli(root, ['--fix-dry-run'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('--fix and --fix-dry-run together are a usage error', () => {
    const root = makeTree({ 'compose.yaml': FIXED });
    expect(cli(root, ['--fix', '--fix-dry-run'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: use either --fix or --fix-dry-run, not both\n' });
  });
});

describe('--fix', () => {
  test('writes the fix, reports what is left, and a second run changes nothing', () => {
    const root = makeTree({ 'compose.yaml': COMMENTED.replace('image: "nginx:1.25"', 'image: "nginx:1.25"\n    imagee: x'), 'other.txt': 'untouched\n' });
    const first = cli(root, ['--fix', '--format', 'compact']);
    expect(first).toEqual({
      code: 1,
      stdout: 'compose.yaml:5:5: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]\n',
      stderr: '',
    });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(FIXED.replace('image: "nginx:1.25"', 'image: "nginx:1.25"\n    imagee: x'));
    const snapshot = snapshotTree(root);
    expect(cli(root, ['--fix', '--format', 'compact'])).toEqual(first);
    expect(snapshotTree(root)).toEqual(snapshot);
  });

  test('a plain run changes nothing on disk', () => {
    const root = makeTree({ 'compose.yaml': COMMENTED, 'compose.override.yaml': "version: '3'\n" });
    const before = snapshotTree(root);
    expect(cli(root, ['--format', 'compact'])).toEqual({
      code: 0,
      stdout:
        'compose.override.yaml:1:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n' +
        'compose.yaml:2:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n',
      stderr: '',
    });
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('config and suppression flags', () => {
  test('a config error is fatal: one line naming file, line, column and key; exit 2', () => {
    const root = makeTree({ 'app/compose.yaml': FIXED, '.compose-lint.yaml': 'rules:\n  obsolete-versoin: off\n' });
    expect(cli(path.join(root, 'app'), [])).toEqual({
      code: 2,
      stdout: '',
      // Outside the cwd, paths are shown absolute, as the loader shows them.
      stderr: `compose-lint: ${root}/.compose-lint.yaml:2:3: rules: unknown rule "obsolete-versoin" (did you mean "obsolete-version"?)\n`,
    });
  });

  test('--rule over the config file; --no-config; -c', () => {
    const root = makeTree({ 'compose.yaml': COMMENTED, '.compose-lint.yaml': 'rules:\n  obsolete-version: error\n', 'quiet.json': '{"rules": {"obsolete-version": "off"}}' });
    const line = (severity: string): string => `compose.yaml:2:1: ${severity}: \`version\` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n`;
    expect(cli(root, ['--format', 'compact'])).toEqual({ code: 1, stdout: line('error'), stderr: '' });
    expect(cli(root, ['--format', 'compact', '--rule', 'obsolete-version: info'])).toEqual({ code: 0, stdout: line('info'), stderr: '' });
    expect(cli(root, ['--format', 'compact', '--no-config'])).toEqual({ code: 0, stdout: line('warning'), stderr: '' });
    expect(cli(root, ['--format', 'compact', '-c', 'quiet.json'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(cli(root, ['--rule', 'obsolete-version: loud'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compose-lint: --rule "obsolete-version: loud": rules.obsolete-version: must be one of "on", "off", "info", "warning", "error", "warn"\n',
    });
  });

  test('--print-config prints the effective config as JSON', () => {
    const root = makeTree({ '.compose-lint.yaml': 'rules:\n  obsolete-version: [error, {exclude: {services: {web: legacy}}}]\n' });
    const r = cli(root, ['--print-config', 'compose.yaml', '--rule', 'schema: warning']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect([printed.configFile, printed.rules['obsolete-version'], printed.rules.schema, printed.rules['unused-disable']]).toEqual([
      '.compose-lint.yaml',
      ['error', { exclude: { services: { web: 'legacy' } } }],
      'warning',
      'off',
    ]);
  });

  test('--report-unused-disable-directives', () => {
    const text = FIXED.replace('  web:', '  web: # compose-lint-disable-line schema -- was a typo once');
    const root = makeTree({ 'compose.yaml': text });
    expect(cli(root, ['--format', 'compact'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(cli(root, ['--format', 'compact', '--report-unused-disable-directives'])).toEqual({
      code: 0,
      stdout: 'compose.yaml:3:8: warning: unused compose-lint-disable-line directive: no "schema" finding to suppress [unused-disable]\n',
      stderr: '',
    });
  });
});

describe('--fix never makes a file worse (issue 14)', () => {
  test('a fix that would break an alias is not written, and says so; exit code as for the finding', () => {
    const text = 'version: &v "3"\nservices:\n  web:\n    image: nginx\nx-v: *v\n';
    const root = makeTree({ 'compose.yaml': text });
    const reason = 'compose-lint: not fixing compose.yaml: obsolete-version at 1:1 is not fixable here: the fixed text would not load (4:6: unknown alias *v)\n';
    expect(cli(root, ['--fix', '--format', 'compact'])).toEqual({
      code: 0,
      stdout: 'compose.yaml:1:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n',
      stderr: reason,
    });
    // The dry run lists what --fix would leave: the finding, now without a fix.
    expect(cli(root, ['--fix-dry-run', '--format', 'compact'])).toEqual({
      code: 0,
      stdout: 'compose.yaml:1:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n',
      stderr: reason,
    });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(text);
  });

  test('--report-unused-disable-directives --fix keeps a needed suppression in a file with an unclosed [', () => {
    const text = 'services:\n  web:\n    image: nginx\n    # compose-lint-disable-next-line schema -- generated list\n    ports: [80\n';
    const root = makeTree({ 'compose.yaml': text });
    const r = cli(root, ['--fix', '--report-unused-disable-directives', '--format', 'compact']);
    expect(r).toEqual({ code: 1, stdout: 'compose.yaml:5:15: error: Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax]\n', stderr: '' });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(text);
  });

  test('an override left with only comments is not written', () => {
    const root = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'compose.override.yaml': '# local\nversion: "3.8"\n' });
    const before = snapshotTree(root);
    expect(cli(root, ['--fix', '--format', 'compact']).stderr).toBe(
      'compose-lint: not fixing compose.override.yaml: obsolete-version at 2:1 is not fixable here: the fix would leave the file with no content, and Docker Compose refuses an empty compose file: delete the file or edit it by hand\n',
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  test('--fix-dry-run on a CRLF file: the diff keeps the CRs and applies with patch and with git apply', () => {
    const crlf = '# the version\r\nversion: "3"\r\n\r\nservices:\r\n  web:\r\n    image: nginx\r\n';
    const fixedText = 'services:\r\n  web:\r\n    image: nginx\r\n';
    const root = makeTree({ 'compose.yaml': crlf });
    const dry = cli(root, ['--fix-dry-run']);
    expect(dry.code).toBe(0); // what --fix would exit with: nothing left
    expect(dry.stdout).toBe('--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,6 +1,3 @@\n-# the version\r\n-version: "3"\r\n-\r\n services:\r\n   web:\r\n     image: nginx\r\n');
    fs.writeFileSync(path.join(root, 'fix.diff'), dry.stdout);
    const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    const patched = run('patch', ['-p1', '-i', 'fix.diff']);
    expect(patched.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(fixedText);
    fs.writeFileSync(path.join(root, 'compose.yaml'), crlf);
    expect(run('git', ['init', '-q', '.']).status).toBe(0);
    const applied = run('git', ['apply', 'fix.diff']);
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(fixedText);
  });
});
