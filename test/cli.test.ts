/** The CLI end to end (in this process, test/cli-harness.ts), exact output and exit codes; what only the real binary shows (pipes) spawns it. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { binary, runCli, CliRun, CliRunOptions } from './cli-harness';

const BIN = path.resolve(__dirname, '..', 'bin', 'compose-lint.js');

/** The CLI in this process (test/cli-harness.test.ts shows it prints what the binary prints). */
function run(args: string[], opts: CliRunOptions & { cwd: string }): CliRun {
  return runCli(opts.cwd, args, opts);
}

function tempProject(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const BAD = 'version: "3"\nservices:\n  web:\n    imagee: nginx\n    image: ${USERNAME}/ui:1.0\n';

describe('compose-lint (lint)', () => {
  test('reports findings in compact format and exits 1', () => {
    const cwd = tempProject({ 'compose.yaml': BAD });
    expect(run(['--format', 'compact'], { cwd })).toEqual({
      code: 1,
      stdout:
        'compose.yaml:1:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n' +
        'compose.yaml:4:5: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]\n' +
        'compose.yaml:5:12: warning: The "USERNAME" variable is not set. Defaulting to a blank string. (used in services.web.image) [interpolation]\n',
      stderr: '',
    });
  });

  test('the OS environment and .env fill variables; a clean file exits 0 with no output', () => {
    const cwd = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: ${USERNAME}/ui:${TAG}\n', '.env': 'TAG=1.0\n' });
    expect(run([], { cwd, env: { USERNAME: 'me' } })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('discovers compose.yaml and its override from a subdirectory', () => {
    const cwd = tempProject({
      'compose.yaml': 'services:\n  web:\n    image: nginx\n',
      'compose.override.yaml': 'services:\n  web:\n    imagee: nginx\n',
      'sub/dir/.keep': '',
    });
    const r = run(['--format', 'compact'], { cwd: path.join(cwd, 'sub', 'dir') });
    expect(r.stdout).toBe('../../compose.override.yaml:3:5: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]\n');
    expect(r.code).toBe(1);
  });

  test('--max-warnings decides the exit code for warnings', () => {
    const cwd = tempProject({ 'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n' });
    expect(run(['--format', 'compact'], { cwd }).code).toBe(0);
    expect(run(['--format', 'compact', '--max-warnings', '0'], { cwd }).code).toBe(1);
    expect(run(['--format', 'compact', '--max-warnings', '1'], { cwd }).code).toBe(0);
  });

  test('stdin', () => {
    const cwd = tempProject({});
    const r = run(['-', '--format', 'compact'], { cwd, input: 'services:\n  web:\n    imagee: x\n' });
    expect(r).toEqual({ code: 1, stdout: '<stdin>:3:5: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]\n', stderr: '' });
  });

  test('broken YAML is reported at every error; other files are still linted', () => {
    const cwd = tempProject({ 'a/compose.yaml': 'services:\n  a:\n    image: x\n    image: y\n  b: [\n', 'b/compose.yaml': 'version: "2"\nservices: {}\n' });
    const r = run(['a', 'b', '--format', 'compact'], { cwd });
    expect(r.stdout).toBe(
      'a/compose.yaml:4:5: error: duplicate key "image" (first defined at line 3, column 5) [yaml-syntax]\n' +
        'a/compose.yaml:5:7: error: Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax]\n' +
        'b/compose.yaml:1:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n',
    );
    expect(r.code).toBe(1);
  });

  test('an empty file is an error', () => {
    const cwd = tempProject({ 'compose.yaml': '' });
    expect(run(['--format', 'compact'], { cwd })).toEqual({
      code: 1,
      stdout: 'compose.yaml:1:1: error: empty compose file: Docker Compose refuses a file with no content [schema]\n',
      stderr: '',
    });
  });

  test('json output has flat findings', () => {
    const cwd = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n    restart: 3\n' });
    const r = run(['--format', 'json'], { cwd });
    expect(JSON.parse(r.stdout)).toEqual([
      { file: 'compose.yaml', line: 4, column: 14, endLine: 4, endColumn: 15, rule: 'schema', severity: 'error', message: 'services.web.restart: must be a string, not the number 3', service: 'web' },
    ]);
  });

  test('output is complete when piped, however long (the real binary: Node must drain the pipe before it exits)', () => {
    const services = Array.from({ length: 3000 }, (_, i) => `  s${i}:\n    imagee: x\n`).join('');
    const cwd = tempProject({ 'compose.yaml': `services:\n${services}` });
    const r = binary(cwd, ['--format', 'compact']);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3000);
    expect(r.code).toBe(1);
  });
});

describe('which files form a project', () => {
  const UNRESOLVED = 'services:\n  exporter:\n    image: exporter\n    environment:\n      MONGO_URL: mongodb://post_db:27017\n';

  test("COMPOSE_FILE in the working directory's .env: both files are linted, as one project", () => {
    const cwd = tempProject({
      '.env': 'COMPOSE_FILE=compose.yaml:compose.ports.yaml\n',
      'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n',
      'compose.ports.yaml': 'services:\n  admin:\n    image: example/admin\n    ports: ["8080:8080"]\n',
    });
    const expected = {
      code: 1,
      stdout:
        'compose.ports.yaml:4:13: error: host port 8080/tcp is also published by service "web": whichever container starts second fails with "port is already allocated" [published-port-conflict]\n' +
        'compose.yaml:4:13: error: host port 8080/tcp is also published by service "admin": whichever container starts second fails with "port is already allocated" [published-port-conflict]\n',
      stderr: '',
    };
    expect(run(['--format', 'compact'], { cwd })).toEqual(expected);
    expect(run(['--format', 'compact', 'compose.yaml'], { cwd })).toEqual(expected);
  });

  test('compose.yaml alone as a target pulls compose.override.yaml', () => {
    const cwd = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'compose.override.yaml': 'services:\n  web:\n    imagee: nginx\n' });
    expect(run(['--format', 'compact', 'compose.yaml'], { cwd })).toEqual({
      code: 1,
      stdout: 'compose.override.yaml:3:5: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]\n',
      stderr: '',
    });
  });

  test('a .compose-lint.yaml beside compose.yaml does not soften errors', () => {
    const cwd = tempProject({ 'compose.yaml': UNRESOLVED, '.compose-lint.yaml': 'extends: recommended\n' });
    expect(run(['--format', 'compact', 'compose.yaml'], { cwd })).toEqual({
      code: 1,
      stdout:
        'compose.yaml:5:28: error: `post_db` does not resolve from exporter: no service, container_name or network alias is called that; add it to the network aliases of the service meant to answer [unresolved-hostname]\n',
      stderr: '',
    });
  });

  test('a compose file beside it that defines the name makes it a warning, naming that file and line (exit 0)', () => {
    const cwd = tempProject({ 'compose.yaml': `name: reddit\n${UNRESOLVED}`, 'docker-compose-app.yml': 'name: reddit\nservices:\n  post_db:\n    image: mongo:7\n' });
    expect(run(['--format', 'compact', 'compose.yaml'], { cwd })).toEqual({
      code: 0,
      stdout:
        'compose.yaml:6:28: warning: `post_db` does not resolve from exporter: nothing in this project is called that; docker-compose-app.yml:3 defines it on network default, which exporter also joins when the files are used together: lint them together (add -f docker-compose-app.yml) [unresolved-hostname]\n',
      stderr: '',
    });
  });

  test('stdin is not softened by a .compose-lint.yaml either', () => {
    const cwd = tempProject({ '.compose-lint.yaml': 'extends: recommended\n' });
    expect(run(['-', '--format', 'compact'], { cwd, input: UNRESOLVED })).toEqual({
      code: 1,
      stdout:
        '<stdin>:5:28: error: `post_db` does not resolve from exporter: no service, container_name or network alias is called that; add it to the network aliases of the service meant to answer [unresolved-hostname]\n',
      stderr: '',
    });
  });

  test('a per-environment overlay named alone (the pre-commit hook passes only changed files) is linted with its base, as -f base -f overlay', () => {
    const cwd = tempProject({
      'docker-compose.yml': 'services:\n  basketdata:\n    image: redis:7\n  web:\n    image: example/web\n',
      'docker-compose.prod.yml': 'services:\n  web:\n    ports: ["127.0.0.1:8080:80"]\n',
      'docker-compose.old.yml': 'services:\n  basket.data:\n    ports: ["127.0.0.1:6379:6379"]\n',
    });
    expect(run(['--format', 'compact', 'docker-compose.prod.yml'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    // --debug says why the base was added.
    const debug = run(['--debug', '--format', 'compact', 'docker-compose.prod.yml'], { cwd });
    expect(debug.code).toBe(0);
    expect(debug.stderr.split('\n')).toContain(
      'compose-lint: debug: docker-compose.prod.yml cannot stand alone (service "web" has neither image nor build): linted as -f docker-compose.yml -f docker-compose.prod.yml',
    );
    // An overlay still naming an old service creates a new, empty one: Compose refuses that project too.
    const refused = {
      code: 1,
      stdout:
        'docker-compose.old.yml:2:3: error: service "basket.data" has neither an image nor a build context specified: Docker Compose refuses the project; is it meant to override "basketdata"? A different name makes a new, empty service [schema]\n',
      stderr: '',
    };
    expect(run(['--format', 'compact', 'docker-compose.old.yml'], { cwd })).toEqual(refused);
    expect(run(['--format', 'compact', 'docker-compose.yml', 'docker-compose.old.yml'], { cwd })).toEqual(refused);
    // -f keeps its exact meaning: the overlay alone is what Compose would refuse.
    expect(run(['--format', 'compact', '-f', 'docker-compose.prod.yml'], { cwd })).toEqual({
      code: 1,
      stdout: 'docker-compose.prod.yml:2:3: error: service "web" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them [schema]\n',
      stderr: '',
    });
  });

  test("an overlay whose complete services use the base's network and depend on its service is linted with the base; -f alone keeps the errors", () => {
    const cwd = tempProject({
      'docker-compose.yaml': 'services:\n  web:\n    image: example/web\n    networks: [shop]\nnetworks:\n  shop: {}\n',
      'docker-compose-load.yaml': 'services:\n  load:\n    image: example/load\n    environment:\n      HOST: http://web:8080\n    networks: [shop]\n    depends_on: [web, cart]\n',
    });
    // Paired: web and shop are defined; cart, defined nowhere, is still an error.
    expect(run(['--format', 'compact', 'docker-compose-load.yaml'], { cwd })).toEqual({
      code: 1,
      stdout: 'docker-compose-load.yaml:7:23: error: service "load" depends on undefined service "cart" [undefined-reference]\n',
      stderr: '',
    });
    expect(run(['--format', 'compact', '-f', 'docker-compose-load.yaml'], { cwd })).toEqual({
      code: 1,
      stdout:
        'docker-compose-load.yaml:5:20: warning: `web` does not resolve from load: nothing in this project is called that; docker-compose.yaml:2 defines it on network shop, which load also joins when the files are used together: lint them together (add -f docker-compose.yaml) [unresolved-hostname]\n' +
        'docker-compose-load.yaml:6:16: error: service "load" uses undefined network "shop" (not declared under the top-level `networks`) [undefined-reference]\n' +
        'docker-compose-load.yaml:7:18: error: service "load" depends on undefined service "web" [undefined-reference]\n' +
        'docker-compose-load.yaml:7:23: error: service "load" depends on undefined service "cart" [undefined-reference]\n',
      stderr: '',
    });
  });

  test('a library of services for extends named alone is linted through the two files that extend it, as -f <user>; findings keep their place in it, once', () => {
    // fixtures/load/extends-library: zabbix-docker's compose_zabbix_components.yaml and two files that extend it, trimmed.
    const cwd = path.join(__dirname, '..', 'fixtures', 'load', 'extends-library');
    const lib = 'compose_zabbix_components.yaml';
    const through = {
      code: 1,
      stdout:
        'compose_zabbix_components.yaml:7:15: error: `privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (public: published on 0.0.0.0:10051) [privileged]\n' +
        'docker-compose_v3_ubuntu_pgsql_latest.yaml:20:3: info: secret "MYSQL_ROOT_USER" is declared, but no service uses it; remove it, or attach it where it was meant to be used [unused-resource]\n',
      stderr: '',
    };
    expect(run(['--format', 'compact', lib], { cwd })).toEqual(through);
    // The pre-commit hook passing the library and both users: each project once, each finding once.
    expect(run(['--format', 'compact', 'docker-compose_v3_ubuntu_pgsql_latest.yaml', lib, 'docker-compose_v3_alpine_mysql_latest.yaml'], { cwd })).toEqual(through);
    const debug = run(['--debug', '--format', 'compact', lib], { cwd });
    expect(debug.code).toBe(1);
    expect(debug.stderr.split('\n')).toContain(
      'compose-lint: debug: compose_zabbix_components.yaml cannot stand alone (service "server" has neither image nor build): docker-compose_v3_alpine_mysql_latest.yaml and docker-compose_v3_ubuntu_pgsql_latest.yaml extend it; linted as -f docker-compose_v3_alpine_mysql_latest.yaml and as -f docker-compose_v3_ubuntu_pgsql_latest.yaml',
    );
    // -f keeps its exact meaning: the library alone is what Compose would refuse.
    const alone = run(['--format', 'compact', '-f', lib], { cwd });
    expect(alone.code).toBe(1);
    expect(alone.stdout.split('\n').filter((l) => l.includes('[schema]') || l.includes('undefined secret'))).toEqual([
      'compose_zabbix_components.yaml:5:2: error: service "server" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them [schema]',
      'compose_zabbix_components.yaml:18:2: error: service "server-mysql" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them [schema]',
      'compose_zabbix_components.yaml:22:6: error: service "server-mysql" uses undefined secret "MYSQL_USER" (not declared under the top-level `secrets`) [undefined-reference]',
      'compose_zabbix_components.yaml:26:2: error: service "server-pgsql" has neither an image nor a build context specified: Docker Compose refuses the project; add one of them [schema]',
      'compose_zabbix_components.yaml:30:6: error: service "server-pgsql" uses undefined secret "POSTGRES_USER" (not declared under the top-level `secrets`) [undefined-reference]',
    ]);
  });

  test('a library for extends that stands alone (complete services, defining what they name) is linted alone', () => {
    const cwd = tempProject({
      'common-services.yml': 'services:\n  db:\n    image: postgres:16\n    privileged: true\n    networks: [backend]\nnetworks:\n  backend: {}\n',
      'compose.yaml': 'services:\n  db:\n    extends: {file: common-services.yml, service: db}\n    ports: ["5432:5432"]\n',
    });
    const r = run(['--debug', '--format', 'compact', 'common-services.yml'], { cwd });
    // Alone, as its own project: db publishes nothing there (compose.yaml's ports are not merged in).
    expect({ code: r.code, stdout: r.stdout }).toEqual({
      code: 0,
      stdout:
        'common-services.yml:4:17: warning: `privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (internal: not published) [privileged]\n',
    });
    expect(r.stderr).not.toContain('cannot stand alone');
  });

  test('a name several files beside an overlay define: the hint names the base file, not the alternative that sorts first', () => {
    const zipkin = 'services:\n  zipkin:\n    image: openzipkin/zipkin\n';
    const cwd = tempProject({
      'docker-compose.yml': zipkin,
      'docker-compose-activemq.yml': zipkin + '  activemq:\n    image: openzipkin/zipkin-activemq\n',
      'docker-compose-ui.yml': 'services:\n  zipkin-ui:\n    image: openzipkin/zipkin-ui\n    environment:\n      ZIPKIN_BASE_URL: http://zipkin:9411\n',
    });
    expect(run(['--format', 'compact', 'docker-compose-ui.yml'], { cwd })).toEqual({
      code: 0,
      stdout:
        'docker-compose-ui.yml:5:31: warning: `zipkin` does not resolve from zipkin-ui: nothing in this project is called that; docker-compose.yml:2 defines it on network default, which zipkin-ui also joins when the files are used together: lint them together (add -f docker-compose.yml) [unresolved-hostname]\n',
      stderr: '',
    });
  });

  test('a file not named like a compose file: YAML files beside it with a top-level services: are its neighbours (kafka-stack-docker-compose)', () => {
    const conduktor = 'services:\n  console:\n    image: conduktor/conduktor-console\n    environment:\n      BOOTSTRAP: PLAINTEXT://kafka1:19092\n';
    const kafka = 'services:\n  kafka1:\n    image: confluentinc/cp-kafka\n';
    const cwd = tempProject({
      'conduktor.yml': conduktor,
      'full-stack.yml': kafka,
      // Not compose files: a dot file, and YAML without a top-level services:.
      '.hidden.yml': kafka,
      'alerts.yml': 'groups:\n  - name: kafka1\n    services:\n      kafka1: {}\n',
    });
    expect(run(['--format', 'compact', 'conduktor.yml'], { cwd })).toEqual({
      code: 0,
      stdout:
        'conduktor.yml:5:30: warning: `kafka1` does not resolve from console: nothing in this project is called that; full-stack.yml:2 defines it on network default, which console also joins when the files are used together: lint them together (add -f full-stack.yml) [unresolved-hostname]\n',
      stderr: '',
    });
    // Without full-stack.yml nothing defines it: an error.
    fs.rmSync(path.join(cwd, 'full-stack.yml'));
    expect(run(['--format', 'compact', 'conduktor.yml'], { cwd })).toEqual({
      code: 1,
      stdout:
        'conduktor.yml:5:30: error: `kafka1` does not resolve from console: no service, container_name or network alias is called that; add it to the network aliases of the service meant to answer [unresolved-hostname]\n',
      stderr: '',
    });
  });

  test('a quoted glob is expanded by the tool; one matching nothing exits 2', () => {
    const cwd = tempProject({ 'a/docker-compose-dev.yml': 'version: "3"\nservices:\n  a:\n    image: a\n', 'b/compose-prod.yaml': 'services:\n  b:\n    imagee: b\n' });
    expect(run(['--format', 'compact', '*/*compose-*.y*ml'], { cwd })).toEqual({
      code: 1,
      stdout:
        'a/docker-compose-dev.yml:1:1: warning: `version` is obsolete: Docker Compose v2 ignores it; remove it [obsolete-version]\n' +
        'b/compose-prod.yaml:3:5: error: services.b: unknown key "imagee" (did you mean "image"?) [schema]\n',
      stderr: '',
    });
    expect(run(['c/*.yaml'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: c/*.yaml: no files match this pattern\n' });
  });
});

describe('fatal errors: one line on stderr, exit 2, nothing on stdout', () => {
  const cases: [string, Record<string, string | Buffer>, string[], string][] = [
    ['missing file', {}, ['nothere.yml'], 'compose-lint: nothere.yml: no such file or directory\n'],
    ['missing -f file', {}, ['-f', 'nothere.yml'], 'compose-lint: nothere.yml: no such file or directory\n'],
    [
      'directory without compose files',
      { 'empty/.keep': '' },
      ['empty'],
      'compose-lint: empty: no compose file found in this directory (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)\n',
    ],
    [
      'no compose file to discover',
      {},
      [],
      'compose-lint: no compose file found in the current directory or its parents (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)\n',
    ],
    ['binary file', { 'bin.yaml': Buffer.from([0x00, 0x01, 0x02]) }, ['bin.yaml'], 'compose-lint: bin.yaml: binary file (contains NUL bytes), not a compose file\n'],
    ['unknown flag', {}, ['--bogus'], "compose-lint: unknown option '--bogus'\n"],
    [
      'unknown format',
      { 'compose.yaml': 'services: {}\n' },
      ['--format', 'html'],
      'compose-lint: unknown format "html"; use one of: stylish, compact, json, sarif, github, codeclimate, junit, checkstyle\n',
    ],
    [
      'unknown format that another tool uses for one of ours: a hint',
      { 'compose.yaml': 'services: {}\n' },
      ['--format', 'gitlab'],
      'compose-lint: unknown format "gitlab" (did you mean "codeclimate"? GitLab code quality reads Code Climate JSON); use one of: stylish, compact, json, sarif, github, codeclimate, junit, checkstyle\n',
    ],
    [
      'mistyped format: the closest name',
      { 'compose.yaml': 'services: {}\n' },
      ['--format=sarf'],
      'compose-lint: unknown format "sarf" (did you mean "sarif"?); use one of: stylish, compact, json, sarif, github, codeclimate, junit, checkstyle\n',
    ],
    ['mistyped config format', { 'compose.yaml': 'services: {}\n' }, ['config', '--format', 'yml'], 'compose-lint: unknown format "yml" (did you mean "yaml"?); use yaml or json\n'],
    ['broken .env', { 'compose.yaml': 'services: {}\n', '.env': 'A=1\n%bad=2\n' }, [], 'compose-lint: .env:2: unexpected character "%" in variable name "%bad=2"\n'],
    ['missing --env-file', { 'compose.yaml': 'services: {}\n' }, ['--env-file', 'prod.env'], 'compose-lint: prod.env: no such file or directory\n'],
    [
      'invalid -p',
      { 'compose.yaml': 'services: {}\n' },
      ['-p', 'My App'],
      'compose-lint: invalid project name "My App": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number\n',
    ],
  ];
  test.each(cases)('%s', (_name, files, args, stderr) => {
    const cwd = tempProject(files);
    expect(run(args, { cwd })).toEqual({ code: 2, stdout: '', stderr });
  });

  // The same bytes through a file, stdin and --stdin-filename: the same one-line refusal and exit 2,
  // not a yaml-syntax finding about the top level (an ELF header: `head -c 500 /bin/ls`).
  test('binary bytes on stdin are refused as a file is', () => {
    const elf = '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00';
    const cwd = tempProject({ 'bin.yaml': Buffer.from(elf, 'latin1') });
    const refused = (name: string): CliRun => ({ code: 2, stdout: '', stderr: `compose-lint: ${name}: binary file (contains NUL bytes), not a compose file\n` });
    expect(run(['bin.yaml'], { cwd })).toEqual(refused('bin.yaml'));
    expect(run(['-'], { cwd, input: elf })).toEqual(refused('<stdin>'));
    expect(run(['-f', '-', '--format', 'json'], { cwd, input: elf })).toEqual(refused('<stdin>'));
    expect(run(['--stdin-filename', 'deploy/compose.yaml'], { cwd, input: elf })).toEqual(refused(path.join('deploy', 'compose.yaml')));
    expect(run(['config', '-'], { cwd, input: elf })).toEqual(refused('<stdin>'));
  });

  test('an unreadable file', () => {
    if (process.getuid?.() === 0) return; // root reads everything; the message path is covered by describeFsError
    const cwd = tempProject({ 'compose.yaml': 'services: {}\n' });
    fs.chmodSync(path.join(cwd, 'compose.yaml'), 0);
    expect(run([], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: compose.yaml: permission denied\n' });
  });
});

describe('compose-lint config', () => {
  test('prints the canonical model as JSON, keys sorted as Go prints a map', () => {
    const cwd = tempProject({
      'app/compose.yaml': 'services:\n  web:\n    image: nginx:${TAG:-latest}\n    ports: ["80:80"]\n',
      'app/compose.override.yaml': 'services:\n  web:\n    ports: ["443:443"]\n',
    });
    const r = run(['config', '--format', 'json'], { cwd: path.join(cwd, 'app') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '{',
        '  "name": "app",',
        '  "networks": {',
        '    "default": {',
        '      "name": "app_default"',
        '    }',
        '  },',
        '  "services": {',
        '    "web": {',
        '      "command": null,',
        '      "entrypoint": null,',
        '      "image": "nginx:latest",',
        '      "networks": {',
        '        "default": null',
        '      },',
        '      "ports": [',
        '        {',
        '          "mode": "ingress",',
        '          "target": 80,',
        '          "published": "80",',
        '          "protocol": "tcp"',
        '        },',
        '        {',
        '          "mode": "ingress",',
        '          "target": 443,',
        '          "published": "443",',
        '          "protocol": "tcp"',
        '        }',
        '      ]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  test('--no-interpolate keeps the templates, keys sorted, `$` not doubled', () => {
    const cwd = tempProject({ 'compose.yaml': 'name: demo\nservices:\n  web:\n    image: nginx:${TAG:-latest}\n    command: echo $$HOME\n' });
    expect(run(['config', '--no-interpolate'], { cwd })).toEqual({
      code: 0,
      stdout:
        'name: demo\nnetworks:\n  default:\n    name: demo_default\nservices:\n  web:\n    command:\n      - echo\n      - $$HOME\n    image: nginx:${TAG:-latest}\n    networks:\n      default: null\n',
      stderr: '',
    });
  });

  test('-f files, --env-file and --profile', () => {
    const cwd = tempProject({
      'base.yml': 'services:\n  web:\n    image: web:${TAG}\n  debug:\n    image: busybox\n    profiles: [debug]\n',
      'prod.yml': 'services:\n  web:\n    environment:\n      MODE: prod\n',
      '.env.prod': 'TAG=2.0\n',
    });
    const args = ['config', '-f', 'base.yml', '-f', 'prod.yml', '--env-file', '.env.prod', '--format', 'json'];
    expect(JSON.parse(run(args, { cwd }).stdout).services).toEqual({ web: { command: null, entrypoint: null, image: 'web:2.0', environment: { MODE: 'prod' }, networks: { default: null } } });
    expect(Object.keys(JSON.parse(run([...args, '--profile', 'debug'], { cwd }).stdout).services)).toEqual(['debug', 'web']); // a Go map: sorted
  });

  const LISTED = {
    'compose.yaml':
      'services:\n  web:\n    build: .\n    depends_on: [db]\n    networks: [front, back]\n    volumes: [static:/srv]\n  db:\n    image: postgres:16\n    networks: [back]\n    volumes: [data:/var/lib/postgresql/data]\n  debug:\n    image: busybox\n    profiles: [debug, tools]\n' +
      'networks: {front: {}, back: {}, unused: {}}\nvolumes: {data: {}, static: {}, spare: {}}\n',
  };
  test.each([
    ['--services', 'db\nweb\n'],
    ['--volumes', 'data\nstatic\n'],
    ['--networks', 'back\nfront\n'],
    ['--profiles', 'debug\ntools\n'],
    ['--images', 'postgres:16\nproj-web\n'],
  ])('config %s lists one name a line', (flag, stdout) => {
    const cwd = tempProject(LISTED);
    expect(run(['config', '-p', 'proj', flag], { cwd })).toEqual({ code: 0, stdout, stderr: '' });
  });

  test('takes targets like the lint command; -o writes the file; -q validates by exit code only', () => {
    const cwd = tempProject({ 'app/compose.yaml': 'services:\n  web:\n    image: nginx\n', 'bad/compose.yaml': 'services:\n  web:\n    imagee: nginx\n' });
    const expected = 'name: app\nservices:\n  web:\n    image: nginx\n    networks:\n      default: null\nnetworks:\n  default:\n    name: app_default\n';
    expect(run(['config', 'app/compose.yaml'], { cwd })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(run(['config', 'app', '-o', 'out.yaml'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(cwd, 'out.yaml'), 'utf8')).toBe(expected);
    expect(run(['config', '-q', 'app'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(run(['config', '-q', 'bad'], { cwd })).toEqual({ code: 1, stdout: '', stderr: 'bad/compose.yaml:3: error: services.web: unknown key "imagee" (did you mean "image"?) [schema]\n' });
    expect(run(['config', 'app', 'bad'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compose-lint: these targets form 2 projects (app/compose.yaml, bad/compose.yaml); name the files of one project, or use -f for each file\n',
    });
  });
});

describe('compose-lint rules / explain', () => {
  test('rules lists every rule with its category and severity', () => {
    const r = run(['rules'], { cwd: os.tmpdir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^obsolete-version +style +warning +fixable +The top-level `version` key is obsolete/m);
    expect(r.stdout).toMatch(/^unused-disable +style +off +fixable /m); // off unless a config turns it on
  });
  test('explain prints the docs; an unknown rule is a usage error', () => {
    const r = run(['explain', 'obsolete-version'], { cwd: os.tmpdir() });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['obsolete-version (style, warning, fixable)', '', 'The top-level `version` key is obsolete and ignored by Docker Compose v2.']);
    expect(run(['explain', 'nope'], { cwd: os.tmpdir() })).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: unknown rule "nope"; `compose-lint rules` lists them\n' });
  });
});

test('a reader that closes the pipe early (| head) ends the run quietly: no stack trace', async () => {
  const dir = tempProject({ 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n      K: "${'${A}'.repeat(20000)}"\n` });
  const child = spawn(process.execPath, [BIN, 'compose.yaml'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdout.once('data', () => child.stdout.destroy()); // read the first chunk, then close like `head`
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
