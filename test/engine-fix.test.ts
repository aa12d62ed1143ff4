/** Fixes: planning, minimal edits, the obsolete-version fix on awkward files, atomic writes, diffs. */
import * as fs from 'fs';
import * as path from 'path';
import { fixSync, lintSync } from '../src/api';
import { applyEdits, planFixes, staleReason, writeFileAtomic } from '../src/engine/fix';
import { fixChecks } from '../src/engine/fix-check';
import { unifiedDiff } from '../src/engine/diff';
import obsoleteVersion from '../rules/obsolete-version';
import unusedDisable from '../rules/unused-disable';
import type { Finding, Rule, TextEdit } from '../src/types';
import { makeTree, probeRule, snapshotTree } from './engine-helpers';

const finding = (file: string, ...edits: TextEdit[]): Finding => ({
  rule: 'r',
  severity: 'warning',
  message: 'm',
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  fix: { file, edits },
});

describe('planFixes and applyEdits', () => {
  test('overlapping fixes: the first wins; a fix is taken whole or not at all; duplicates count once', () => {
    const plan = planFixes([
      finding('a', { start: 10, end: 20, text: 'x' }),
      finding('a', { start: 15, end: 25, text: 'y' }),
      finding('a', { start: 30, end: 31, text: '' }, { start: 19, end: 21, text: 'z' }),
      finding('a', { start: 40, end: 40, text: 'p' }),
      finding('a', { start: 40, end: 40, text: 'q' }),
      finding('a', { start: 20, end: 22, text: 'w' }),
      finding('b', { start: 0, end: 1, text: '' }),
      finding('b', { start: 0, end: 1, text: '' }),
    ]);
    expect(Object.fromEntries(plan)).toEqual({
      a: [
        { start: 10, end: 20, text: 'x' },
        { start: 20, end: 22, text: 'w' },
        { start: 40, end: 40, text: 'p' },
      ],
      b: [{ start: 0, end: 1, text: '' }],
    });
  });

  test('applyEdits splices each edit into the original text', () => {
    expect(
      applyEdits('0123456789', [
        { start: 0, end: 2, text: 'ab' },
        { start: 5, end: 5, text: '+' },
        { start: 8, end: 10, text: '' },
      ]),
    ).toBe('ab234+567');
  });
});

describe('unifiedDiff', () => {
  test('a removal at the top', () => {
    expect(unifiedDiff('compose.yaml', 'version: "3"\n\nservices:\n  web:\n    image: nginx\n', 'services:\n  web:\n    image: nginx\n')).toBe(
      '--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,5 +1,3 @@\n-version: "3"\n-\n services:\n   web:\n     image: nginx\n',
    );
  });

  test('two changes far apart make two hunks with three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    const after = before.replace('l2\n', 'L2\n').replace('l18\n', '');
    expect(unifiedDiff('f', before, after)).toBe('--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -15,6 +15,5 @@\n l15\n l16\n l17\n-l18\n l19\n l20\n');
  });

  test('a missing newline at the end of the file is shown', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\n')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n a\n-b\n\\ No newline at end of file\n');
    expect(unifiedDiff('f', 'a\n', 'a\n')).toBe('');
  });

  test('insertion into an empty file', () => {
    expect(unifiedDiff('f', '', 'x\n')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n');
  });
});

