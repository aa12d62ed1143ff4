import { parseYaml } from '../src/load/parse';
import { applyProfiles } from '../src/load/profiles';
import { makeSource } from '../src/model/source';
import { keyOriginOf, toPosition } from '../src/model/origin';
import type { ComposeDict } from '../src/model/project';

const text = `services:
  web:
    image: web
    depends_on:
      - db
      - debug-tool
  api:
    image: api
    depends_on:
      debug-tool:
        condition: service_started
      metrics:
        condition: service_started
        required: false
  db:
    image: db
  debug-tool:
    image: busybox
    profiles: [debug]
  metrics:
    image: prom
    profiles: [monitoring, debug]
  admin:
    image: admin
    profiles: [admin]
    depends_on: [debug-tool]
`;
const model: ComposeDict = parseYaml(makeSource('compose.yml', text)).documents[0];
const names = (m: ComposeDict): string[] => Object.keys(m.services as object).sort();
const problems = (r: ReturnType<typeof applyProfiles>) =>
  r.problems.map((p) => {
    const at = toPosition(p.origin!);
    return `${p.rule} ${at.file}:${at.line}:${at.column} ${p.message}`;
  });

test('no active profile: only services without profiles; depends_on a disabled service is reported', () => {
  const before = JSON.stringify(model);
  const r = applyProfiles(model, []);
  expect(names(r.model)).toEqual(['api', 'db', 'web']);
  expect(Object.keys(r.disabled).sort()).toEqual(['admin', 'debug-tool', 'metrics']);
  expect(r.disabled['debug-tool']).toBe((model.services as any)['debug-tool']);
  expect(problems(r)).toEqual([
    'undefined-reference compose.yml:6:9 service "web" depends on "debug-tool", which is disabled by profiles (active: none)',
    'undefined-reference compose.yml:10:7 service "api" depends on "debug-tool", which is disabled by profiles (active: none)',
  ]);
  expect(r.problems.map((p) => [p.service, p.value, p.severity])).toEqual([
    ['web', 'debug-tool', 'error'],
    ['api', 'debug-tool', 'error'],
  ]);
  expect(JSON.stringify(model)).toBe(before);
  expect(toPosition(keyOriginOf(r.model.services, 'web')!)).toMatchObject({ file: 'compose.yml', line: 2, column: 3 });
});

test('an active profile enables its services', () => {
  const r = applyProfiles(model, ['debug']);
  expect(names(r.model)).toEqual(['api', 'db', 'debug-tool', 'metrics', 'web']);
  expect(r.problems).toEqual([]);
});

test('the active profiles are named in the message', () => {
  const r = applyProfiles(model, ['admin', 'monitoring']);
  expect(names(r.model)).toEqual(['admin', 'api', 'db', 'metrics', 'web']);
  expect(problems(r)).toEqual([
    'undefined-reference compose.yml:6:9 service "web" depends on "debug-tool", which is disabled by profiles (active: admin, monitoring)',
    'undefined-reference compose.yml:10:7 service "api" depends on "debug-tool", which is disabled by profiles (active: admin, monitoring)',
    'undefined-reference compose.yml:26:18 service "admin" depends on "debug-tool", which is disabled by profiles (active: admin, monitoring)',
  ]);
});

test('"*" enables every service', () => {
  const r = applyProfiles(model, ['*']);
  expect(names(r.model)).toEqual(['admin', 'api', 'db', 'debug-tool', 'metrics', 'web']);
  expect(r.disabled).toEqual({});
  expect(r.model).toBe(model);
});

test('a service named explicitly activates its profiles', () => {
  const r = applyProfiles(model, [], ['debug-tool']);
  expect(names(r.model)).toEqual(['api', 'db', 'debug-tool', 'metrics', 'web']);
  expect(r.problems).toEqual([]);
});

test('a model without services is returned as is', () => {
  const m = { name: 'x' };
  expect(applyProfiles(m, [])).toEqual({ model: m, disabled: {}, problems: [] });
});
