/** SARIF output: valid against the OASIS 2.1.0 schema, shaped for GitHub code scanning. */
import { createHash } from 'crypto';
import { loadFormatter } from '../src/report';
import type { FormatContext, RuleMeta } from '../src/report/types';
import type { Finding } from '../src/types';
import { finding, loadReportFixture } from './report-fixture';
import { lintSync } from '../src/api';
import { ruleCatalog } from '../src/api';
import { presetSettings } from '../src/engine/presets';
import { allRules } from '../rules';
import { makeTree } from './engine-helpers';
import { lines } from './graph-helpers';
import { schemaValidator } from './sarif-schema';

const sarif = loadFormatter('sarif');

function run(findings: Finding[], ctx: FormatContext) {
  return JSON.parse(sarif(findings, ctx)).runs[0];
}

const rule = (over: Partial<RuleMeta>): RuleMeta => ({
  id: 'r',
  description: 'd',
  category: 'correctness',
  severity: 'warning',
  fixable: false,
  ...over,
});
const ctx: FormatContext = { cwd: '/repo', version: '9.9.9', rules: [], color: false, files: [] };

test('the fixture output and the empty output validate against the SARIF 2.1.0 schema', () => {
  const validate = schemaValidator();
  const { findings, ctx: fixtureCtx } = loadReportFixture();
  for (const out of [sarif(findings, fixtureCtx), sarif([], fixtureCtx)]) {
    const ok = validate(JSON.parse(out));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  }
});

test('the schema check is not vacuous: a broken log is rejected', () => {
  const validate = schemaValidator();
  const { findings, ctx: fixtureCtx } = loadReportFixture();
  const log = JSON.parse(sarif(findings, fixtureCtx));
  log.runs[0].results[0].level = 'fatal';
  log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
  log.runs[0].results[2].locations[0].physicalLocation.artifactLocation.uri = 'a b.yml';
  expect(validate(log)).toBe(false);
  expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(
    expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/1/locations/0/physicalLocation/region/startLine', '/runs/0/results/2/locations/0/physicalLocation/artifactLocation/uri']),
  );
});

test('describes rules for code scanning: name, help, level, tags, security-severity', () => {
  const docs = { why: 'Because.', bad: 'privileged: true\n', good: 'privileged: false' };
  const r = run([], {
    ...ctx,
    rules: [rule({ id: 'no-privileged', category: 'security', severity: 'error', docs }), rule({ id: 'x-y-z', severity: 'info' })],
  });
  expect(r.tool.driver.name).toBe('compose-lint');
  expect(r.tool.driver.version).toBe('9.9.9');
  expect(r.tool.driver.rules).toEqual([
    {
      id: 'no-privileged',
      name: 'NoPrivileged',
      shortDescription: { text: 'd' },
      fullDescription: { text: 'Because.' },
      help: {
        text: 'Because.\n\nBad:\nprivileged: true\n\nGood:\nprivileged: false\n',
        markdown:
          'Because.\n\n**Bad**\n\n```yaml\nprivileged: true\n```\n\n**Good**\n\n```yaml\nprivileged: false\n```\n\n' +
          '[Rule documentation](https://github.com/compose-lint/compose-lint/blob/main/docs/rules/no-privileged.md)\n',
      },
      helpUri: 'https://github.com/compose-lint/compose-lint/blob/main/docs/rules/no-privileged.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security'], 'security-severity': '8.0' },
    },
    {
      id: 'x-y-z',
      name: 'XYZ',
      shortDescription: { text: 'd' },
      fullDescription: { text: 'd' },
      helpUri: 'https://github.com/compose-lint/compose-lint/blob/main/docs/rules/x-y-z.md',
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['correctness'] },
    },
  ]);
  expect(r.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
});

