import * as table from '../fixtures/spec-cases/interpolation.json';
import { interpolateTree, composePath, InterpolationProblem } from '../src/load/interpolate';
import { castTypes, parseGoInt, parseGoFloat, parseGoBool, CastProblem } from '../src/load/typecast';
import { parseYaml } from '../src/load/parse';
import { makeSource } from '../src/model/source';
import { originOf, keyOriginOf, toPosition, Origin } from '../src/model/origin';
import { mergeTagOf } from '../src/load/tags';

interface PathCase {
  id: string;
  template: string;
  env: Record<string, string>;
  path?: string;
  expected?: string;
  warnings?: number;
  warnings_observed?: number;
  error?: { type: string; variable?: string; interpolate_message: string };
}
const pathCases = (table as unknown as { cases: PathCase[] }).cases.filter((c) => c.path);

function load(text: string): Record<string, unknown> {
  const r = parseYaml(makeSource('compose.yaml', text));
  expect(r.errors).toEqual([]);
  return r.documents[0];
}
const textAt = (o: Origin | undefined) => (o ? o.source.text.slice(o.start, o.end) : undefined);
const pos = (o: Origin | undefined) => (o ? toPosition(o) : undefined);

describe('interpolation spec cases with a path (compose-go e70e961)', () => {
  test('33 cases carry a path', () => expect(pathCases).toHaveLength(33));

  for (const c of pathCases) {
    test(c.id, () => {
      // Build {a: {b: {c: template}}} from "a.b.c".
      const keys = c.path!.split('.');
      const dict: Record<string, unknown> = {};
      let leaf: Record<string, unknown> = dict;
      for (const k of keys.slice(0, -1)) leaf = leaf[k] = {} as Record<string, unknown>;
      const last = keys[keys.length - 1];
      leaf[last] = c.template;
      const problems: InterpolationProblem[] = [];
      expect(interpolateTree(dict, c.env, (p) => problems.push(p))).toBe(dict);
      if (c.error) {
        expect(leaf[last]).toBe(c.template); // a failing value stays as written
        expect(problems).toHaveLength(1);
        expect(problems[0].kind).toBe(c.error.type === 'InvalidTemplateError' ? 'invalid' : 'required');
        expect(problems[0].composeMessage).toBe(c.error.interpolate_message);
        expect(problems[0].message).toBe(c.error.interpolate_message.replace(/\n/g, ' '));
        expect(problems[0].variable).toBe(c.error.variable);
        expect(problems[0].path).toEqual(keys);
      } else {
        expect(leaf[last]).toBe(c.expected);
        expect(problems.map((p) => p.kind)).toEqual(new Array(c.warnings ?? c.warnings_observed ?? 0).fill('unset'));
      }
    });
  }
});

