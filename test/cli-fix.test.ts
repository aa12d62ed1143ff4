/** End-to-end: --fix, --fix-dry-run, config flags and suppression flags on the built binary. */
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
      stderr: 'compose-lint: --rule "obsolete-version: loud": rules.obsolete-version: must be one of "off", "info", "warning", "error", "warn"\n',
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