test('a result points at its rule, file region and service', () => {
  const r = run(
    [
      finding({ rule: 'unknown-rule', file: 'a.yml', severity: 'error' }),
      finding({ rule: 'r', file: '/repo/my dir/x#1.yml', line: 3, column: 4, endLine: 5, endColumn: 2, service: 'web', severity: 'info' }),
    ],
    { ...ctx, rules: [rule({})] },
  );
  expect(r.tool.driver.rules.map((d: { id: string }) => d.id)).toEqual(['r', 'unknown-rule']);
  expect(r.tool.driver.rules[1]).toEqual({ id: 'unknown-rule', name: 'UnknownRule' });
  expect(r.results[0].ruleIndex).toBe(1);
  expect(r.results[0].level).toBe('error');
  const second = r.results[1];
  expect(second.ruleId).toBe('r');
  expect(second.ruleIndex).toBe(0);
  expect(second.level).toBe('note');
  expect(second.locations).toEqual([
    {
      physicalLocation: {
        artifactLocation: { uri: 'my%20dir/x%231.yml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 3, startColumn: 4, endLine: 5, endColumn: 2 },
      },
      logicalLocations: [{ name: 'web', kind: 'object', fullyQualifiedName: 'services.web' }],
    },
  ]);
  expect(r.results[0].locations[0].logicalLocations).toBeUndefined();
});

test('a file outside cwd gets an absolute file URI instead of a %SRCROOT%-relative one', () => {
  const r = run([finding({ file: '/elsewhere/compose.yaml' })], ctx);
  expect(r.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/compose.yaml' });
});

describe('partialFingerprints', () => {
  const fp = (findings: Finding[], c = ctx) => run(findings, c).results.map((x: any) => x.partialFingerprints['composeLint/v1']);
  const base = finding({ rule: 'r', file: 'compose.yaml', service: 'web', value: '8080', line: 4, message: 'port 8080 at line 4' });

  test('survive moved lines, new columns and reworded messages', () => {
    const moved = { ...base, line: 40, endLine: 40, column: 3, message: 'port 8080 at line 40' };
    expect(fp([moved])).toEqual(fp([base]));
    // cwd-relative identity: the same file given absolute or relative
    expect(fp([{ ...base, file: '/repo/compose.yaml' }])).toEqual(fp([base]));
  });

  test('change with rule, file, service or value; value falls back to the message id', () => {
    const variants = [
      base,
      { ...base, rule: 'other' },
      { ...base, file: 'other.yaml' },
      { ...base, service: 'api' },
      { ...base, value: '8081' },
      { ...base, value: undefined, messageId: 'm1' },
      { ...base, value: undefined, messageId: 'm2' },
    ];
    const all = variants.flatMap((v) => fp([v]));
    expect(new Set(all).size).toBe(variants.length);
    for (const p of all) expect(p).toMatch(/^[0-9a-f]{64}$/);
    const noValue = { ...base, value: undefined, messageId: 'm1' };
    expect(fp([{ ...noValue, message: 'completely different text' }])).toEqual(fp([noValue]));
  });

  test('identical findings are told apart by occurrence, in order', () => {
    const [a, b] = fp([base, { ...base, line: 9 }]);
    expect(a).not.toBe(b);
    expect(a).toBe(fp([base])[0]);
    expect(
      fp([
        { ...base, line: 2 },
        { ...base, line: 30 },
      ]),
    ).toEqual([a, b]);
  });
});

describe('suppressed findings', () => {
  const shown = finding({ rule: 'r', file: '/repo/compose.yaml', line: 2 });
  const suppressed = [
    { ...finding({ rule: 'r', file: '/repo/compose.yaml', line: 5, service: 'web' }), suppression: { kind: 'directive' as const, reason: 'set by the deploy job', file: 'compose.yaml', line: 4 } },
    { ...finding({ rule: 'r', file: '/repo/compose.yaml', line: 9, service: 'db' }), suppression: { kind: 'exclude' as const, reason: 'VPN only' } },
    { ...finding({ rule: 'r', file: '/repo/compose.yaml', line: 12 }), suppression: { kind: 'directive' as const, file: 'compose.yaml', line: 11 } },
  ];

  test('are kept as results with suppressions: inSource for a comment, external for the config, the reason as justification', () => {
    const results = run([shown], { ...ctx, suppressed }).results;
    expect(
      results.map((r: { locations: { physicalLocation: { region: { startLine: number } } }[]; suppressions?: unknown }) => [r.locations[0].physicalLocation.region.startLine, r.suppressions]),
    ).toEqual([
      [2, undefined],
      [5, [{ kind: 'inSource', status: 'accepted', justification: 'set by the deploy job' }]],
      [9, [{ kind: 'external', status: 'accepted', justification: 'VPN only' }]],
      [12, [{ kind: 'inSource', status: 'accepted' }]],
    ]);
  });

  test('the log with suppressions validates against the SARIF 2.1.0 schema', () => {
    const validate = schemaValidator();
    const ok = validate(JSON.parse(sarif([shown], { ...ctx, suppressed })));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('security rules', () => {
  const references = [
    { cis: '5.4 Ensure that privileged containers are not used', owasp: 'RULE #3 - Limit capabilities' },
    { cwe: '250 Execution with Unnecessary Privileges' },
    { url: 'https://docs.docker.com/engine/containers/run/', title: 'Docker docs: Running containers' },
  ];
  const priv = rule({ id: 'privileged', category: 'security', severity: 'warning', securitySeverity: 7.5, docs: { why: 'Why.', bad: 'b\n', good: 'g\n', references } });

  test('carry their own security-severity and their references as tags and in the help', () => {
    const d = run([], { ...ctx, rules: [priv] }).tool.driver.rules[0];
    expect(d.properties).toEqual({ tags: ['security', 'external/cis-docker-benchmark/5.4', 'external/owasp-docker-security/rule-3', 'external/cwe/cwe-250'], 'security-severity': '7.5' });
    expect(d.help.text).toBe(
      'Why.\n\nBad:\nb\n\nGood:\ng\n\nReferences:\n' +
        '- CIS Docker Benchmark v1.2.0, 5.4: Ensure that privileged containers are not used (https://www.cisecurity.org/benchmark/docker)\n' +
        '- OWASP Docker Security Cheat Sheet, RULE #3: Limit capabilities (https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-3-limit-capabilities)\n' +
        '- CWE-250: Execution with Unnecessary Privileges (https://cwe.mitre.org/data/definitions/250.html)\n' +
        '- Docker docs: Running containers (https://docs.docker.com/engine/containers/run/)\n',
    );
    expect(d.help.markdown).toContain(
      '**References**\n\n- [CIS Docker Benchmark v1.2.0, 5.4](https://www.cisecurity.org/benchmark/docker): Ensure that privileged containers are not used\n' +
        '- [OWASP Docker Security Cheat Sheet, RULE #3](https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-3-limit-capabilities): Limit capabilities\n' +
        '- [CWE-250](https://cwe.mitre.org/data/definitions/250.html): Execution with Unnecessary Privileges\n' +
        '- [Docker docs: Running containers](https://docs.docker.com/engine/containers/run/)\n\n[Rule documentation]',
    );
  });

  test('results move one step (1.5) per level from the default severity; other categories carry no score', () => {
    const r = run(
      [
        finding({ rule: 'privileged', severity: 'error', line: 1 }),
        finding({ rule: 'privileged', severity: 'warning', line: 2 }),
        finding({ rule: 'privileged', severity: 'info', line: 3 }),
        finding({ rule: 'r', severity: 'error', line: 4 }),
      ],
      { ...ctx, rules: [priv, rule({ id: 'r' })] },
    );
    expect(r.results.map((x: { properties?: unknown }) => x.properties)).toEqual([{ 'security-severity': '9.0' }, { 'security-severity': '7.5' }, { 'security-severity': '6.0' }, undefined]);
  });

  test('scores stay within 0.1-10.0', () => {
    const high = rule({ id: 'h', category: 'security', severity: 'info', securitySeverity: 9.5 });
    const low = rule({ id: 'l', category: 'security', severity: 'error', securitySeverity: 1.0 });
    const r = run([finding({ rule: 'h', severity: 'error' }), finding({ rule: 'l', severity: 'info' })], { ...ctx, rules: [high, low] });
    expect(r.results.map((x: { properties: Record<string, string> }) => x.properties['security-severity'])).toEqual(['10.0', '0.1']);
  });

  test('every security rule of the catalog declares a score and cites references; real findings validate against the schema', () => {
    const metas = ruleCatalog().filter((m) => m.category === 'security');
    expect(metas.length).toBeGreaterThanOrEqual(11);
    for (const m of metas) {
      expect(m.securitySeverity).toBeGreaterThan(0);
      expect(m.securitySeverity).toBeLessThanOrEqual(10);
      expect(m.docs?.references?.length).toBeGreaterThan(0);
    }
    const cwd = makeTree({
      'compose.yaml': lines(
        'services:',
        '  proxy:',
        '    image: traefik',
        '    privileged: true',
        '    ports: ["80:80", "5432:5432"]',
        '    volumes: [/var/run/docker.sock:/var/run/docker.sock]',
        '    environment: {API_TOKEN: abc123}',
        '  job:',
        '    image: example/job:1.0',
        '    network_mode: none',
        '    privileged: true',
      ),
    });
    const { findings } = lintSync({ cwd, env: {}, settings: presetSettings('strict', allRules) });
    const log = JSON.parse(sarif(findings, { ...ctx, cwd, rules: ruleCatalog() }));
    const validate = schemaValidator();
    expect(validate(log)).toBe(true);
    const byRule = (id: string) =>
      log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === id).map((x: { level: string; properties: Record<string, string> }) => [x.level, x.properties['security-severity']]);
    expect(byRule('privileged')).toEqual([
      ['error', '9.0'],
      ['warning', '7.5'],
    ]);
    expect(byRule('docker-socket-mount')).toEqual([['error', '9.0']]);
    expect(byRule('secret-in-environment')).toEqual([['error', '8.0']]);
    expect(byRule('port-all-interfaces')).toEqual([['warning', '6.0']]);
    expect(byRule('image-mutable-tag')).toEqual([['warning', '4.5']]);
    // Strict hardening rules: warning (their default, the rule's score) when public, info and one step lower elsewhere.
    expect(byRule('no-new-privileges')).toEqual([
      ['warning', '5.0'],
      ['note', '3.5'],
    ]);
    expect(byRule('resource-limits')).toEqual([
      ['warning', '3.5'],
      ['note', '2.0'],
    ]);
  });
});

describe('invocations', () => {
  const broken = finding({ rule: 'yaml-syntax', file: 'broken.yml', severity: 'error', line: 3, column: 5, endLine: 3, endColumn: 6, message: 'bad indentation' });

  test('record the exit code given, successful unless it is 2, with no notifications for a clean run', () => {
    expect(run([], ctx).invocations).toEqual([{ executionSuccessful: true, exitCode: 0 }]);
    // exit 1 from --max-warnings: only warnings shown, the CLI says how it exits
    expect(run([finding({ severity: 'warning' })], { ...ctx, exitCode: 1 }).invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
  });

  test('without an exit code given: 1 when an unsuppressed error is shown, else 0', () => {
    expect(run([finding({ severity: 'error' })], ctx).invocations[0].exitCode).toBe(1);
    expect(run([finding({ severity: 'warning' })], ctx).invocations[0].exitCode).toBe(0);
    const suppressed = [{ ...finding({ severity: 'error' }), suppression: { kind: 'exclude' as const } }];
    expect(run([], { ...ctx, suppressed }).invocations[0].exitCode).toBe(0);
  });

  test('a file whose YAML does not parse is an error notification located at its first YAML error', () => {
    const r = run([broken, { ...broken, line: 9, endLine: 9 }, finding({ file: 'ok.yml' })], { ...ctx, unparsed: ['broken.yml', 'gone.yml'], exitCode: 1 });
    expect(r.invocations).toEqual([
      {
        executionSuccessful: true,
        exitCode: 1,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'broken.yml: not checked: its YAML does not parse' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 6 } } }],
          },
          {
            level: 'error',
            message: { text: 'gone.yml: not checked: its YAML does not parse' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'gone.yml', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
    const validate = schemaValidator();
    expect(validate(JSON.parse(sarif([broken], { ...ctx, unparsed: ['broken.yml'], exitCode: 1 })))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test('stdin without a file name: a notification without a location', () => {
    const r = run([{ ...broken, file: '<stdin>' }], { ...ctx, unparsed: ['<stdin>'], exitCode: 1 });
    expect(r.invocations[0].toolExecutionNotifications).toEqual([{ level: 'error', message: { text: 'stdin: not checked: its YAML does not parse' } }]);
  });
});

describe('the log of a failed run (formatFailure)', () => {
  const { formatFailure } = require('../src/report/sarif') as typeof import('../src/report/sarif');

  test('is the rule catalog, no results, and the error as an unsuccessful invocation with exit code 2', () => {
    const rules = [rule({ id: 'r' })];
    const out = formatFailure('compose.yaml: no such file', { cwd: '/repo', version: '9.9.9', rules });
    const log = JSON.parse(out);
    expect(out.endsWith('}\n')).toBe(true);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]).toEqual({
      tool: { driver: { name: 'compose-lint', version: '9.9.9', informationUri: 'https://github.com/compose-lint/compose-lint', rules: run([], { ...ctx, rules }).tool.driver.rules } },
      invocations: [{ executionSuccessful: false, exitCode: 2, toolExecutionNotifications: [{ level: 'error', message: { text: 'compose.yaml: no such file' } }] }],
      originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/' } },
      columnKind: 'utf16CodeUnits',
      results: [],
    });
    const validate = schemaValidator();
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });
});

test('rules off by default (not in the recommended preset) are described with enabled: false', () => {
  const rules = run([], { ...ctx, rules: [rule({ id: 'on' }), rule({ id: 'off', recommended: false, severity: 'info' }), rule({ id: 'said-on', recommended: true })] }).tool.driver.rules;
  expect(rules.map((d: { id: string; defaultConfiguration: unknown }) => [d.id, d.defaultConfiguration])).toEqual([
    ['on', { level: 'warning' }],
    ['off', { level: 'note', enabled: false }],
    ['said-on', { level: 'warning' }],
  ]);
  const catalog = run([], { ...ctx, rules: ruleCatalog() }).tool.driver.rules;
  const off = catalog.filter((d: { defaultConfiguration: { enabled?: boolean } }) => d.defaultConfiguration.enabled === false).map((d: { id: string }) => d.id);
  expect(off).toEqual(
    ruleCatalog()
      .filter((m) => m.recommended === false)
      .map((m) => m.id),
  );
  expect(off).toContain('unused-disable');
  expect(off).not.toContain('privileged');
});

describe('stdin without --stdin-filename', () => {
  test('results have no physical location (code scanning would make up a file `<stdin>`); the service stays', () => {
    const r = run([finding({ file: '<stdin>', service: 'web', message: 'm' }), finding({ file: '<stdin>', line: 2 })], ctx);
    expect(r.results[0].message).toEqual({ text: 'm' });
    expect(r.results[0].locations).toEqual([{ logicalLocations: [{ name: 'web', kind: 'object', fullyQualifiedName: 'services.web' }] }]);
    expect(r.results[1]).not.toHaveProperty('locations');
    const validate = schemaValidator();
    expect(validate(JSON.parse(sarif([finding({ file: '<stdin>', service: 'web' })], ctx)))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test('keep their fingerprints, computed as before from the display path <stdin>', () => {
    const f = finding({ rule: 'r', file: '<stdin>', service: 'web', value: 'x' });
    const expected = createHash('sha256')
      .update(`${JSON.stringify(['r', '<stdin>', 'web', 'x'])}#1`)
      .digest('hex');
    expect(run([f], ctx).results[0].partialFingerprints).toEqual({ 'composeLint/v1': expected });
  });
});
