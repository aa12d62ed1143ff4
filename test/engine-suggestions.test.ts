/** Suggestions: byte-exact insertion into a service (src/engine/service-edits.ts), applied only for rules named with fixRules. */
import * as fs from 'fs';
import * as path from 'path';
import { fixSync, lintSync } from '../src/api';
import noNewPrivileges from '../rules/no-new-privileges';
import capDropAll from '../rules/cap-drop-all';
import portAllInterfaces from '../rules/port-all-interfaces';
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
      'compose.yaml':
        'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - A=1\n    security_opt:\n      - no-new-privileges:true\n  # the database\n  db:\n    image: postgres:16\n    security_opt:\n      - no-new-privileges:true\n',
    });
  });

  test("a file that writes sequences at the key's indentation, four-space indents", () => {
    const text = 'services:\n    web:\n        image: nginx:1.27\n        ports:\n        - "8080:80"\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({ 'compose.yaml': text + '        security_opt:\n        - no-new-privileges:true\n' });
  });

  test('appended to an existing block list, keeping its item indentation and a trailing comment', () => {
    const text = 'services:\n  web:\n    security_opt:\n        - seccomp:profile.json   # ours\n    image: nginx:1.27\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({
      'compose.yaml': 'services:\n  web:\n    security_opt:\n        - seccomp:profile.json   # ours\n        - no-new-privileges:true\n    image: nginx:1.27\n',
    });
  });

  test('CRLF line endings and a missing final newline are kept', () => {
    expect(suggested({ 'compose.yaml': 'services:\r\n  web:\r\n    image: nginx:1.27' })).toEqual({
      'compose.yaml': 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    security_opt:\r\n      - no-new-privileges:true\r\n',
    });
  });

  test('a comment indented like block-scalar content stays inside the service', () => {
    const text = 'services:\n  web:\n    image: x:1\n    command: |\n      run\n      # not a YAML comment\n\n  db:\n    image: y:1\n    security_opt: [no-new-privileges:true]\n';
    expect(suggested({ 'compose.yaml': text })).toEqual({
      'compose.yaml':
        'services:\n  web:\n    image: x:1\n    command: |\n      run\n      # not a YAML comment\n    security_opt:\n      - no-new-privileges:true\n\n  db:\n    image: y:1\n    security_opt: [no-new-privileges:true]\n',
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

describe('port-all-interfaces suggestion: the entry bound to 127.0.0.1, exact bytes', () => {
  const PORT_RULES: Rule[] = [portAllInterfaces];
  const portSettings: RuleSettings = new Map([[portAllInterfaces.id, { severity: portAllInterfaces.severity, options: {} }]]);
  const bound = (files: Record<string, string>): Record<string, string> => {
    const cwd = makeTree(files);
    const { changes } = fixSync({ cwd, env: {}, rules: PORT_RULES, settings: portSettings, dryRun: true, fixRules: ['port-all-interfaces'] });
    return Object.fromEntries(changes.map((c) => [c.file, c.after]));
  };
  // Not a datastore image: the ports are reported by number (5432, 6379, 22, 3306, 27017), 80 and 8080 are not.
  const db = (ports: string): string => `services:\n  db:\n    image: example/stack:1.0\n${ports}`;

  test('short syntax: quoted, plain, a bare container port, 0.0.0.0 and [::] replaced; other entries untouched', () => {
    const text = db('    ports:\n      - "5432:5432"   # the database\n      - 6379\n      - \'0.0.0.0:22:22\'\n      - "[::]:3306:3306/tcp"\n      - "8080:80"\n');
    expect(bound({ 'compose.yaml': text })).toEqual({
      'compose.yaml': db('    ports:\n      - "127.0.0.1:5432:5432"   # the database\n      - 127.0.0.1::6379\n      - \'127.0.0.1:22:22\'\n      - "127.0.0.1:3306:3306/tcp"\n      - "8080:80"\n'),
    });
  });

  test('a flow list: only the reported entry changes', () => {
    expect(bound({ 'compose.yaml': db('    ports: ["80:80", "5432:5432"]\n') })).toEqual({ 'compose.yaml': db('    ports: ["80:80", "127.0.0.1:5432:5432"]\n') });
  });

  test("long syntax: host_ip added as the mapping's last key, or the written 0.0.0.0 replaced; a flow mapping gets it first", () => {
    const text = db(
      '    ports:\n      - target: 5432\n        published: "5432"\n      - target: 6379\n        host_ip: 0.0.0.0\n        published: 6379\n      - {target: 27017, published: 27017}\n',
    );
    expect(bound({ 'compose.yaml': text })).toEqual({
      'compose.yaml': db(
        '    ports:\n      - target: 5432\n        published: "5432"\n        host_ip: 127.0.0.1\n      - target: 6379\n        host_ip: 127.0.0.1\n        published: 6379\n      - {host_ip: 127.0.0.1, target: 27017, published: 27017}\n',
      ),
    });
  });

  test('CRLF and a missing final newline are kept', () => {
    expect(bound({ 'compose.yaml': 'services:\r\n  db:\r\n    image: redis:7\r\n    ports:\r\n    - target: 6379\r\n      published: 6379' })).toEqual({
      'compose.yaml': 'services:\r\n  db:\r\n    image: redis:7\r\n    ports:\r\n    - target: 6379\r\n      published: 6379\r\n      host_ip: 127.0.0.1\r\n',
    });
  });

  test('the file the entry is written in is edited (an override); the base is untouched', () => {
    const files = { 'compose.yaml': db('    environment:\n      POSTGRES_DB: app\n'), 'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n' };
    expect(bound(files)).toEqual({ 'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n' });
  });

  test('an entry from an extended file is edited there', () => {
    const files = { 'compose.yaml': 'services:\n  db:\n    extends:\n      file: base.yaml\n      service: base\n', 'base.yaml': db('    ports:\n      - 5432:5432\n').replace('  db:', '  base:') };
    expect(bound(files)).toEqual({ 'base.yaml': db('    ports:\n      - 127.0.0.1:5432:5432\n').replace('  db:', '  base:') });
  });

  test('declined: a ${VAR} in the entry or its host_ip, anchors, aliases and merge keys (the finding keeps its advice, without a suggestion)', () => {
    const cases = [
      db('    ports:\n      - "${DB_PORT}:5432"\n'),
      db('    ports:\n      - "${DB_PORT:-5432}:5432"\n'),
      db('    ports:\n      - target: 5432\n        published: 5432\n        host_ip: ${BIND_IP:-0.0.0.0}\n'),
      'x-ports: &ports\n  - "5432:5432"\nservices:\n  db:\n    image: postgres:16\n    ports: *ports\n',
      db('    ports: &ports\n      - "5432:5432"\n'),
      db('    ports:\n      - &pg "5432:5432"\n'),
      'x-db: &db\n  image: postgres:16\n  ports:\n    - "5432:5432"\nservices:\n  db:\n    <<: *db\n',
    ];
    for (const text of cases) {
      const cwd = makeTree({ 'compose.yaml': text });
      const result = lintSync({ cwd, env: {}, rules: PORT_RULES, settings: portSettings });
      expect([text, result.findings.map((f) => [f.rule, f.suggestions])]).toEqual([text, [['port-all-interfaces', undefined]]]);
      expect(bound({ 'compose.yaml': text })).toEqual({});
    }
  });

  test('applied by --fix only when the rule is named; then nothing is left to report', () => {
    const text = db('    ports:\n      - "5432:5432"\n');
    const cwd = makeTree({ 'compose.yaml': text });
    const plain = fixSync({ cwd, env: {}, rules: PORT_RULES, settings: portSettings });
    expect(plain.changes).toEqual([]);
    expect(plain.findings.map((f) => f.suggestions?.map((s) => s.description))).toEqual([['publish this `ports` entry of db on 127.0.0.1 only']]);
    const named = fixSync({ cwd, env: {}, rules: PORT_RULES, settings: portSettings, fixRules: ['port-all-interfaces'] });
    expect(fs.readFileSync(path.join(cwd, 'compose.yaml'), 'utf8')).toBe(db('    ports:\n      - "127.0.0.1:5432:5432"\n'));
    expect(named.findings).toEqual([]);
  });
});
