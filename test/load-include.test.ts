import * as path from 'path';
import { newLoadContext } from '../src/load/context';
import { loadComposeFile } from '../src/load/file';
import { applyIncludes } from '../src/load/include';
import { resolveModelPaths } from '../src/load/paths';
import { keyOriginOf, originOf, selfOrigin, toPosition } from '../src/model/origin';
import type { ComposeDict } from '../src/model/project';

const dir = path.join(__dirname, '../fixtures/load/include');
const abs = (...p: string[]): string => path.join(dir, ...p);
const at = (o: ReturnType<typeof originOf>): string => {
  const p = toPosition(o!);
  return `${p.file}:${p.line}:${p.column}`;
};

function load(env: Record<string, string>) {
  const ctx = newLoadContext(dir);
  const raw = loadComposeFile(ctx, abs('compose.yml'), env)!;
  const before = JSON.stringify(raw);
  const model = applyIncludes(ctx, raw, abs('compose.yml'), env);
  return { ctx, raw, before, model, services: model.services as Record<string, any> };
}

describe('applyIncludes on fixtures/load/include', () => {
  const { ctx, raw, before, model, services } = load({ SHARED: 'from-includer' });

  test('the include key is removed; resources of every included project are imported', () => {
    expect(Object.keys(model).sort()).toEqual(['networks', 'services', 'volumes']);
    expect(Object.keys(services).sort()).toEqual(['a', 'app', 'b', 'cache', 'db']);
    expect(model.volumes).toEqual({ dbdata: {} });
    expect(model.networks).toEqual({ back: { labels: { k: 'v' } } });
  });
  test('an included project reads the .env of its own directory; the including environment wins', () => {
    expect(services.db.image).toBe('postgres:16');
    expect(services.db.command).toBe('echo from-includer');
  });
  test('env_file of a long-form entry, relative to the including file; several paths are merged', () => {
    expect(services.cache).toEqual({ image: 'redis:7', ports: ['6379:6379'] });
  });
  test('a resource the including file defines too is merged, the including definition winning', () => {
    expect(services.db).toEqual({
      image: 'postgres:16',
      restart: 'always',
      command: 'echo from-includer',
      environment: ['FROM_SUB=1', 'LOCAL=1'],
      volumes: [`${abs('sub/data')}:/var/lib/postgresql/data`],
    });
    expect(services.app).toEqual({ image: 'app', depends_on: ['db'] });
  });
  test('problems: a missing file and an include cycle are reported at their entry; the rest loads', () => {
    expect(ctx.problems.map((p) => ({ rule: p.rule, message: p.message, at: p.origin && at(p.origin) }))).toEqual([
      { rule: 'load-error', message: 'cannot include missing/compose.yml: no such file or directory', at: 'compose.yml:5:5' },
      { rule: 'load-error', message: 'include cycle detected: compose.yml include loop/a.yml include loop/b.yml include loop/a.yml', at: 'loop/b.yml:2:5' },
    ]);
  });
  test('included values keep their origins in the included files', () => {
    expect(at(originOf(services.db, 'image'))).toBe('sub/compose.yml:3:12');
    expect(at(originOf(services.db, 'restart'))).toBe('compose.yml:12:14');
    expect(at(originOf(services.db.environment, 0))).toBe('sub/compose.yml:7:7');
    expect(at(originOf(services.db.environment, 1))).toBe('compose.yml:14:7');
    expect(at(originOf(services.cache, 'image'))).toBe('other/base.yml:3:12');
    expect(at(originOf(services.cache.ports, 0))).toBe('other/override.yml:4:9');
    expect(at(keyOriginOf(services, 'cache'))).toBe('other/base.yml:2:3');
    expect(at(keyOriginOf(services, 'db'))).toBe('compose.yml:11:3');
    expect(at(selfOrigin(services.db))).toBe('compose.yml:12:5');
    expect(at(keyOriginOf(model.volumes, 'dbdata'))).toBe('sub/compose.yml:11:3');
  });
  test('the input model is not modified', () => {
    expect(JSON.stringify(raw)).toBe(before);
  });
});

test('without an including variable, the included .env decides', () => {
  expect(load({}).services.db.command).toBe('echo from-sub-env');
});

