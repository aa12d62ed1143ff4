import * as path from 'path';
import { newLoadContext, LoadContext } from '../src/load/context';
import { loadComposeFile } from '../src/load/file';
import { applyExtends } from '../src/load/extends';
import { keyOriginOf, originOf, selfOrigin, toPosition } from '../src/model/origin';
import type { ComposeDict } from '../src/model/project';

const dir = path.join(__dirname, '../fixtures/load/extends');
const abs = (...p: string[]): string => path.join(dir, ...p);

function load(env: Record<string, string> = { TAG: '2' }): { ctx: LoadContext; raw: ComposeDict; model: ComposeDict; services: Record<string, any> } {
  const ctx = newLoadContext(dir);
  const raw = loadComposeFile(ctx, abs('compose.yml'), env)!;
  const model = applyExtends(ctx, raw, abs('compose.yml'), env);
  return { ctx, raw, model, services: model.services as Record<string, any> };
}

describe('applyExtends on fixtures/load/extends', () => {
  const { ctx, raw, services } = load();
  const rawBefore = JSON.stringify(raw);

  test('same file, string form: the base is merged under the service', () => {
    expect(services.web).toEqual({ image: 'app:1', environment: ['A=1', 'B=2'], ports: ['80:80'] });
  });
  test('chains resolve to the end; !override in the extending service replaces the inherited value', () => {
    expect(services.worker).toEqual({ image: 'app:1', environment: ['A=1', 'B=2'], ports: ['90:90'], command: 'work' });
  });
  test('another file: loaded with the same env, chains followed across files, paths made absolute', () => {
    expect(services.remote).toEqual({
      restart: 'always',
      image: 'root:2',
      labels: { tier: 'back' },
      build: abs('common/app'),
      env_file: abs('common/shared.env'),
      volumes: [`${abs('lib/lib')}:/lib`, `${abs('common/data')}:/data`, 'cache:/cache'],
      ports: ['81:81'],
    });
  });
  test('services without extends are untouched', () => {
    expect(services.base).toBe((raw.services as any).base);
  });
  test('problems: undefined base, unreadable file, cycle (the rest still loads)', () => {
    const problems = ctx.problems.map((p) => ({ rule: p.rule, message: p.message, service: p.service, at: p.origin && toPosition(p.origin) }));
    expect(problems).toEqual([
      {
        rule: 'undefined-reference',
        message: 'service "missing" extends undefined service "nope"',
        service: 'missing',
        at: { file: 'compose.yml', line: 25, column: 14, endLine: 25, endColumn: 18 },
      },
      {
        rule: 'load-error',
        message: 'service "badfile" cannot extend "x": nothere.yml: no such file or directory',
        service: 'badfile',
        at: { file: 'compose.yml', line: 29, column: 13, endLine: 29, endColumn: 24 },
      },
      {
        rule: 'load-error',
        message: 'Circular reference: loop1 in compose.yml extends loop2 in compose.yml extends loop1 in compose.yml',
        service: 'loop1',
        at: { file: 'compose.yml', line: 32, column: 14, endLine: 32, endColumn: 19 },
      },
    ]);
    expect(services.missing).toEqual({ image: 'missing' });
    expect(services.badfile).toEqual({});
    expect(services.loop1).toEqual({});
    expect(services.loop2).toEqual({});
  });
  test('origins point into the file each value came from', () => {
    const at = (o: ReturnType<typeof originOf>) => {
      const p = toPosition(o!);
      return `${p.file}:${p.line}:${p.column}`;
    };
    expect(at(originOf(services.web, 'image'))).toBe('compose.yml:3:12');
    expect(at(originOf(services.web.environment, 1))).toBe('compose.yml:11:7');
    expect(at(originOf(services.remote, 'image'))).toBe('common/common.yml:13:12');
    expect(at(keyOriginOf(services.remote, 'build'))).toBe('common/common.yml:4:5');
    expect(at(originOf(services.remote, 'build'))).toBe('common/common.yml:4:12');
    expect(at(originOf(services.remote, 'restart'))).toBe('lib/lib.yml:3:14');
    expect(at(originOf(services.remote.ports, 0))).toBe('compose.yml:23:9');
    expect(at(selfOrigin(services.remote))).toBe('compose.yml:19:5');
  });
  test('the input model is not modified', () => {
    expect(JSON.stringify(raw)).toBe(rawBefore);
    expect((raw.services as any).web.extends).toBe('base');
  });
});

test('the extended file is interpolated with the extending file environment', () => {
  const { services } = load({});
  expect(services.remote.image).toBe('root:latest');
});

test('a model without extends is returned as is', () => {
  const ctx = newLoadContext(dir);
  const model = { services: { a: { image: 'x' } } };
  expect(applyExtends(ctx, model, abs('compose.yml'), {})).toBe(model);
  expect(ctx.problems).toEqual([]);
});
