/** Typed views of a service (src/model/service.ts): each compose spelling gives one shape, with origins. */
import { projectOf, at } from './graph-helpers';
import { servicesOf } from '../src/model/project';
import * as svc from '../src/model/service';
import type { ComposeDict } from '../src/model/project';

/** The service `s` of a one-file project parsed from the given lines. */
function service(...lines: string[]): ComposeDict {
  return servicesOf(projectOf(['services:', '  s:', ...lines.map((l) => `    ${l}`), ''].join('\n'))).s;
}

/** Entries with their origin as "line:col-endCol" instead of an Origin object. */
function placed<T extends { origin?: unknown }>(list: readonly T[]): (Omit<T, 'origin'> & { at: string })[] {
  return list.map(({ origin, ...rest }) => ({ ...rest, at: at(origin as Parameters<typeof at>[0]).replace(/^compose\.yaml:/, '') }));
}

describe('serviceNetworks', () => {
  test('list form: names, no aliases', () => {
    expect(placed(svc.serviceNetworks(service('networks: [front, back]')))).toEqual([
      { name: 'front', aliases: [], implicit: false, at: '3:16-21' },
      { name: 'back', aliases: [], implicit: false, at: '3:23-27' },
    ]);
  });
  test('map form: aliases with their origins; a null entry has none', () => {
    const nets = svc.serviceNetworks(service('networks:', '  front:', '    aliases: [web, www]', '  back:'));
    expect(nets.map((n) => ({ name: n.name, aliases: n.aliases.map((a) => `${a.value}@${at(a.origin)}`), at: at(n.origin) }))).toEqual([
      { name: 'front', aliases: ['web@compose.yaml:5:19-22', 'www@compose.yaml:5:24-27'], at: 'compose.yaml:4:7-12' },
      { name: 'back', aliases: [], at: 'compose.yaml:6:7-11' },
    ]);
  });
  test('neither networks nor network_mode: the implicit default network', () => {
    expect(svc.serviceNetworks(service('image: nginx'))).toEqual([{ name: 'default', aliases: [], origin: undefined, implicit: true }]);
  });
  test('network_mode without networks: no attachment at all', () => {
    expect(svc.serviceNetworks(service('network_mode: host'))).toEqual([]);
  });
});

describe('networkMode', () => {
  test.each([
    ['host', { raw: 'host', kind: 'host' }],
    ['none', { raw: 'none', kind: 'none' }],
    ['bridge', { raw: 'bridge', kind: 'bridge' }],
    ['service:db', { raw: 'service:db', kind: 'service', target: 'db' }],
    ['container:abc123', { raw: 'container:abc123', kind: 'container', target: 'abc123' }],
    ['my_net', { raw: 'my_net', kind: 'other' }],
  ])('%s', (mode, expected) => {
    const m = svc.networkMode(service(`network_mode: ${mode}`));
    expect(m && { ...m, origin: at(m.origin) }).toEqual({ ...expected, origin: `compose.yaml:3:19-${19 + mode.length}` });
  });
  test('absent or empty: undefined', () => {
    expect(svc.networkMode(service('image: nginx'))).toBeUndefined();
    expect(svc.networkMode(service('network_mode: ""'))).toBeUndefined();
  });
});

describe('dependsOn', () => {
  test('list form: condition service_started, required', () => {
    expect(placed(svc.dependsOn(service('depends_on: [db, cache]')))).toEqual([
      { name: 'db', condition: 'service_started', required: true, at: '3:18-20' },
      { name: 'cache', condition: 'service_started', required: true, at: '3:22-27' },
    ]);
  });
  test('map form: condition and required as written, defaults otherwise; origin at the key', () => {
    const deps = svc.dependsOn(service('depends_on:', '  db:', '    condition: service_healthy', '  cache:', '    required: false'));
    expect(placed(deps).map(({ conditionOrigin, ...d }) => ({ ...d, conditionAt: at(conditionOrigin) }))).toEqual([
      { name: 'db', condition: 'service_healthy', required: true, at: '4:7-9', conditionAt: 'compose.yaml:5:20-35' },
      { name: 'cache', condition: 'service_started', required: false, at: '6:7-12', conditionAt: 'none' },
    ]);
  });
});