describe('interpolateTree on a parsed file', () => {
  const yaml = [
    'services:', //                                          1
    '  web:', //                                             2
    '    image: "${REGISTRY}/web:${TAG:-latest}"', //       3
    '    command: echo $$HOME ${MISSING} $OTHER', //         4
    '    environment:', //                                   5
    "      - 'A=${REQ:?need REQ}'", //                       6
    '      - B=${ bad}', //                                  7
    '    ports:', //                                         8
    '      - "${PORT:-80}:80"', //                           9
    '    labels: !override', //                              10
    '      x: "\\u0041 ${ESCAPED}"', //                      11
    '    build:', //                                         12
    '      args:', //                                        13
    '        $KEY: ${VALUE}', //                             14
    '    entrypoint: |', //                                  15
    '      run ${MULTI}', //                                 16
    '      again', //                                        17
    '    deploy:', //                                        18
    '      replicas: 3', //                                  19
  ].join('\n');

  function run(env: Record<string, string> = { VALUE: 'v', REGISTRY: 'r.io' }) {
    const dict = load(yaml);
    const problems: InterpolationProblem[] = [];
    interpolateTree(dict, env, (p) => problems.push(p));
    return { dict, problems, web: (dict.services as Record<string, Record<string, unknown>>).web };
  }

  test('values are interpolated, keys and non-strings are not', () => {
    const { web } = run();
    expect(web.image).toBe('r.io/web:latest');
    expect(web.command).toBe('echo $HOME  ');
    expect(web.ports).toEqual(['80:80']);
    expect(web.build).toEqual({ args: { $KEY: 'v' } });
    expect(web.environment).toEqual(['A=${REQ:?need REQ}', 'B=${ bad}']);
    expect(web.deploy).toEqual({ replicas: 3 });
  });

  test('each problem has its kind, path, message and the exact place of the expression', () => {
    const { problems } = run();
    expect(problems.map((p) => ({ kind: p.kind, variable: p.variable, path: p.path.join('/'), text: textAt(p.origin), line: pos(p.origin)?.line, column: pos(p.origin)?.column }))).toEqual([
      { kind: 'unset', variable: 'MISSING', path: 'services/web/command', text: '${MISSING}', line: 4, column: 26 },
      { kind: 'unset', variable: 'OTHER', path: 'services/web/command', text: '$OTHER', line: 4, column: 37 },
      { kind: 'required', variable: 'REQ', path: 'services/web/environment/0', text: '${REQ:?need REQ}', line: 6, column: 12 },
      { kind: 'invalid', variable: undefined, path: 'services/web/environment/1', text: '${ bad}', line: 7, column: 11 },
      // Not verbatim in the source (an escape, a block scalar): the whole scalar.
      { kind: 'unset', variable: 'ESCAPED', path: 'services/web/labels/x', text: '"\\u0041 ${ESCAPED}"', line: 11, column: 10 },
      { kind: 'unset', variable: 'MULTI', path: 'services/web/entrypoint', text: '|\n      run ${MULTI}\n      again\n', line: 15, column: 17 },
    ]);
    expect(problems[0].message).toBe('The "MISSING" variable is not set. Defaulting to a blank string.');
    expect(problems[2].message).toBe('error while interpolating services.web.environment.[]: required variable REQ is missing a value: need REQ');
    expect(problems[3].composeMessage).toBe('invalid interpolation format for services.web.environment.[].\nYou may need to escape any $ with another $.\nB=${ bad}');
  });

  test('origins and merge tags survive: the value keeps the origin of its scalar', () => {
    const { web } = run();
    expect(textAt(originOf(web, 'image'))).toBe('"${REGISTRY}/web:${TAG:-latest}"');
    expect(textAt(originOf(web.ports, 0))).toBe('"${PORT:-80}:80"');
    expect(textAt(keyOriginOf((web.build as Record<string, unknown>).args, '$KEY'))).toBe('$KEY');
    expect(mergeTagOf(web, 'labels')).toBe('override');
  });

  test('the environment is looked up by own keys only', () => {
    const { web } = run({ constructor: 'c', REGISTRY: 'x' });
    expect(web.image).toBe('x/web:latest');
    const dict = { a: '${toString}-${constructor}' };
    interpolateTree(dict, { constructor: 'c' }, () => undefined);
    expect(dict.a).toBe('-c');
  });

  test('composePath names list items [] and escapes dots below the top level', () => {
    expect(composePath(['x.top', 'web.app', 'ports', 0, 'target'])).toBe('x.top.web👻app.ports.[].target');
  });

  test('10 000 services (~150 000 values) are interpolated', () => {
    const services: Record<string, unknown> = {};
    for (let i = 0; i < 10000; i++) {
      services[`app_${i}`] = {
        image: `registry.example.com/team/app_${i}:\${TAG_${i % 50}:-1.${i}.0}`,
        restart: 'unless-stopped',
        environment: { SERVICE_NAME: `app_${i}`, LOG_LEVEL: '${LOG_LEVEL:-info}', DATABASE_URL: 'postgres://db.internal:5432/app', PEER: `app_${i - 1}:9000` },
        logging: { driver: 'json-file', options: { 'max-size': '10m' } },
        depends_on: ['db'],
        expose: ['8080'],
        networks: ['front', 'back'],
        ports: [`${20000 + i}:8080`],
      };
    }
    const dict = { services };
    interpolateTree(dict, { TAG_1: 'one' }, () => undefined);
    expect((services.app_1 as { image: string }).image).toBe('registry.example.com/team/app_1:one');
    expect((services.app_2 as { image: string }).image).toBe('registry.example.com/team/app_2:1.2.0');
  });
});

