/** Suggestions through the CLI (run in this process: test/cli-harness.ts): --fix-rule, --fix-dry-run's listing, SARIF fixes. */
import * as fs from 'fs';
import * as path from 'path';
import { cli, makeTree, snapshotTree } from './engine-helpers';

const CONFIG = 'rules:\n  no-new-privileges: warning\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n';
const WITH_NNP = COMPOSE + '    security_opt:\n      - no-new-privileges:true\n';

describe('--fix-rule', () => {
  test('--fix-dry-run without it: no diff, the problem --fix would leave, each suggestion listed on stderr, exit 0, nothing written', () => {
    const root = makeTree({ '.compose-lint.yaml': CONFIG, 'compose.yaml': COMPOSE });
    const before = snapshotTree(root);
    expect(cli(root, ['--fix-dry-run', '--format', 'compact'])).toEqual({
      code: 0,
      stdout:
        'compose.yaml:2:3: warning: `web`, published on 0.0.0.0:8080, does not set `no-new-privileges:true` in `security_opt`: a setuid or file-capability binary in the container can raise its privileges [no-new-privileges]\n',
      stderr: 'compose.yaml:2:3: suggestion (no-new-privileges): add `no-new-privileges:true` to the `security_opt` of web; apply with --fix --fix-rule no-new-privileges\n',
    });
    expect(snapshotTree(root)).toEqual(before);
  });

  test('--fix-dry-run with it: the suggestion is in the diff; nothing would be left, so exit 0 as --fix would', () => {
    const root = makeTree({ '.compose-lint.yaml': CONFIG, 'compose.yaml': COMPOSE });
    expect(cli(root, ['--fix-dry-run', '--fix-rule', 'no-new-privileges'])).toEqual({
      code: 0,
      stdout: '--- a/compose.yaml\n+++ b/compose.yaml\n@@ -2,3 +2,5 @@\n   web:\n     image: nginx:1.27\n     ports: ["8080:80"]\n+    security_opt:\n+      - no-new-privileges:true\n',
      stderr: '',
    });
  });

  test('--fix alone leaves the file; --fix --fix-rule writes it and nothing is left', () => {
    const root = makeTree({ '.compose-lint.yaml': CONFIG, 'compose.yaml': COMPOSE });
    expect(cli(root, ['--fix', '--format', 'compact']).stdout).toBe(
      'compose.yaml:2:3: warning: `web`, published on 0.0.0.0:8080, does not set `no-new-privileges:true` in `security_opt`: a setuid or file-capability binary in the container can raise its privileges [no-new-privileges]\n',
    );
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(COMPOSE);
    expect(cli(root, ['--fix', '--fix-rule', 'no-new-privileges', '--format', 'compact'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(WITH_NNP);
  });

  test('usage errors: without --fix, an unknown rule', () => {
    const root = makeTree({ 'compose.yaml': COMPOSE });
    expect(cli(root, ['--fix-rule', 'no-new-privileges'])).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: --fix-rule applies suggestions: use it with --fix or --fix-dry-run\n' });
    expect(cli(root, ['--fix', '--fix-rule', 'no-new-privilege'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compose-lint: --fix-rule: unknown rule "no-new-privilege" (did you mean "no-new-privileges"?); `compose-lint rules` lists them\n',
    });
  });

  test('SARIF carries the suggestion as a fix with a character region; the rule its references as tags', () => {
    const root = makeTree({ '.compose-lint.yaml': CONFIG, 'compose.yaml': COMPOSE });
    const log = JSON.parse(cli(root, ['--format', 'sarif']).stdout);
    const run = log.runs[0];
    expect(run.results[0].fixes).toEqual([
      {
        description: { text: 'add `no-new-privileges:true` to the `security_opt` of web (compose-lint --fix --fix-rule no-new-privileges)' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { charOffset: COMPOSE.length, charLength: 0 }, insertedContent: { text: '    security_opt:\n      - no-new-privileges:true\n' } }],
          },
        ],
      },
    ]);
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'no-new-privileges');
    expect(rule.properties.tags).toEqual(['security', 'external/cis-docker-benchmark/5.25', 'external/owasp-docker-security/rule-4']);
  });
});
