/** Config files: discovery, presets, precedence, excludes, ignore globs, shared settings, fatal errors. */
import * as fs from 'fs';
import * as path from 'path';
import { lintSync, effectiveConfig, LintOptions } from '../src/api';
import { globToRegExp, matchesAnyGlob } from '../src/engine/glob';
import { presetSettings } from '../src/engine/presets';
import type { Rule, SharedSettings } from '../src/types';
import { makeTree, probeRule } from './engine-helpers';
import { keyOriginOf } from '../src/model/origin';

const STRICT_OPTION = { type: 'object', properties: { strict: { type: 'boolean' }, limit: { type: 'integer', minimum: 1 } }, additionalProperties: false };
const RULES: Rule[] = [probeRule('a-info', 'info'), probeRule('b-warn', 'warning', { options: STRICT_OPTION }), probeRule('c-extra', 'error', { recommended: false })];
const COMPOSE = 'services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n';

/** rule -> severity of its finding on service `web` (rules that did not run are absent). */
function severities(o: LintOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of lintSync({ rules: RULES, env: {}, ...o }).findings) if (f.service === 'web') out[f.rule] = `${f.severity} ${f.message.split(' ')[1]}`;
  return out;
}

function lintError(o: LintOptions): string {
  try {
    lintSync({ rules: RULES, env: {}, ...o });
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
}

describe('discovery', () => {
  const root = makeTree({
    '.compose-lint.yaml': 'rules:\n  a-info: error\n',
    'apps/web/compose.yaml': COMPOSE,
    'apps/api/.compose-lint.yml': 'rules:\n  a-info: off\n',
    'apps/api/compose.yaml': COMPOSE,
    'apps/api/deeper/nested/compose.yaml': COMPOSE,
    'apps/json/.compose-lint.json': '{ "rules": { "a-info": "warning" } }\n',
    'apps/json/compose.yaml': COMPOSE,
  });

  test('walks up from the project directory; the nearest config wins, no merging with farther ones', () => {
    expect(severities({ cwd: root, targets: ['apps/web/compose.yaml'] })).toEqual({ 'a-info': 'error {}', 'b-warn': 'warning {}' });
    expect(severities({ cwd: root, targets: ['apps/api/compose.yaml'] })).toEqual({ 'b-warn': 'warning {}' });
    expect(severities({ cwd: root, targets: ['apps/json/compose.yaml'] })).toEqual({ 'a-info': 'warning {}', 'b-warn': 'warning {}' });
  });

  test('from a nested directory (compose discovery from the cwd) the config above it applies', () => {
    expect(severities({ cwd: path.join(root, 'apps/api/deeper/nested') })).toEqual({ 'b-warn': 'warning {}' });
    expect(severities({ cwd: path.join(root, 'apps/web') })).toEqual({ 'a-info': 'error {}', 'b-warn': 'warning {}' });
  });

  test('each project of one run gets its own config', () => {
    const found = lintSync({ rules: RULES, env: {}, cwd: root, targets: ['apps'] }).findings.filter((f) => f.rule === 'a-info' && f.service === 'web');
    expect(found.map((f) => `${f.file} ${f.severity}`)).toEqual(['apps/json/compose.yaml warning', 'apps/web/compose.yaml error']);
  });

  test('-c names one config for every project; --no-config uses none', () => {
    const other = path.join(root, 'apps/api/.compose-lint.yml');
    expect(severities({ cwd: root, targets: ['apps/web/compose.yaml'], config: other })).toEqual({ 'b-warn': 'warning {}' });
    expect(severities({ cwd: root, targets: ['apps/api/compose.yaml'], config: false })).toEqual({ 'a-info': 'info {}', 'b-warn': 'warning {}' });
  });

  test('explicit settings bypass config files', () => {
    const settings = new Map([['b-warn', { severity: 'error' as const, options: {} }]]);
    expect(severities({ cwd: root, targets: ['apps/web/compose.yaml'], settings })).toEqual({ 'b-warn': 'error {}' });
  });
});

describe('presets', () => {
  test('recommended: defaults, not-recommended rules off; all: everything at its default; strict: info raised, strict options on', () => {
    const show = (name: 'recommended' | 'all' | 'strict') => Object.fromEntries([...presetSettings(name, RULES)].map(([id, s]) => [id, [s.severity, s.options]]));
    expect(show('recommended')).toEqual({ 'a-info': ['info', {}], 'b-warn': ['warning', {}], 'c-extra': ['off', {}] });
    expect(show('all')).toEqual({ 'a-info': ['info', {}], 'b-warn': ['warning', {}], 'c-extra': ['error', {}] });
    expect(show('strict')).toEqual({ 'a-info': ['warning', {}], 'b-warn': ['warning', { strict: true }], 'c-extra': ['error', {}] });
  });

  test('a config extends a preset; the default is recommended', () => {
    const root = makeTree({ '.compose-lint.yaml': 'extends: strict\n', 'compose.yaml': COMPOSE });
    expect(severities({ cwd: root })).toEqual({ 'a-info': 'warning {}', 'b-warn': 'warning {"strict":true}', 'c-extra': 'error {}' });
    expect(severities({ cwd: root, config: false })).toEqual({ 'a-info': 'info {}', 'b-warn': 'warning {}' });
  });
});

describe('precedence: --rule over the config file over the preset', () => {
  const root = makeTree({
    '.compose-lint.yaml': 'extends: strict\nrules:\n  a-info: error\n  b-warn: [info, {limit: 3}]\n',
    'compose.yaml': COMPOSE,
  });

  test("the file overrides the preset; options given replace the preset's", () => {
    expect(severities({ cwd: root })).toEqual({ 'a-info': 'error {}', 'b-warn': 'info {"limit":3}', 'c-extra': 'error {}' });
  });

  test('--rule overrides the file; a severity alone keeps the options; later flags win', () => {
    expect(severities({ cwd: root, ruleFlags: ['a-info: off', 'b-warn: error', 'c-extra: [warning]', 'c-extra:info'] })).toEqual({
      'b-warn': 'error {"limit":3}',
      'c-extra': 'info {}',
    });
    expect(severities({ cwd: root, ruleFlags: ['b-warn: [warning, {strict: false}]'] })).toEqual({
      'a-info': 'error {}',
      'b-warn': 'warning {"strict":false}',
      'c-extra': 'error {}',
    });
  });

  test('--rule applies without any config file too', () => {
    expect(severities({ cwd: root, config: false, ruleFlags: ['c-extra: warning'] })).toEqual({ 'a-info': 'info {}', 'b-warn': 'warning {}', 'c-extra': 'warning {}' });
  });
});

describe('per-finding severities (e.g. raised on a public service) and presets', () => {
  // Like image-mutable-tag: info by default, a finding on the public service `web` is a warning.
  const exposed: Rule = {
    ...probeRule('d-exposed', 'info', { recommended: false }),
    check(ctx) {
      const services = (ctx.project.model.services ?? {}) as Record<string, unknown>;
      for (const name of Object.keys(services)) ctx.report({ message: name, origin: keyOriginOf(services, name), service: name, severity: name === 'web' ? 'warning' : 'info' });
    },
  };
  const run = (config: string | false, ruleFlags: string[] = []): string[] => {
    const root = makeTree({ '.compose-lint.yaml': config || '', 'compose.yaml': COMPOSE });
    return lintSync({ rules: [exposed], env: {}, cwd: root, config: config === false ? false : undefined, ruleFlags }).findings.map((f) => `${f.service} ${f.severity}`);
  };

  test('a preset is not an explicit setting: under strict and all each finding keeps its own severity', () => {
    expect(run('extends: strict\n')).toEqual(['web warning', 'db info']);
    expect(run('extends: all\n')).toEqual(['web warning', 'db info']);
    expect(effectiveConfig({ cwd: makeTree({ '.compose-lint.yaml': 'extends: strict\n', 'compose.yaml': COMPOSE }), rules: [exposed] }, 'compose.yaml').rules).toEqual({ 'd-exposed': 'on' });
  });

  test('`on` turns a rule on at its own severities: in the file, in the [level, options] form and with --rule, over an explicit one', () => {
    expect(run('')).toEqual([]); // off in recommended
    expect(run('rules:\n  d-exposed: on\n')).toEqual(['web warning', 'db info']);
    expect(run('rules:\n  d-exposed: [on, {exclude: {services: {db: "internal only"}}}]\n')).toEqual(['web warning']);
    expect(run('rules:\n  d-exposed: error\n', ['d-exposed:on'])).toEqual(['web warning', 'db info']);
    expect(run('rules:\n  d-exposed: on\n', ['d-exposed: [error]'])).toEqual(['web error', 'db error']);
    expect(run(false, ['d-exposed: on'])).toEqual(['web warning', 'db info']);
  });

  test("`on` gives a finding without a severity of its own the preset's severity, else the rule's default; it keeps earlier options", () => {
    const root = makeTree({ '.compose-lint.yaml': 'extends: strict\nrules:\n  a-info: on\n  b-warn: [error, {limit: 3}]\n', 'compose.yaml': COMPOSE });
    expect(severities({ cwd: root, ruleFlags: ['b-warn: on', 'c-extra: on'] })).toEqual({ 'a-info': 'warning {}', 'b-warn': 'warning {"limit":3}', 'c-extra': 'error {}' });
    expect(severities({ cwd: root, config: false, ruleFlags: ['c-extra: on', 'a-info: [on]'] })).toEqual({ 'a-info': 'info {}', 'b-warn': 'warning {}', 'c-extra': 'error {}' });
  });

  test('a severity the user writes, even the default, applies to every finding', () => {
    expect(run('extends: strict\nrules:\n  d-exposed: error\n')).toEqual(['web error', 'db error']);
    expect(run(false, ['d-exposed: warning'])).toEqual(['web warning', 'db warning']);
    expect(run('extends: strict\nrules:\n  d-exposed: info\n')).toEqual(['web info', 'db info']);
  });
});

describe('exclude, ignore and shared settings', () => {
  test('per-rule exclude drops findings about a service and keeps them, with the reason, in `suppressed`', () => {
    const root = makeTree({
      '.compose-lint.yaml': 'rules:\n  b-warn: [warning, {exclude: {services: {web: "public on purpose"}}}]\n',
      'compose.yaml': COMPOSE,
    });
    const r = lintSync({ rules: RULES, env: {}, cwd: root });
    expect(r.findings.map((f) => `${f.rule} ${f.service}`)).toEqual(['a-info web', 'a-info db', 'b-warn db']);
    expect(r.suppressed.map((f) => [f.rule, f.service, f.suppression])).toEqual([['b-warn', 'web', { kind: 'exclude', reason: 'public on purpose' }]]);
  });

  test('ignore globs skip compose files relative to the config file (an ignored override still merges in)', () => {
    const root = makeTree({
      '.compose-lint.yaml': 'ignore:\n  - legacy/**\n  - "*.old.yaml"\n  - x/compose.override.yaml\n',
      'compose.yaml': COMPOSE,
      'legacy/compose.yaml': COMPOSE,
      'x/compose.yaml': COMPOSE,
      'x/compose.override.yaml': '# compose-lint-disable-file b-warn -- unused, but in an ignored file\nservices:\n  web:\n    restart: always\n',
      'x/compose.old.yaml': COMPOSE,
    });
    const r = lintSync({ rules: RULES, env: {}, cwd: root, targets: ['.', 'x/compose.old.yaml'], reportUnusedDisableDirectives: true });
    expect(r.files).toEqual(['compose.yaml', 'x/compose.yaml']);
    expect([...new Set(r.findings.map((f) => f.file))]).toEqual(['compose.yaml', 'x/compose.yaml']);
  });

  test('frontends and datastores reach rules as ctx.settings and as options of those names', () => {
    const seen: SharedSettings[] = [];
    const options: unknown[] = [];
    const spy: Rule = {
      ...probeRule('spy', 'warning', { options: { type: 'object', properties: { frontends: { type: 'array' } } } }),
      check(ctx) {
        seen.push(ctx.settings!);
        options.push(ctx.options);
      },
    };
    const root = makeTree({ '.compose-lint.yaml': 'frontends: [web]\ndatastores: [cache]\n', 'compose.yaml': COMPOSE });
    lintSync({ rules: [spy], env: {}, cwd: root });
    expect(seen).toEqual([{ frontends: ['web'], datastores: ['cache'] }]);
    expect(options).toEqual([{ frontends: ['web'] }]);
  });

  test('globs: * stays in a segment, ** spans them, a bare name matches at any depth, a directory covers its files', () => {
    expect(globToRegExp('a/*.yaml').test('a/b.yaml')).toBe(true);
    expect(globToRegExp('a/*.yaml').test('a/x/b.yaml')).toBe(false);
    expect(globToRegExp('a/**/b.yaml').test('a/b.yaml')).toBe(true);
    expect(globToRegExp('a/**/b.yaml').test('a/x/y/b.yaml')).toBe(true);
    expect(globToRegExp('compose.{dev,ci}.yaml').test('deep/er/compose.ci.yaml')).toBe(true);
    expect(globToRegExp('compose.{dev,ci}.yaml').test('compose.prod.yaml')).toBe(false);
    expect(globToRegExp('vendor').test('vendor/x/compose.yaml')).toBe(true);
    expect(globToRegExp('v?ndor/[a-c].yml').test('vendor/b.yml')).toBe(true);
    expect(globToRegExp('v?ndor/[a-c].yml').test('vendor/d.yml')).toBe(false);
    expect(matchesAnyGlob('x.yaml', ['y.yaml', '*.yaml'])).toBe(true);
    expect(globToRegExp('v?ndor/[!a-c].yml').test('vendor/d.yml')).toBe(true);
    expect(globToRegExp('v?ndor/[!a-c].yml').test('vendor/b.yml')).toBe(false);
    expect(globToRegExp('*.yaml').test('.hidden/.x.yaml')).toBe(true);
    expect(globToRegExp('a/**/**/**/b.yaml').test(`a/${'x/'.repeat(40)}b.yaml`)).toBe(true);
    expect(globToRegExp('a/**/**/**/b.yaml').test(`a/${'x/'.repeat(40)}c.yaml`)).toBe(false);
  });

  test('trailing slashes and a leading ./ are dropped, in one pass however many slashes (issue 14)', () => {
    expect(globToRegExp('./vendor///').test('vendor/x/compose.yaml')).toBe(true);
    expect(globToRegExp(`vendor${'/'.repeat(100_000)}`).test('a/vendor/compose.yaml')).toBe(true);
  });
});

describe('--print-config', () => {
  test("the effective config for a file, in the config file's own shape", () => {
    const root = makeTree({
      'sub/.compose-lint.yaml': 'extends: [all]\nrules:\n  b-warn: [error, {limit: 2, exclude: {services: {db: "legacy"}}}]\nfrontends: [web]\nignore: ["old/**"]\n',
    });
    expect(effectiveConfig({ rules: RULES, cwd: root, ruleFlags: ['a-info: off'] }, 'sub/old/compose.yaml')).toEqual({
      file: 'sub/old/compose.yaml',
      configFile: 'sub/.compose-lint.yaml',
      ignored: true,
      extends: ['all'],
      rules: { 'a-info': 'off', 'b-warn': ['error', { limit: 2, exclude: { services: { db: 'legacy' } } }], 'c-extra': 'on' },
      frontends: ['web'],
      datastores: [],
      ignore: ['old/**'],
    });
    expect(effectiveConfig({ rules: RULES, cwd: root }, 'compose.yaml')).toEqual(expect.objectContaining({ configFile: null, ignored: false, extends: ['recommended'] }));
  });
});

describe('fatal config errors name file, line, column and key', () => {
  const cases: [string, string, string][] = [
    ['unknown rule', 'rules:\n  b-wran: warning\n', '.compose-lint.yaml:2:3: rules: unknown rule "b-wran" (did you mean "b-warn"?)'],
    ['bad severity', 'rules:\n  a-info: warning\n  b-warn: warm\n', '.compose-lint.yaml:3:11: rules.b-warn: must be one of "on", "off", "info", "warning", "error", "warn"'],
    ['bad severity in a list', 'rules:\n  b-warn: [fatal]\n', '.compose-lint.yaml:2:12: rules.b-warn[0]: must be one of "on", "off", "info", "warning", "error", "warn"'],
    ['bad option type', 'rules:\n  b-warn: [error, {strict: "yes"}]\n', '.compose-lint.yaml:2:28: rules.b-warn[1].strict: must be a boolean, not the string "yes"'],
    ['option out of range', 'rules:\n  b-warn:\n    - error\n    - limit: 0\n', '.compose-lint.yaml:4:14: rules.b-warn[1].limit: must be at least 1'],
    ['unknown option', 'rules:\n  b-warn: [error, {strickt: true}]\n', '.compose-lint.yaml:2:20: rules.b-warn[1]: unknown key "strickt" (did you mean "strict"?)'],
    ['options for a rule without any', 'rules:\n  a-info: [error, {strict: true}]\n', '.compose-lint.yaml:2:20: rules.a-info[1]: unknown key "strict"'],
    ['bad exclude', 'rules:\n  a-info: [error, {exclude: {services: [web]}}]\n', '.compose-lint.yaml:2:40: rules.a-info[1].exclude.services: must be a mapping, not the list ["web"]'],
    ['unknown preset', 'extends: strictest\n', '.compose-lint.yaml:1:10: extends: must be one of "recommended", "strict", "all"'],
    ['unknown top-level key', 'rule:\n  a-info: off\n', '.compose-lint.yaml:1:1: unknown top-level key "rule" (did you mean "rules"?)'],
    ['YAML syntax', 'rules:\n  a-info: [off\n', '.compose-lint.yaml:2:15: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['not a mapping', '- rules\n', '.compose-lint.yaml:1:1: top-level of a config file must be a mapping'],
  ];
  test.each(cases)('%s', (_name, config, message) => {
    const root = makeTree({ '.compose-lint.yaml': config, 'compose.yaml': COMPOSE });
    expect(lintError({ cwd: root })).toBe(`ConfigError: ${message}`);
  });

  test('a JSON config points at the JSON text', () => {
    const root = makeTree({ '.compose-lint.json': '{\n  "rules": {\n    "a-info": "loud"\n  }\n}\n', 'compose.yaml': COMPOSE });
    expect(lintError({ cwd: root })).toBe('ConfigError: .compose-lint.json:3:15: rules.a-info: must be one of "on", "off", "info", "warning", "error", "warn"');
  });

  test('--rule mistakes and a missing -c file', () => {
    const root = makeTree({ 'compose.yaml': COMPOSE });
    expect(lintError({ cwd: root, ruleFlags: ['nope: off'] })).toBe('ConfigError: --rule "nope: off": rules: unknown rule "nope"');
    expect(lintError({ cwd: root, ruleFlags: ['a-info: loud'] })).toBe('ConfigError: --rule "a-info: loud": rules.a-info: must be one of "on", "off", "info", "warning", "error", "warn"');
    expect(lintError({ cwd: root, ruleFlags: ['a-info'] })).toBe('ConfigError: --rule "a-info": give a severity, e.g. --rule \'a-info: error\' (on, off, info, warning or error)');
    expect(lintError({ cwd: root, config: 'missing.yaml' })).toBe('ConfigError: missing.yaml: no such file or directory');
  });
});

describe('the README', () => {
  test('its configuration example is a valid config for the real rules', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1];
    const root = makeTree({ '.compose-lint.yaml': example });
    expect(effectiveConfig({ cwd: root }, 'compose.yaml')).toEqual(
      expect.objectContaining({
        configFile: '.compose-lint.yaml',
        frontends: ['admin'],
        datastores: ['search'],
        ignore: ['legacy/**'],
        rules: expect.objectContaining({
          'no-deprecated-links': 'off',
          'unused-resource': 'warning',
          'frontend-reaches-database': ['error', { strict: true, exclude: { services: { search: 'holds only public data' } } }],
        }),
      }),
    );
  });
});
