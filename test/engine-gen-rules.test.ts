/** scripts/gen-rules.ts on a small repository of its own: what it generates and what it refuses. */
import * as fs from 'fs';
import * as path from 'path';
import { runCatalog } from '../scripts/gen-rules';
import { ruleDoc } from '../scripts/catalog/render';
import { makeTree } from './engine-helpers';

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true }, include: ['rules/*.ts'] });

const GOOD_RULE = `
import { SHARED_WHY } from './_shared';
const HEAD = ['services:', '  web:'];
const rule = {
  id: 'good-rule',
  description: 'A rule with everything it needs.',
  category: 'style',
  severity: 'warning',
  fixable: true,
  options: { type: 'object', properties: { strict: { type: 'boolean', default: false, description: 'Report more.' } }, additionalProperties: false },
  messages: { tooLoud: 'Too loud.', tooQuiet: 'Too quiet.' },
  docs: {
    why: SHARED_WHY + \` See \${'the README'}.\`,
    bad: [...HEAD, '    image: nginx:latest', ''].join('\\n'),
    good: [...HEAD, '    image: nginx:1.25', ''].join('\\n'),
  },
  check(ctx: { report(r: object): void }) {
    ctx.report({ messageId: 'tooLoud' });
    const ids = rule.messages;
    void ids.tooQuiet;
  },
};
export default rule;
`;

const README = '# x\n\n## Rules\n\n<!-- rules:start -->\nold table\n<!-- rules:end -->\n\n## After\n';

function repo(extra: Record<string, string> = {}): string {
  return makeTree({
    'tsconfig.json': TSCONFIG,
    'README.md': README,
    'rules/_shared.ts': "export const SHARED_WHY = 'Because.';\n",
    'rules/good-rule.ts': GOOD_RULE,
    'rules/index.ts': "import goodRule from './good-rule';\nexport const allRules = [goodRule];\n",
    'fixtures/good-rule/bad.yaml': 'services:\n  web:\n    image: nginx:latest   # expect: good-rule@12\n',
    'fixtures/good-rule/ok/compose.yaml': 'services:\n  web:\n    image: nginx:1.25\n',
    ...extra,
  });
}

describe('generate, then check', () => {
  const root = repo({ 'docs/rules/removed-rule.md': 'old\n' });
  const generated = runCatalog(root, false);
  const read = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');

  test('writes the docs page, the README table and the schema, and removes pages of rules that are gone', () => {
    expect(generated).toEqual({ problems: [], drifted: ['README.md', 'docs/rules/good-rule.md', 'docs/rules/removed-rule.md', 'schemas/config.schema.json'] });
    expect(fs.readdirSync(path.join(root, 'docs/rules'))).toEqual(['good-rule.md']);
    expect(read('README.md')).toBe(
      '# x\n\n## Rules\n\n<!-- rules:start -->\n' +
        '| Rule | Category | Default | Fixable | Description |\n| --- | --- | --- | --- | --- |\n' +
        '| [`good-rule`](docs/rules/good-rule.md) | style | warning | yes | A rule with everything it needs. |\n' +
        '<!-- rules:end -->\n\n## After\n',
    );
  });

  test('the docs page holds the evaluated metadata, docs and options', () => {
    expect(read('docs/rules/good-rule.md')).toBe(
      [
        '<!-- Generated from rules/good-rule.ts by scripts/gen-rules.ts; edit the rule module, then run `npm run docs:generate`. -->',
        '',
        '# good-rule',
        '',
        'A rule with everything it needs.',
        '',
        '| Category | Default severity | Fixable | On in presets |',
        '| --- | --- | --- | --- |',
        '| style | warning | yes (`--fix`) | `recommended`, `all`, `strict` |',
        '',
        '## Why',
        '',
        'Because. See the README.',
        '',
        '## Bad',
        '',
        '```yaml\nservices:\n  web:\n    image: nginx:latest\n```',
        '',
        '## Good',
        '',
        '```yaml\nservices:\n  web:\n    image: nginx:1.25\n```',
        '',
        '## Options',
        '',
        '| Option | Type | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `strict` | boolean | `false` | Report more. |',
        '',
        "Options go in the rule's entry: `good-rule: [warning, {option: value}]`.",
        '',
        '## Configure',
        '',
        '```yaml\n# .compose-lint.yaml\nrules:\n  good-rule: warning   # off | info | warning | error\n```',
        '',
        'Silence one finding, with the reason, on the line before it:',
        '',
        '```yaml\n# compose-lint-disable-next-line good-rule -- <reason>\n```',
        '',
      ].join('\n'),
    );
  });

  test('the schema knows the rule and its options', () => {
    const schema = JSON.parse(read('schemas/config.schema.json'));
    expect(Object.keys(schema.properties.rules.properties)).toEqual(['good-rule']);
    expect(schema.properties.rules.properties['good-rule'].anyOf[1].items[1].properties).toEqual({
      strict: { type: 'boolean', default: false, description: 'Report more.' },
      exclude: { $ref: '#/definitions/exclude' },
    });
  });

  test('check mode then finds nothing; a hand edit is drift', () => {
    expect(runCatalog(root, true)).toEqual({ problems: [], drifted: [] });
    fs.appendFileSync(path.join(root, 'docs/rules/good-rule.md'), 'hand edit\n');
    expect(runCatalog(root, true)).toEqual({ problems: [], drifted: ['docs/rules/good-rule.md'] });
    expect(read('docs/rules/good-rule.md').endsWith('hand edit\n')).toBe(true);
  });
});

