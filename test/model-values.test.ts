/** The model never prints a JavaScript value (issue 14): odd entries, odd keys, ranges, paths. */
import * as fs from 'fs';
import * as path from 'path';
import { lintSync } from '../src/api';
import { serviceNetworks } from '../src/model/service';
import { makeTree } from './engine-helpers';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const lint = (text: string) => {
  const r = lintSync({ env: {}, config: false, cwd: makeTree({ 'compose.yaml': text }) });
  return r.findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}: ${f.message}`);
};

test('`networks: []` and `networks: {}` attach the service to default, as compose-go does', () => {
  expect(serviceNetworks({ networks: [] }).map((a) => [a.name, a.implicit])).toEqual([['default', true]]);
  expect(serviceNetworks({ networks: {} }).map((a) => [a.name, a.implicit])).toEqual([['default', true]]);
  expect(serviceNetworks({ networks: [], network_mode: 'host' })).toEqual([]);
  expect(lint(lines('services:', '  web:', '    image: nginx', '    networks: []', '  api:', '    image: app', '    environment:', '      WEB_HOST: web'))).toEqual([]);
});

test('a service only on networks without DNS is described by its networks, not by an undefined network_mode', () => {
  expect(
    lint(
      lines('services:', '  web:', '    image: nginx', '    networks: [hostnet]', '  api:', '    image: app', '    environment:', '      WEB_HOST: web', 'networks:', '  hostnet:', '    driver: host'),
    ),
  ).toEqual(['8:17-8:20 unresolved-hostname: `web` does not resolve from api: web has no name on any network: hostnet has no DNS names (driver host or none)']);
});

test('non-string entries in depends_on, links and networks: one schema finding each, naming the value; no other rule sees them', () => {
  const found = lint(
    lines('services:', '  web:', '    image: nginx', '    depends_on: [{a: 1}, null, 3]', '    links: [{a: 1}, null]', '    networks: [{a: 1}, null, 5]', '  db:', '    image: postgres'),
  );
  expect(found).toEqual([
    '4:18-4:24 schema: services.web.depends_on[0]: must be a string, not the mapping {"a":1}',
    '4:26-4:30 schema: services.web.depends_on[1]: must be a string, not null',
    '4:32-4:33 schema: services.web.depends_on[2]: must be a string, not the number 3',
    '5:13-5:19 schema: services.web.links[0]: must be a string, not the mapping {"a":1}',
    '5:21-5:25 schema: services.web.links[1]: must be a string, not null',
    '6:16-6:22 schema: services.web.networks[0]: must be a string, not the mapping {"a":1}',
    '6:24-6:28 schema: services.web.networks[1]: must be a string, not null',
    '6:30-6:31 schema: services.web.networks[2]: must be a string, not the number 5',
  ]);
});

test("null, empty, numeric, boolean and mapping keys: a schema finding with compose-go's words; the entry is dropped", () => {
  expect(lint(lines('services:', '  ~:', '    image: x', '  web:', '    image: y', '    depends_on: [null]'))).toEqual([
    '2:3-2:4 schema: services: the key `~` is null, not a string: Docker Compose refuses it (non-string key in services: <nil>)',
    '6:18-6:22 schema: services.web.depends_on[0]: must be a string, not null',
  ]);
  expect(lint(lines('services:', '  ? ', '  : image: x'))).toEqual(['2:5-2:5 schema: services: an empty key is null, not a string: Docker Compose refuses it (non-string key in services: <nil>)']);
  expect(
    lint(lines('x-ports:', '  80: web', '  "81": quoted', '  true: 1', 'services:', '  web:', '    image: x', '    depends_on:', '      ? {a: 1}', '      : {condition: service_started}')),
  ).toEqual([
    '2:3-2:5 schema: x-ports: the key `80` is a number, not a string (quote it): Docker Compose refuses it (non-string key in x-ports: 80)',
    '4:3-4:7 schema: x-ports: the key `true` is a boolean, not a string (quote it): Docker Compose refuses it (non-string key in x-ports: true)',
    '9:9-9:15 schema: services.web.depends_on: the key `{a: 1}` is a mapping, not a string: Docker Compose refuses it',
  ]);
});

test('finding ranges stay inside the file: an unclosed `{` is reported at the end, not past it', () => {
  expect(lint('{')).toEqual(['1:2-1:2 yaml-syntax: Flow map must end with a }']);
  expect(lint('services:\n  a: [')).toEqual(['2:7-2:7 yaml-syntax: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  // With a final line break (and blank lines after), the end of the last written line, not a line past the file.
  expect(lint('services:\n  a: [\n')).toEqual(['2:7-2:7 yaml-syntax: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  expect(lint('services:\r\n  a: [x  \r\n\r\n\n')).toEqual(['2:8-2:8 yaml-syntax: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  expect(lint('services:\n  a: {\n')).toEqual(['2:7-2:7 yaml-syntax: Flow map in block collection must be sufficiently indented and end with a }']);
});

test('text input reports env-file findings with the paths the CLI shows', () => {
  const root = makeTree({ 'sub/compose.yaml': lines('services:', '  web:', '    image: x', '    env_file: ./app.env'), 'sub/app.env': 'DB_HOST=nowhere\n' });
  for (const cwd of [root, path.join(root, 'sub')]) {
    const file = path.relative(cwd, path.join(root, 'sub', 'compose.yaml'));
    const fromDisk = lintSync({ env: {}, config: false, cwd, targets: [file] }).findings.map((f) => `${f.file}:${f.line}:${f.column}`);
    const fromText = lintSync({ env: {}, config: false, cwd, text: { path: file, content: fs.readFileSync(path.join(root, 'sub', 'compose.yaml'), 'utf8') } }).findings.map(
      (f) => `${f.file}:${f.line}:${f.column}`,
    );
    expect(fromText).toEqual(fromDisk);
    expect(fromDisk).toEqual([`${path.relative(cwd, path.join(root, 'sub', 'app.env'))}:1:9`]);
  }
});