/** Fix one file with the obsolete-version rule and return its new text. */
function fixVersion(text: string): { after: string; findings: string[] } {
  const root = makeTree({ 'compose.yaml': text });
  const result = fixSync({ rules: [obsoleteVersion], env: {}, config: false, cwd: root });
  return { after: fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8'), findings: result.findings.map((f) => `${f.line}:${f.column} ${f.rule}`) };
}

describe('obsolete-version fix: only the key, its comment, nothing else', () => {
  const cases: [string, string, string][] = [
    [
      'comment above that names the version, trailing comment, single quotes',
      '# Compose file format version\nversion: \'3.8\'   # required by the old CI\n\n# services below\nservices:\n  web:\n    image: "nginx:1.25"   # pinned\n    command: [\'sh\', "-c", \'echo "#not a comment"\']\n',
      '# services below\nservices:\n  web:\n    image: "nginx:1.25"   # pinned\n    command: [\'sh\', "-c", \'echo "#not a comment"\']\n',
    ],
    [
      'a header comment that does not mention the version stays',
      '# Reddit app stack\n#   maintained by the platform team\nversion: "3"\nservices:\n  ui:\n    image: reddit/ui\n',
      '# Reddit app stack\n#   maintained by the platform team\nservices:\n  ui:\n    image: reddit/ui\n',
    ],
    [
      'in the middle of the file, between blank lines: one blank line is left',
      'services:\n  web:\n    image: nginx\n\nversion: "2.4"\n\nvolumes:\n  data: {}\n',
      'services:\n  web:\n    image: nginx\n\nvolumes:\n  data: {}\n',
    ],
    ['the last line, without a final newline', 'services:\n  web:\n    image: nginx\nversion: 3', 'services:\n  web:\n    image: nginx\n'],
    ['CRLF line endings stay CRLF', 'version: "3"\r\nservices:\r\n  web:\r\n    image: nginx\r\n', 'services:\r\n  web:\r\n    image: nginx\r\n'],
    ['value on the next line', 'version:\n  "3.9"\nservices:\n  web:\n    image: nginx\n', 'services:\n  web:\n    image: nginx\n'],
    [
      'an anchor-laden, flow-styled file keeps every other byte',
      'x-base: &base {restart: "no"}   # keep me\nversion: !!str 3.8\nservices: {web: {<<: *base, image: nginx}}\n',
      'x-base: &base {restart: "no"}   # keep me\nservices: {web: {<<: *base, image: nginx}}\n',
    ],
  ];

  test.each(cases)('%s', (_name, before, expected) => {
    const edit = lintSync({ rules: [obsoleteVersion], env: {}, config: false, cwd: makeTree({ 'compose.yaml': before }) }).findings[0].fix!.edits[0];
    const { after, findings } = fixVersion(before);
    expect(after).toBe(expected);
    // Byte-identical outside the one edit.
    expect(after).toBe(before.slice(0, edit.start) + before.slice(edit.end));
    expect(findings).toEqual([]);
  });

  test('a version key inside a flow mapping is reported but not fixed', () => {
    const before = '{version: "3", services: {web: {image: nginx}}}\n';
    const { after, findings } = fixVersion(before);
    expect(after).toBe(before);
    expect(findings).toEqual(['1:2 obsolete-version']);
  });
});

describe('fixSync', () => {
  test('a second --fix changes nothing; a dry run writes nothing and reports the change', () => {
    const root = makeTree({ 'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n' });
    const dry = fixSync({ rules: [obsoleteVersion], env: {}, config: false, cwd: root, dryRun: true });
    expect(dry.changes).toEqual([{ file: 'compose.yaml', before: 'version: "3"\nservices:\n  web:\n    image: nginx\n', after: 'services:\n  web:\n    image: nginx\n' }]);
    expect(dry.findings.map((f) => f.rule)).toEqual(['obsolete-version']);
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe('version: "3"\nservices:\n  web:\n    image: nginx\n');

    expect(fixSync({ rules: [obsoleteVersion], env: {}, config: false, cwd: root }).changes.map((c) => c.file)).toEqual(['compose.yaml']);
    const snapshot = snapshotTree(root);
    const second = fixSync({ rules: [obsoleteVersion], env: {}, config: false, cwd: root });
    expect(second.changes).toEqual([]);
    expect(snapshotTree(root)).toEqual(snapshot);
  });

  test('fixes that only become possible after a fix are applied in later passes', () => {
    const replace = (id: string, from: string, to: string): Rule => ({
      ...probeRule(id, 'warning'),
      fixable: true,
      check(ctx) {
        for (const { source } of ctx.project.documents) {
          const at = source.text.indexOf(from);
          if (at >= 0)
            ctx.report({
              message: `${from} -> ${to}`,
              origin: { source, start: at, end: at + from.length },
              fix: { file: source.path, edits: [{ start: at, end: at + from.length, text: to }], changes: [[0, 'services', 'web', 'image']] },
            });
        }
      },
    });
    const root = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: foo\n' });
    const r = fixSync({ rules: [replace('one', 'foo', 'bar'), replace('two', 'bar', 'baz')], env: {}, config: false, cwd: root });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe('services:\n  web:\n    image: baz\n');
    expect(r.changes).toEqual([{ file: 'compose.yaml', before: 'services:\n  web:\n    image: foo\n', after: 'services:\n  web:\n    image: baz\n' }]);
    expect(r.findings).toEqual([]);
  });

  test('suppressed findings are not fixed; unused directives are removed when reported', () => {
    const text = '# compose-lint-disable-next-line obsolete-version -- kept on purpose\nversion: "3"\nservices:\n  web: # compose-lint-disable-line obsolete-version\n    image: nginx\n';
    const root = makeTree({ 'compose.yaml': text });
    fixSync({ rules: [obsoleteVersion, unusedDisable], env: {}, config: false, cwd: root, reportUnusedDisableDirectives: true });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe('# compose-lint-disable-next-line obsolete-version -- kept on purpose\nversion: "3"\nservices:\n  web:\n    image: nginx\n');
  });

  test('a normal lint run leaves every file byte-identical', () => {
    const root = makeTree({ 'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n', 'compose.override.yaml': '\ufeffversion: "3"\r\n' });
    const before = snapshotTree(root);
    const r = lintSync({ rules: [obsoleteVersion], env: {}, config: false, cwd: root });
    expect(r.findings.filter((f) => f.fix).length).toBe(2);
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('writing files', () => {
  test('atomic write keeps the mode, a BOM, and writes through a symlink', () => {
    const root = makeTree({ 'real.yaml': '\ufeffold\n' });
    const file = path.join(root, 'real.yaml');
    fs.chmodSync(file, 0o640);
    fs.symlinkSync(file, path.join(root, 'link.yaml'));
    writeFileAtomic(path.join(root, 'link.yaml'), 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('\ufeffnew\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.lstatSync(path.join(root, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(root).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  test('a file that changed since it was read, or is not valid UTF-8, is not written', () => {
    const root = makeTree({ 'a.yaml': 'same\n', 'b.yaml': Buffer.from([0x61, 0xff, 0x0a]) });
    expect(staleReason(path.join(root, 'a.yaml'), 'same\n')).toBeUndefined();
    expect(staleReason(path.join(root, 'a.yaml'), 'other\n')).toBe('it changed since it was read, or is not valid UTF-8');
    expect(staleReason(path.join(root, 'b.yaml'), 'a\ufffd\n')).toBe('it changed since it was read, or is not valid UTF-8');
  });
});

describe('--fix never makes a file worse (issue 14)', () => {
  const fixOf = (root: string, extra: Partial<Parameters<typeof fixSync>[0]> = {}) => fixSync({ rules: [obsoleteVersion, unusedDisable], env: {}, config: false, cwd: root, ...extra });

  test('a removal that would leave an alias without its anchor is not written; the finding loses its fix', () => {
    const text = 'version: &v "3"\nservices:\n  web:\n    image: nginx\nx-v: *v\n';
    const root = makeTree({ 'compose.yaml': text });
    for (const dryRun of [true, false]) {
      const r = fixOf(root, { dryRun });
      expect(r.changes).toEqual([]);
      expect(r.skipped).toEqual([{ file: 'compose.yaml', reason: 'obsolete-version at 1:1 is not fixable here: the fixed text would not load (4:6: unknown alias *v)' }]);
      expect(r.findings.map((f) => [f.rule, f.fix])).toEqual([['obsolete-version', undefined]]);
    }
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(text);
  });

  test('an override holding only `version` and comments is left alone, and says why', () => {
    const root = makeTree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'compose.override.yaml': '# local\nversion: "3.8"\n\n# nothing else\n' });
    const before = snapshotTree(root);
    const r = fixOf(root);
    expect(r.skipped).toEqual([
      {
        file: 'compose.override.yaml',
        reason: 'obsolete-version at 2:1 is not fixable here: the fix would leave the file with no content, and Docker Compose refuses an empty compose file: delete the file or edit it by hand',
      },
    ]);
    expect(snapshotTree(root)).toEqual(before);
  });

  test('a fix that changes a value it does not declare is refused; the other fixes of the file are still written', () => {
    const sneaky: Rule = {
      ...probeRule('sneaky', 'warning'),
      fixable: true,
      check(ctx) {
        for (const { source } of ctx.project.documents) {
          const at = source.text.indexOf('nginx');
          if (at >= 0) ctx.report({ message: 'quietly retags', origin: { source, start: at, end: at + 5 }, fix: { file: source.path, edits: [{ start: at, end: at + 5, text: 'nginx:1' }] } });
        }
      },
    };
    const root = makeTree({ 'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n' });
    const r = fixSync({ rules: [obsoleteVersion, sneaky], env: {}, config: false, cwd: root });
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe('services:\n  web:\n    image: nginx\n');
    expect(r.skipped).toEqual([{ file: 'compose.yaml', reason: 'sneaky at 3:12 is not fixable here: the fixed text would also change services.web.image' }]);
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.fix ? 'fix' : 'no fix'}`)).toEqual(['3:12 sneaky no fix']);
  });

  test('a file with YAML errors: no unused-suppression finding and no cleanup (no rule ran there)', () => {
    const text = 'services:\n  web:\n    image: nginx\n    # compose-lint-disable-next-line schema -- the port list is generated\n    ports: [80\n';
    const root = makeTree({ 'compose.yaml': text });
    const r = fixSync({ env: {}, config: false, cwd: root, reportUnusedDisableDirectives: true });
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['5:15 yaml-syntax']);
    expect(r.changes).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toBe(text);
  });

  test('fixChecks: a file that does not parse gets no fix at all; merge tags count as values', () => {
    expect(fixChecks('c.yaml', 'services: [\n').fileReason).toBe('it has YAML errors (1:12: Flow sequence in block collection must be sufficiently indented and end with a ]); fix them first');
    const tagged = fixChecks('c.yaml', 'services:\n  web:\n    ports: !override ["80:80"]\n');
    expect(tagged.fileReason).toBeUndefined();
    expect(tagged.refusal('services:\n  web:\n    ports: ["80:80"]\n', [])).toBe('the fixed text would also change services.web.ports');
    expect(tagged.refusal('services:\n  web:\n    ports: !override ["80:80"] # ok\n', [])).toBeUndefined();
    expect(tagged.refusal('services:\n  web:\n    ports: []\n', [[0, 'services', 'web', 'ports']])).toBeUndefined();
  });
});
