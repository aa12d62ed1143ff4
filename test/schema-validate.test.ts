import { parseYaml } from '../src/load/parse';
import { makeSource } from '../src/model/source';
import { toPosition } from '../src/model/origin';
import { validateCompose, SchemaProblem } from '../src/schema/validate';
import { readComposeSchema } from '../src/schema/validator';
import { withoutAnnotations } from '../src/schema/compile';

function validate(yaml: string): SchemaProblem[] {
  const parsed = parseYaml(makeSource('compose.yml', yaml));
  expect(parsed.errors).toEqual([]);
  return validateCompose(parsed.documents[0]);
}

/** "line:column-endLine:endColumn message", the way a user sees a problem. */
function located(p: SchemaProblem): string {
  if (!p.origin) return `(no position) ${p.message}`;
  const { line, column, endLine, endColumn } = toPosition(p.origin);
  return `${line}:${column}-${endLine}:${endColumn} ${p.message}`;
}

describe('validateCompose: one clear message per problem, at the exact place', () => {
  test('a mistyped key points at the key and suggests the closest allowed one', () => {
    const problems = validate('services:\n  web:\n    imagee: nginx\n');
    expect(problems.map(located)).toEqual(['3:5-3:11 services.web: unknown key "imagee" (did you mean "image"?)']);
    expect(problems[0].path).toEqual(['services', 'web', 'imagee']);
  });

  test('a value of the wrong type points at the value', () => {
    const problems = validate('services:\n  web:\n    image: nginx\n    restart: [always]\n');
    expect(problems.map(located)).toEqual(['4:14-4:22 services.web.restart: must be a string, not the list ["always"]']);
    expect(problems[0].path).toEqual(['services', 'web', 'restart']);
  });

  test.each<[string, string, string[]]>([
    ['no suggestion when no allowed key is close', 'services:\n  web:\n    colour: red\n', ['3:5-3:11 services.web: unknown key "colour"']],
    [
      'a port entry of the wrong type gives one message, not one per oneOf branch',
      'services:\n  web:\n    ports:\n      - true\n      - [80]\n',
      ['4:9-4:13 services.web.ports[0]: must be a string, number or mapping, not the boolean true', '5:9-5:13 services.web.ports[1]: must be a string, number or mapping, not the list [80]'],
    ],
    [
      'inside a oneOf, the branch that fits the value explains the problem',
      'services:\n  web:\n    ports:\n      - target: 80\n        publish: 8080\n    cpu_percent: 150\n',
      ['5:9-5:16 services.web.ports[0]: unknown key "publish" (did you mean "published"?)', '6:18-6:21 services.web.cpu_percent: must be at most 100'],
    ],
    [
      'nested oneOfs collapse to the innermost real problem',
      'services:\n  web:\n    networks:\n      front:\n        aliases: web.local\n',
      ['5:18-5:27 services.web.networks.front.aliases: must be a list, not the string "web.local"'],
    ],
    [
      'unknown top-level keys: a typo, and a service written without "services:"',
      'servcies: {}\nweb:\n  image: nginx\n',
      ['1:1-1:9 unknown top-level key "servcies" (did you mean "services"?)', '2:1-2:4 unknown top-level key "web" (if it is a service, put it under "services:")'],
    ],
    [
      'a value brought by a merge key is reported where the anchor wrote it',
      'x-defaults: &defaults\n  restart: 5\nservices:\n  web:\n    <<: *defaults\n    image: nginx\n',
      ['2:12-2:13 services.web.restart: must be a string, not the number 5'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(validate(yaml).map(located)).toEqual(expected);
  });

  test('a valid file with x- extensions, anchors and merge keys has no problem', () => {
    const yaml = [
      'x-common: &common',
      '  restart: unless-stopped',
      '  logging:',
      '    driver: json-file',
      '    options:',
      '      max-size: 10m',
      'services:',
      '  web:',
      '    <<: *common',
      '    image: nginx',
      '    x-team: frontend',
      '    ports:',
      '      - "8080:80"',
      '      - 9090',
      '      - target: 443',
      '        published: 8443',
      '        x-note: tls',
      '    deploy:',
      '      x-hint: yes',
      '  db:',
      '    <<: *common',
      '    image: postgres',
      '    volumes: [data:/var/lib/postgresql/data]',
      'volumes:',
      '  data: {}',
      'x-tail: [1, 2]',
      '',
    ].join('\n');
    expect(validate(yaml)).toEqual([]);
  });

  test('several problems are all reported, sorted by position, one line each', () => {
    const yaml = [
      'x-defaults: &defaults', //  1
      '  restart: 5', //           2
      'services:', //              3
      '  web:', //                 4
      '    ports:', //             5
      '      - true', //           6
      '      - "80:80"', //        7
      '      - "80:80"', //        8
      '      - "80:80"', //        9
      '    <<: *defaults', //     10
      '    imagee: nginx', //     11
      '    cgroup: shared', //    12
      '    container_name: "-"', // 13
      '    depends_on:', //       14
      '      db: {restart: true}', // 15
      '    labels:', //           16
      '      com.example.role: [web]', // 17
      '    pull_policy: sometimes', // 18
      '  "my web":', //           19
      '    image: nginx', //      20
      '  db:', //                 21
      '    image: postgres', //   22
      '    healtcheck: {}', //    23
      'volums: {}', //            24
      '',
    ].join('\n');
    const problems = validate(yaml);
    expect(problems.map(located)).toEqual([
      '2:12-2:13 services.web.restart: must be a string, not the number 5',
      '6:9-6:13 services.web.ports[0]: must be a string, number or mapping, not the boolean true',
      '8:9-8:16 services.web.ports[2]: duplicate of item 1',
      '9:9-9:16 services.web.ports[3]: duplicate of item 1',
      '11:5-11:11 services.web: unknown key "imagee" (did you mean "image"?)',
      '12:13-12:19 services.web.cgroup: must be one of "host", "private"',
      '13:21-13:24 services.web.container_name: must be a container name: a letter or digit followed by letters, digits, "_", "." or "-"',
      '15:7-15:9 services.web.depends_on.db: missing required key "condition"',
      '17:25-17:30 services.web.labels["com.example.role"]: must be a string, number, boolean or null, not the list ["web"]',
      '18:18-18:27 services.web.pull_policy: must be one of "always", "never", "build", "if_not_present", "missing", "refresh", "daily", "weekly" or "every_<duration>" (e.g. "every_12h")',
      '19:3-19:11 services: invalid key "my web" (use only letters, digits, ".", "_" and "-")',
      '23:5-23:15 services.db: unknown key "healtcheck" (did you mean "healthcheck"?)',
      '24:1-24:7 unknown top-level key "volums" (did you mean "volumes"?)',
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      ['services', 'web', 'restart'],
      ['services', 'web', 'ports', 0],
      ['services', 'web', 'ports', 2],
      ['services', 'web', 'ports', 3],
      ['services', 'web', 'imagee'],
      ['services', 'web', 'cgroup'],
      ['services', 'web', 'container_name'],
      ['services', 'web', 'depends_on', 'db'],
      ['services', 'web', 'labels', 'com.example.role'],
      ['services', 'web', 'pull_policy'],
      ['services', 'my web'],
      ['services', 'db', 'healtcheck'],
      ['volums'],
    ]);
    for (const p of problems) expect(p.message).not.toMatch(/\n/);
  });

  test('problems are sorted by file, then offset, when a merged model mixes files', () => {
    const base = parseYaml(makeSource('a.yml', 'services:\n  web:\n    image: 1\n')).documents[0];
    const override = parseYaml(makeSource('0-override.yml', 'services:\n  db:\n    image: 2\n')).documents[0];
    const merged = { services: { web: (base.services as Record<string, unknown>).web, db: (override.services as Record<string, unknown>).db } };
    expect(validateCompose(merged).map((p) => `${p.origin?.source.path} ${p.message}`)).toEqual([
      '0-override.yml services.db.image: must be a string, not the number 2',
      'a.yml services.web.image: must be a string, not the number 1',
    ]);
  });

  test('a model built without origins still gets messages and paths', () => {
    expect(validateCompose({ services: { web: { image: ['x'] } }, name: 3 })).toEqual([
      { message: 'name: must be a string, not the number 3', origin: undefined, path: ['name'] },
      { message: 'services.web.image: must be a string, not the list ["x"]', origin: undefined, path: ['services', 'web', 'image'] },
    ]);
  });
});

describe('the compose schema keeps the shape collapse.ts relies on', () => {
  // ajv's branch errors can only be told apart from their neighbours when a oneOf/anyOf is alone
  // in its schema node (annotations aside). A schema update that breaks this must fail here.
  const annotations = new Set(['description', 'deprecated', 'default', 'title', '$schema', '$id', '$defs', '$comment', 'examples']);
  test('no oneOf/anyOf shares its node with a validating keyword', () => {
    const crowded: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      const keywords = Object.keys(o).filter((k) => !annotations.has(k));
      if ((keywords.includes('oneOf') || keywords.includes('anyOf')) && keywords.length > 1) crowded.push(where);
      for (const [k, v] of Object.entries(o)) {
        if (k === 'properties' || k === 'patternProperties' || k === '$defs') {
          for (const [name, sub] of Object.entries(v as Record<string, unknown>)) walk(sub, `${where}/${k}/${name}`);
        } else if (typeof v === 'object') walk(v, `${where}/${k}`);
      }
    };
    const schema = readComposeSchema() as Record<string, unknown>;
    walk(schema, '#');
    expect(crowded).toEqual([]);
    expect(Object.keys(schema.$defs as object).length).toBeGreaterThan(20);
  });
});

describe('withoutAnnotations (the standalone validator is built from it)', () => {
  test('drops description, title and $comment strings at every depth; a property named description (an object) stays', () => {
    const schema = {
      title: 'T',
      description: 'top',
      $comment: 'c',
      type: 'object',
      properties: { description: { type: 'string', description: 'what it is' }, list: { type: 'array', items: [{ title: 'x', type: 'integer' }] } },
    };
    expect(withoutAnnotations(schema)).toEqual({ type: 'object', properties: { description: { type: 'string' }, list: { type: 'array', items: [{ type: 'integer' }] } } });
  });
});