describe('sharedNamespaces and hasHealthcheck', () => {
  test('pid, ipc and uts set to service:X; other values (host, a container) are not services', () => {
    const s = service('pid: "service:app"', 'ipc: host', 'uts: "service:app"');
    expect(placed(svc.sharedNamespaces(s))).toEqual([
      { key: 'pid', target: 'app', at: '3:10-23' },
      { key: 'uts', target: 'app', at: '5:10-23' },
    ]);
    expect(svc.sharedNamespaces(service('pid: "container:abc"'))).toEqual([]);
  });
  test.each([
    ['no healthcheck', ['image: x'], false],
    ['a test', ['healthcheck:', '  test: ["CMD", "true"]'], true],
    ['disable: true', ['healthcheck:', '  disable: true'], false],
    ['test: [NONE]', ['healthcheck:', '  test: ["NONE"]'], false],
  ])('%s', (_name, lines, expected) => {
    expect(svc.hasHealthcheck(service(...lines))).toBe(expected);
  });
});

describe('links and external_links', () => {
  test('target and alias: `db` resolves as db, `db:database` as database', () => {
    expect(placed(svc.links(service('links: [db, "db:database"]')))).toEqual([
      { target: 'db', alias: 'db', raw: 'db', at: '3:13-15' },
      { target: 'db', alias: 'database', raw: 'db:database', at: '3:17-30' },
    ]);
    expect(svc.externalLinks(service('external_links: ["redis_1:redis"]')).map(({ target, alias }) => ({ target, alias }))).toEqual([{ target: 'redis_1', alias: 'redis' }]);
  });
  test('not a list: none', () => {
    expect(svc.links(service('links: db'))).toEqual([]);
  });
});

describe('environment', () => {
  test('list form: KEY=value, and KEY alone takes its value from the environment', () => {
    expect(placed(svc.environment(service('environment:', '  - A=1', '  - B=x=y', '  - C')))).toEqual([
      { key: 'A', value: '1', at: '4:9-12' },
      { key: 'B', value: 'x=y', at: '5:9-14' },
      { key: 'C', at: '6:9-10' },
    ]);
  });
  test('map form: scalars as text, an empty (null) value as none', () => {
    expect(placed(svc.environment(service('environment:', '  A: 1', '  B: true', '  C:', '  D: ""')))).toEqual([
      { key: 'A', value: '1', at: '4:10-11' },
      { key: 'B', value: 'true', at: '5:10-14' },
      { key: 'C', value: undefined, at: '6:9-9' }, // the empty value right after the colon
      { key: 'D', value: '', at: '7:10-12' },
    ]);
  });
  test('a mapping where a value belongs reads as JSON, not "[object Object]"', () => {
    expect(svc.environment(service('environment:', '  A: {x: 1}')).map((e) => e.value)).toEqual(['{"x":1}']);
  });
});

describe('envFiles', () => {
  test('a string, a list of strings, and long entries with required', () => {
    expect(placed(svc.envFiles(service('env_file: .env')))).toEqual([{ path: '.env', required: true, at: '3:15-19' }]);
    expect(placed(svc.envFiles(service('env_file:', '  - a.env', '  - path: b.env', '    required: false')))).toEqual([
      { path: 'a.env', required: true, at: '4:9-14' },
      { path: 'b.env', required: false, at: '5:9-6:24' }, // a block mapping ends where the next line starts; at the end of the file, at the end of its last line
    ]);
  });
});

describe('replicas and replicasOrigin', () => {
  test('deploy.replicas wins over scale; 1 without either', () => {
    const both = service('scale: 2', 'deploy:', '  replicas: 3');
    expect([svc.replicas(both), at(svc.replicasOrigin(both))]).toEqual([3, 'compose.yaml:5:17-18']);
    const scale = service('scale: 2');
    expect([svc.replicas(scale), at(svc.replicasOrigin(scale))]).toEqual([2, 'compose.yaml:3:12-13']);
    expect([svc.replicas(service('image: x')), svc.replicasOrigin(service('image: x'))]).toEqual([1, undefined]);
  });
  test('a value that is not a number (an unset variable left as text): 1', () => {
    expect(svc.replicas(service('scale: lots'))).toBe(1);
  });
});

