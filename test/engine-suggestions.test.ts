/** Suggestions: byte-exact insertion into a service (src/engine/service-edits.ts), applied only for rules named with fixRules. */
import * as fs from 'fs';
import * as path from 'path';
import { fixSync, lintSync } from '../src/api';
import noNewPrivileges from '../rules/no-new-privileges';
import capDropAll from '../rules/cap-drop-all';
import type { Rule } from '../src/types';
import type { RuleSettings } from '../src/engine/settings';
import { sequenceIndent } from '../src/engine/service-edits';
import { makeTree } from './engine-helpers';

const RULES: Rule[] = [noNewPrivileges, capDropAll];
const settings: RuleSettings = new Map(RULES.map((r) => [r.id, { severity: r.severity, options: {} }]));

/** The text of every changed file after a dry run naming `fixRules` (empty when nothing would change). */
function suggested(files: Record<string, string>, fixRules: string[] = ['no-new-privileges']): Record<string, string> {
  const cwd = makeTree(files);
  const { changes } = fixSync({ cwd, env: {}, rules: RULES, settings, dryRun: true, fixRules });
  return Object.fromEntries(changes.map((c) => [c.file, c.after]));
}

describe('no-new-privileges suggestion: exact bytes', () => {
  test('a new key at the end of the service, sequences indented as the file does', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - A=1\n  # the database\n  db:\n    image: postgres:16\n    security_opt:\n      - no-new-privileges:true\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - A=1\n    security_opt:\n      - no-new-privileges:true\n  # the database\n  db:\n    image: postgres:16\n    security_opt:\n      - no-new-privileges:true\n',
    });
  });

  test('a file that writes sequences at the key\'s indentation, four-space indents', () => {
    const text = 'services:\n    web:\n        image: nginx:1.27\n        ports:\n        - "8080:80"\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({ 'compose.yaml': text + '        security_opt:\n        - no-new-privileges:true\n' });
  });

  test('appended to an existing block list, keeping its item indentation and a trailing comment', () => {
    const text = 'services:\n  web:\n    security_opt:\n        - seccomp:profile.json   # ours\n    image: nginx:1.27\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({ 'compose.yaml': 'services:\n  web:\n    security_opt:\n        - seccomp:profile.json   # ours\n        - no-new-privileges:true\n    image: nginx:1.27\n' });
  });

  test('CRLF line endings and a missing final newline are kept', () => {
    expect(suggested({ 'compose.yaml': 'services:\r\n  web:\r\n    image: nginx:1.27' })).toEqual({ 'compose.yaml': 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    security_opt:\r\n      - no-new-privileges:true\r\n' });
  });

  test('a comment indented like block-scalar content stays inside the service', () => {
    const text = 'services:\n  web:\n    image: x:1\n    command: |\n      run\n      # not a YAML comment\n\n  db:\n    image: y:1\n    security_opt: [no-new-privileges:true]\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({
      'compose.yaml': 'services:\n  web:\n    image: x:1\n    command: |\n      run\n      # not a YAML comment\n    security_opt:\n      - no-new-privileges:true\n\n  db:\n    image: y:1\n    security_opt: [no-new-privileges:true]\n',
    });
  });

  test('the list an override writes is the one appended to; the base file is untouched', () => {
    const files = {
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - label:type:svirt_apache_t\n',
      'compose.override.yaml': 'services:\n  web:\n    security_opt:\n      - seccomp:profile.json\n',
    };
    expect(suggested(files)).toEqual({ 'compose.override.yaml': 'services:\n  web:\n    security_opt:\n      - seccomp:profile.json\n      - no-new-privileges:true\n' });
  });

  test('declined: flow mappings, flow lists, anchors, aliases and merge keys', () => {
    const cases = [
      'services:\n  web: {image: nginx:1.27}\n',
      'services:\n  web:\n    image: nginx:1.27\n    security_opt: [seccomp:profile.json]\n',
      'x-base: &base\n  image: nginx:1.27\nservices:\n  web: *base\n',
      'services:\n  web: &web\n    image: nginx:1.27\n  web2:\n    <<: *web\n    security_opt: [no-new-privileges:true]\n',
      'x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n',
    ];
    for (const text of cases) {
      const cwd = makeTree({ 'compose.yaml': text });
      const result = lintSync({ cwd, env: {}, rules: [noNewPrivileges], settings });
      expect(result.findings.map((f) => [f.rule, f.suggestions])).toEqual([['no-new-privileges', undefined]]);
      expect(suggested({ 'compose.yaml': text })).toEqual({});
    }
  });
});

describe('suggestions are applied only for named rules', () => {
  const text = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n';

  test('a plain --fix leaves them; the finding carries them', () => {
    const cwd = makeTree({ 'compose.yaml': text });
    const result = fixSync({ cwd, env: {}, rules: RULES, settings });
    expect(result.changes).toEqual([]);
    expect(fs.readFileSync(path.join(cwd, 'compose.yaml'), 'utf8')).toBe(text);
    expect(result.findings.map((f) => `${f.rule}: ${f.suggestions?.map((s) => s.description).join('; ')}`)).toEqual([
      'cap-drop-all: add `ALL` to the `cap_drop` of web',
      'no-new-privileges: add `no-new-privileges:true` to the `security_opt` of web',
    ]);
  });

  test('two named rules editing the same service: both land (the second on the next pass), and nothing is left', () => {
    const cwd = makeTree({ 'compose.yaml': text });
    const result = fixSync({ cwd, env: {}, rules: RULES, settings, fixRules: ['no-new-privileges', 'cap-drop-all'] });
    expect(fs.readFileSync(path.join(cwd, 'compose.yaml'), 'utf8')).toBe(text + '    cap_drop:\n      - ALL\n    security_opt:\n      - no-new-privileges:true\n');
    expect(result.findings).toEqual([]);
  });
});

describe('sequenceIndent', () => {
  test('the first block sequence under a key decides; comments and blank lines between are skipped', () => {
    expect(sequenceIndent('a:\n  b:\n  # c\n\n    - x\n', 7)).toBe(2);
    expect(sequenceIndent('a:\n  b:\n  - x\n', 7)).toBe(0);
    expect(sequenceIndent('a: [x]\n', 7)).toBe(7);
  });
});