describe('castTypes', () => {
  const yaml = [
    'services:',
    '  web:',
    '    deploy:',
    '      replicas: "${N}"',
    '      update_config: { parallelism: "2", max_failure_ratio: "0.25" }',
    '    cpus: "1.5"',
    '    privileged: "yes"',
    '    read_only: "FALSE"',
    '    tty: true',
    '    healthcheck: { retries: "abc", disable: "maybe" }',
    '    ports:',
    '      - target: "80"',
    '        published: "8080"',
    '      - "9000:9000"',
    '    ulimits: { nproc: "65535", nofile: { soft: "1024", hard: "2048" } }',
    '    volumes: [{ type: volume, source: v, target: /d, read_only: "true", volume: { nocopy: "on" } }]',
    '    environment: { REPLICAS: "3" }',
    '  web.app:',
    '    scale: "2"',
    'networks:',
    '  front: { external: "true", internal: "false", enable_ipv6: "1" }',
    'volumes:',
    '  v: { external: "false" }',
  ].join('\n');

  test('casts the listed paths, keeps everything else, reports what cannot be cast', () => {
    const dict = load(yaml);
    interpolateTree(dict, { N: '4' }, () => undefined);
    const problems: CastProblem[] = [];
    expect(castTypes(dict, (p) => problems.push(p))).toBe(dict);
    const services = dict.services as Record<string, Record<string, unknown>>;
    const web = services.web;
    expect(web.deploy).toEqual({ replicas: 4, update_config: { parallelism: 2, max_failure_ratio: 0.25 } });
    expect([web.cpus, web.privileged, web.read_only, web.tty]).toEqual([1.5, true, false, true]);
    expect(web.healthcheck).toEqual({ retries: 'abc', disable: 'maybe' });
    expect(web.ports).toEqual([{ target: 80, published: '8080' }, '9000:9000']);
    expect(web.ulimits).toEqual({ nproc: 65535, nofile: { soft: 1024, hard: 2048 } });
    expect(web.volumes).toEqual([{ type: 'volume', source: 'v', target: '/d', read_only: true, volume: { nocopy: true } }]);
    expect(web.environment).toEqual({ REPLICAS: '3' });
    expect(services['web.app'].scale).toBe(2);
    expect(dict.networks).toEqual({ front: { external: true, internal: false, enable_ipv6: '1' } });
    expect(dict.volumes).toEqual({ v: { external: false } });
    expect(textAt(originOf(web.deploy, 'replicas'))).toBe('"${N}"');

    expect(problems.map((p) => [p.kind, p.severity, p.path.join('/'), p.value, p.message, textAt(p.origin)])).toEqual([
      ['yaml11-boolean', 'warning', 'services/web/privileged', 'yes', '"yes" for boolean is not supported by YAML 1.2, please use `true`', '"yes"'],
      ['invalid', 'error', 'services/web/healthcheck/retries', 'abc', 'services.web.healthcheck.retries must be a whole number, got "abc"', '"abc"'],
      ['invalid', 'error', 'services/web/healthcheck/disable', 'maybe', 'services.web.healthcheck.disable must be true or false, got "maybe"', '"maybe"'],
      ['yaml11-boolean', 'warning', 'services/web/volumes/0/volume/nocopy', 'on', '"on" for boolean is not supported by YAML 1.2, please use `true`', '"on"'],
      ['invalid', 'error', 'networks/front/enable_ipv6', '1', 'networks.front.enable_ipv6 must be true or false, got "1"', '"1"'],
    ]);
  });

  test.each([
    ['42', 42],
    ['+7', 7],
    ['-0', 0],
    ['9223372036854775807', 2 ** 63], // max int64, as the nearest double
    ['', 'strconv.Atoi: parsing "": invalid syntax'],
    [' 1', 'strconv.Atoi: parsing " 1": invalid syntax'],
    ['1_000', 'strconv.Atoi: parsing "1_000": invalid syntax'],
    ['1.0', 'strconv.Atoi: parsing "1.0": invalid syntax'],
    ['9223372036854775808', 'strconv.Atoi: parsing "9223372036854775808": value out of range'],
  ])('Atoi %j', (s, out) => {
    const r = parseGoInt(s, 'Atoi');
    expect('error' in r ? r.error : r.value).toBe(out);
  });

  test.each([
    ['0.5', false, 0.5],
    ['.5e1', false, 5],
    ['1_000.5', false, 1000.5],
    ['-Inf', false, -Infinity],
    ['infinity', false, Infinity],
    ['0x1.8p1', false, 3],
    ['0x_1p-2', false, 0.25],
    ['1e39', false, 1e39],
    ['1e39', true, 'strconv.ParseFloat: parsing "1e39": value out of range'],
    ['1e400', false, 'strconv.ParseFloat: parsing "1e400": value out of range'],
    ['0x1', false, 'strconv.ParseFloat: parsing "0x1": invalid syntax'],
    ['1_.5', false, 'strconv.ParseFloat: parsing "1_.5": invalid syntax'],
    ['+nan', false, 'strconv.ParseFloat: parsing "+nan": invalid syntax'],
    ['1.5 ', false, 'strconv.ParseFloat: parsing "1.5 ": invalid syntax'],
  ])('ParseFloat %j (float32: %s)', (s, f32, out) => {
    const r = parseGoFloat(s, f32);
    expect('error' in r ? r.error : r.value).toBe(out);
  });

  test('NaN parses', () => expect(parseGoFloat('NaN', false)).toEqual({ value: NaN }));

  test.each([
    ['true', true, undefined],
    ['False', false, undefined],
    ['Y', true, '"Y" for boolean is not supported by YAML 1.2, please use `true`'],
    ['off', false, '"off" for boolean is not supported by YAML 1.2, please use `false`'],
  ])('toBoolean %j', (s, value, warning) => expect(parseGoBool(s)).toEqual(warning ? { value, warning } : { value }));
});

test('5,000 uses of one unset variable in one value: each warning at its own `${A}` (the scalar is located once)', () => {
  const uses = 5000;
  const dict = load(`services:\n  a:\n    environment:\n      K: "${'${A}'.repeat(uses)}"\n`);
  const problems: InterpolationProblem[] = [];
  interpolateTree(dict, {}, (p) => problems.push(p));
  expect(problems).toHaveLength(uses);
  expect(problems.map((p) => pos(p.origin)?.column)).toEqual(Array.from({ length: uses }, (_, i) => 11 + 4 * i));
  expect(new Set(problems.map((p) => textAt(p.origin)))).toEqual(new Set(['${A}']));
  expect(problems[uses - 1].path).toEqual(['services', 'a', 'environment', 'K']);
});