test('identical definitions reached twice are taken once', () => {
  const ctx = newLoadContext(dir);
  const model: ComposeDict = { include: ['other/base.yml', 'other/base.yml'], services: {} };
  const out = applyIncludes(ctx, model, abs('compose.yml'), { REDIS_TAG: '6' });
  expect(out).toEqual({ services: { cache: { image: 'redis:6' } } });
  expect(ctx.problems).toEqual([]);
});

test('a model without include is returned as is', () => {
  const model = { services: {} };
  expect(applyIncludes(newLoadContext(dir), model, abs('compose.yml'), {})).toBe(model);
});

test('a missing env_file of an entry is reported at it; the entry is skipped', () => {
  const ctx = newLoadContext(dir);
  const raw = loadComposeFile(ctx, abs('bad-env.yml'), {})!;
  const out = applyIncludes(ctx, raw, abs('bad-env.yml'), {});
  expect(out).toEqual({ services: { web: { image: 'web' } } });
  expect(ctx.problems.map((p) => [p.rule, p.message, at(p.origin)])).toEqual([['load-error', 'cannot read env file of include: nope.env: no such file or directory', 'bad-env.yml:3:15']]);
});

describe('relative paths of an included model are made absolute against its project directory', () => {
  const d = '/proj/sub';
  test.each([
    ['build string', { services: { s: { build: './app' } } }, { services: { s: { build: '/proj/sub/app' } } }],
    [
      'build context, remote context kept',
      { services: { s: { build: { context: '..', additional_contexts: ['lib=../lib', 'img=docker-image://x'] } }, t: { build: 'https://github.com/a/b.git' } } },
      { services: { s: { build: { context: '/proj', additional_contexts: ['lib=/proj/lib', 'img=docker-image://x'] } }, t: { build: 'https://github.com/a/b.git' } } },
    ],
    [
      'env_file forms and label_file',
      { services: { s: { env_file: ['a.env', { path: './b.env', required: false }], label_file: 'l.txt' } } },
      { services: { s: { env_file: ['/proj/sub/a.env', { path: '/proj/sub/b.env', required: false }], label_file: '/proj/sub/l.txt' } } },
    ],
    [
      'bind mounts only; named volumes and ~ kept',
      { services: { s: { volumes: ['./d:/d:ro', 'named:/n', '~/h:/h', '/abs:/abs', { type: 'bind', source: 'rel', target: '/r' }, { type: 'volume', source: 'v', target: '/v' }] } } },
      {
        services: { s: { volumes: ['/proj/sub/d:/d:ro', 'named:/n', '~/h:/h', '/abs:/abs', { type: 'bind', source: '/proj/sub/rel', target: '/r' }, { type: 'volume', source: 'v', target: '/v' }] } },
      },
    ],
    [
      'extends file and develop.watch',
      { services: { s: { extends: { file: 'base.yml', service: 'b' }, develop: { watch: [{ path: './src', action: 'sync' }] } } } },
      { services: { s: { extends: { file: '/proj/sub/base.yml', service: 'b' }, develop: { watch: [{ path: '/proj/sub/src', action: 'sync' }] } } } },
    ],
    [
      'secrets, configs, local bind volumes',
      {
        secrets: { a: { file: './a.txt' }, b: { external: true } },
        configs: { c: { file: 'c.conf' } },
        volumes: { v: { driver: 'local', driver_opts: { o: 'bind', type: 'none', device: './data' } }, w: null },
      },
      {
        secrets: { a: { file: '/proj/sub/a.txt' }, b: { external: true } },
        configs: { c: { file: '/proj/sub/c.conf' } },
        volumes: { v: { driver: 'local', driver_opts: { o: 'bind', type: 'none', device: '/proj/sub/data' } }, w: null },
      },
    ],
  ])('%s', (_name, input, expected) => {
    const before = JSON.stringify(input);
    expect(resolveModelPaths(input, d)).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });
});

test('an env_file that does not parse is reported with its line', () => {
  const ctx = newLoadContext(dir);
  const raw = loadComposeFile(ctx, abs('bad-dotenv.yml'), {})!;
  expect(applyIncludes(ctx, raw, abs('bad-dotenv.yml'), {})).toEqual({});
  expect(ctx.problems.map((p) => [p.rule, p.message, at(p.origin)])).toEqual([['load-error', 'broken.env:1: unexpected character "%" in variable name "%x=1"', 'bad-dotenv.yml:3:27']]);
});