describe('profilesOf', () => {
  test('profiles as strings; none when absent', () => {
    expect(svc.profilesOf(service('profiles: [debug, 1]'))).toEqual(['debug', '1']);
    expect(svc.profilesOf(service('image: x'))).toEqual([]);
  });
});

describe('volumeMounts', () => {
  test('short syntax: host paths are binds, names are volumes, a lone target is anonymous; modes dropped', () => {
    const mounts = svc.volumeMounts(service('volumes:', '  - ./data:/data:ro', '  - /abs:/abs', '  - ~/home:/h', '  - db_data:/var/lib/db', '  - /cache', '  - "C:\\\\data:/win:rw"'));
    expect(mounts.map(({ type, source, target }) => [type, source, target])).toEqual([
      ['bind', './data', '/data'],
      ['bind', '/abs', '/abs'],
      ['bind', '~/home', '/h'],
      ['volume', 'db_data', '/var/lib/db'],
      ['volume', '', '/cache'],
      ['bind', 'C:\\data', '/win'],
    ]);
    expect(at(mounts[0].origin)).toBe('compose.yaml:4:9-24');
  });
  // The copies disagreed on these; compose-go's ParseVolume is followed (src/model/volume-spec.ts).
  test('MODE options are not part of the target, whatever their case; a spec of two characters is a target alone; ro/rw: the last wins', () => {
    const mounts = svc.volumeMounts(
      service('volumes:', '  - data:/data:RO', '  - "x:"', '  - ./a:/a:ro,rw', '  - ./b:/b:rw,ro', '  - type: bind', '    source: ./c', '    target: /c', '    read_only: true'),
    );
    expect(mounts.map(({ type, source, target, readOnly }) => [type, source, target, readOnly])).toEqual([
      ['volume', 'data', '/data', false],
      ['volume', '', 'x:', false],
      ['bind', './a', '/a', false],
      ['bind', './b', '/b', true],
      ['bind', './c', '/c', true],
    ]);
  });
  test('long syntax: type, source and target as written; type defaults to volume', () => {
    const mounts = svc.volumeMounts(service('volumes:', '  - type: bind', '    source: ./src', '    target: /app', '  - target: /tmp/x', '  - type: tmpfs', '    target: /run'));
    expect(mounts.map(({ type, source, target }) => [type, source, target])).toEqual([
      ['bind', './src', '/app'],
      ['volume', '', '/tmp/x'],
      ['tmpfs', '', '/run'],
    ]);
  });
  test('propagation: the last propagation option of a short entry, at the entry; bind.propagation of a long one, where written', () => {
    const mounts = svc.volumeMounts(service('volumes:', '  - /a:/a:rshared,rslave', '  - /b:/b:ro', '  - type: bind', '    source: /c', '    target: /c', '    bind: {propagation: shared}'));
    expect(mounts.map(({ propagation, spec }) => [propagation, spec])).toEqual([
      ['rslave', '/a:/a:rshared,rslave'],
      [undefined, '/b:/b:ro'],
      ['shared', undefined],
    ]);
    expect(at(mounts[0].propagationOrigin)).toBe('compose.yaml:4:9-29');
    expect(at(mounts[2].propagationOrigin)).toBe('compose.yaml:9:29-35');
  });
});

describe('resourceRefs', () => {
  test('secrets in short and long form; build secrets only with build: true', () => {
    const s = service('secrets:', '  - db_pass', '  - source: api_key', '    target: key', 'build:', '  context: .', '  secrets: [npm_token]');
    expect(placed(svc.resourceRefs(s, 'secrets'))).toEqual([
      { source: 'db_pass', at: '4:9-16' },
      { source: 'api_key', at: '5:9-7:1' },
    ]);
    expect(svc.resourceRefs(s, 'secrets', true).map((r) => r.source)).toEqual(['npm_token']);
    expect(svc.resourceRefs(s, 'configs')).toEqual([]);
  });
});

describe('volumesFrom', () => {
  test('service, service with mode, service: and container: prefixes', () => {
    expect(svc.volumesFrom(service('volumes_from: [data, "data:ro", "service:logs:rw", "container:abc"]')).map(({ kind, name, raw }) => [kind, name, raw])).toEqual([
      ['service', 'data', 'data'],
      ['service', 'data', 'data:ro'],
      ['service', 'logs', 'service:logs:rw'],
      ['container', 'abc', 'container:abc'],
    ]);
  });
});