describe('problems', () => {
  test('missing docs, unused message id, id/file mismatch, not in index, no fixtures, non-static docs', () => {
    const root = repo({
      'rules/half-done.ts':
        "export default { id: 'half-done', description: 'd', category: 'style', severity: 'info', fixable: false, messages: { never: 'n' }, docs: { why: 'w', bad: 'b' }, check() {} };\n",
      'rules/renamed.ts':
        "const r = { id: 'other-name', description: 'd', category: 'speed', severity: 'fatal', fixable: false, docs: { why: 'w', bad: 'b', good: String(1) }, check() {} };\nexport default r;\n",
      'rules/index.ts': "import goodRule from './good-rule';\nimport halfDone from './half-done';\nexport const allRules = [goodRule];\n",
      'fixtures/half-done/a.yaml': 'x: 1   # expect: half-done\n',
      'fixtures/half-done/b.yaml': 'x: 1   # expect: good-rule, half-done@3\n',
    });
    expect(runCatalog(root, true).problems).toEqual([
      'rules/half-done.ts: lacks docs.good',
      'rules/half-done.ts: declares message id "never" but never uses it',
      'rules/half-done.ts: is imported by rules/index.ts but not listed in allRules',
      'rules/half-done.ts: fixtures/half-done/ has no negative case',
      'rules/renamed.ts: `docs`: `String(1)` at line 1 is not a static value',
      'rules/renamed.ts: `id` is "other-name" but the file is rules/renamed.ts (they must match)',
      'rules/renamed.ts: `category` must be one of correctness, network, security, style',
      'rules/renamed.ts: `severity` must be one of error, warning, info',
      'rules/renamed.ts: lacks docs.why',
      'rules/renamed.ts: lacks docs.bad',
      'rules/renamed.ts: lacks docs.good',
      'rules/renamed.ts: is missing from rules/index.ts',
      'rules/renamed.ts: has no fixtures/other-name/ directory (it needs a positive and a negative case)',
    ]);
  });

  test('README markers are required', () => {
    const root = repo({ 'README.md': '# no markers\n' });
    expect(runCatalog(root, true).problems).toEqual(['README.md: has no <!-- rules:start --> / <!-- rules:end --> markers']);
  });
});

describe('docs.references', () => {
  test('rendered as a References section between the examples and the options', () => {
    const page = ruleDoc({
      id: 'ref-rule',
      description: 'd',
      category: 'security',
      severity: 'warning',
      fixable: false,
      docs: {
        why: 'w',
        bad: 'b\n',
        good: 'g\n',
        references: [{ cis: '5.25 Ensure x' }, { owasp: 'RULE #4 - y' }, { cwe: '798 Hard-coded' }, { url: 'https://docs.docker.com/z', title: 'Docker docs: z' }],
      },
    });
    expect(page).toContain(
      '```yaml\ng\n```\n\n## References\n\n- [CIS Docker Benchmark v1.2.0, 5.25](https://www.cisecurity.org/benchmark/docker): Ensure x\n- [OWASP Docker Security Cheat Sheet, RULE #4](https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-4-y): y\n- [CWE-798](https://cwe.mitre.org/data/definitions/798.html): Hard-coded\n- [Docker docs: z](https://docs.docker.com/z)\n\n## Options\n',
    );
  });

  test('malformed references are problems', () => {
    const refs =
      "[{ cis: '5.1 a' }, { title: 'only a title' }, { url: 'docs.docker.com' }, { cis: 5 }, { cis: 'Ensure x' }, { owasp: 'Rule 4: y' }, { cwe: 'CWE-798' }, { cis: '5.4 p', title: 'no url' }]";
    const root = repo({
      'rules/good-rule.ts': GOOD_RULE.replace("good: [...HEAD, '    image: nginx:1.25', ''].join('\\n'),", `good: [...HEAD, '    image: nginx:1.25', ''].join('\\n'),\n    references: ${refs},`),
    });
    expect(runCatalog(root, true).problems).toEqual([
      'rules/good-rule.ts: docs.references[1] names no cis, owasp, cwe or url',
      'rules/good-rule.ts: docs.references[2] url must start with http:// or https://',
      'rules/good-rule.ts: docs.references[3] may only hold the strings cis, owasp, cwe, url, title',
      'rules/good-rule.ts: docs.references[4] cis must be a section number and its title ("5.4 Ensure that privileged containers are not used")',
      'rules/good-rule.ts: docs.references[5] owasp must be the rule\'s heading ("RULE #4 - Prevent in-container privilege escalation")',
      'rules/good-rule.ts: docs.references[6] cwe must be the entry number and its name ("798 Use of Hard-coded Credentials")',
      'rules/good-rule.ts: docs.references[7] title is the link text of a url: give the url',
    ]);
  });

  test('security rules declare a SARIF security-severity, other rules do not', () => {
    const root = repo({
      'rules/good-rule.ts': GOOD_RULE.replace("category: 'style',", "category: 'security',"),
      'rules/scored.ts': GOOD_RULE.replace(/good-rule/g, 'scored').replace("severity: 'warning',", "severity: 'warning',\n  securitySeverity: 5.5,"),
      'rules/overscored.ts': GOOD_RULE.replace(/good-rule/g, 'overscored').replace("category: 'style',", "category: 'security',\n  securitySeverity: 11,"),
    });
    expect(runCatalog(root, true).problems.filter((p) => /[Ss]everity/.test(p))).toEqual([
      'rules/good-rule.ts: is a security rule without `securitySeverity` (its SARIF security-severity at the default severity, 0.1-10.0)',
      'rules/overscored.ts: `securitySeverity` must be between 0.1 and 10.0',
      'rules/scored.ts: `securitySeverity` is for rules of the security category',
    ]);
  });
});
