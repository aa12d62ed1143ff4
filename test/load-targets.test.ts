/** Targets -> projects (src/load/targets.ts): which files form each project, as Docker Compose forms it. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planProjects, TargetOptions } from '../src/load/targets';
import { loadProject } from '../src/load/project';
import { libraryUsers, whyLibraryNotAlone } from '../src/load/library';
import { lintSync } from '../src/api';

const SVC = (name: string): string => `services:\n  ${name}:\n    image: ${name}\n`;

let dir: string;
function project(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-targets-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each planned project's files, relative to the temporary directory. */
function plan(o: Partial<TargetOptions> & { cwd?: string }): string[][] {
  return planProjects({ osEnv: {}, ...o, cwd: o.cwd ?? dir }).map((p) => (p.files ?? []).map((f) => (f === '-' ? f : path.relative(dir, path.resolve(dir, f)))));
}

describe('a compose file named as a target brings the rest of its project', () => {
  test('a base brings its override; an override brings its base; both named: one project', () => {
    project({ 'compose.yaml': SVC('web'), 'compose.override.yaml': SVC('web'), 'docker-compose.prod.yml': SVC('web') });
    expect(plan({ targets: ['compose.yaml'] })).toEqual([['compose.yaml', 'compose.override.yaml']]);
    expect(plan({ targets: ['compose.override.yaml'] })).toEqual([['compose.yaml', 'compose.override.yaml']]);
    expect(plan({ targets: ['compose.override.yaml', 'compose.yaml'] })).toEqual([['compose.yaml', 'compose.override.yaml']]);
    expect(plan({ targets: ['docker-compose.prod.yml'] })).toEqual([['docker-compose.prod.yml']]);
  });

  test("in another directory: the pair is that directory's", () => {
    project({ 'app/docker-compose.yml': SVC('web'), 'app/docker-compose.override.yml': SVC('web'), 'compose.yaml': SVC('x') });
    expect(plan({ targets: ['app/docker-compose.yml', 'compose.yaml'] })).toEqual([['app/docker-compose.yml', 'app/docker-compose.override.yml'], ['compose.yaml']]);
  });

  test('-f means exactly those files: no override, no COMPOSE_FILE', () => {
    project({ 'compose.yaml': SVC('web'), 'compose.override.yaml': SVC('web'), '.env': 'COMPOSE_FILE=compose.override.yaml\n' });
    expect(plan({ files: ['compose.yaml'] })).toEqual([['compose.yaml']]);
  });
});

describe('a per-environment overlay named alone is linted as users run it: -f <base> -f <overlay>', () => {
  const OVERLAY = 'services:\n  web:\n    ports: ["8080:80"]\n';

  test('an overlay that cannot stand alone (a service without image or build; no services; comment only) is paired with its base, not the override', () => {
    project({
      'docker-compose.yml': SVC('web'),
      'docker-compose.override.yml': SVC('web'),
      'docker-compose.prod.yml': OVERLAY,
      'compose-networks.yaml': 'networks:\n  edge: {}\n',
      'docker-compose.extras.yml': '# nothing yet\n',
    });
    expect(plan({ targets: ['docker-compose.prod.yml'] })).toEqual([['docker-compose.yml', 'docker-compose.prod.yml']]);
    expect(plan({ targets: ['compose-networks.yaml'] })).toEqual([['docker-compose.yml', 'compose-networks.yaml']]);
    expect(plan({ targets: ['docker-compose.extras.yml'] })).toEqual([['docker-compose.yml', 'docker-compose.extras.yml']]);
    const lines: string[] = [];
    planProjects({ osEnv: {}, cwd: dir, targets: ['compose-networks.yaml', 'docker-compose.extras.yml'], onDebug: (l) => lines.push(l) });
    expect(lines).toEqual([
      'compose-networks.yaml cannot stand alone (it defines no services of its own): linted as -f docker-compose.yml -f compose-networks.yaml',
      'docker-compose.extras.yml cannot stand alone (it holds nothing but comments): linted as -f docker-compose.yml -f docker-compose.extras.yml',
    ]);
  });

  test('an overlay named alone that is not a regular file (a FIFO) is not read to decide: it stands alone, and the loader says why it cannot be read', () => {
    project({ 'docker-compose.yml': SVC('web') });
    execFileSync('mkfifo', [path.join(dir, 'docker-compose.prod.yml')]);
    expect(plan({ targets: ['docker-compose.prod.yml'] })).toEqual([['docker-compose.prod.yml']]);
  });

  test('an overlay that stands alone (every service has image, build or extends; or it includes files) is its own project', () => {
    project({
      'compose.yaml': SVC('web'),
      'compose.monitoring.yaml': 'services:\n  prom:\n    image: prom/prometheus\n  exporter:\n    build: ./exporter\n  web2:\n    extends: {file: compose.yaml, service: web}\n',
      'compose.all.yaml': 'include: [compose.yaml]\n',
      'compose.anchors.yaml': 'x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n',
    });
    for (const t of ['compose.monitoring.yaml', 'compose.all.yaml', 'compose.anchors.yaml']) expect(plan({ targets: [t] })).toEqual([[t]]);
  });

  test('an overlay whose services are complete but name what only the base defines (network, volume, secret, config, service) is paired with it', () => {
    project({
      'docker-compose.yaml': 'services:\n  web:\n    image: web\nnetworks:\n  shop: {}\nvolumes:\n  data: {}\nsecrets:\n  token: {file: ./t}\nconfigs:\n  conf: {file: ./c}\n',
      'docker-compose-load.yaml': 'services:\n  load:\n    image: load\n    networks: [shop]\n',
      'docker-compose-data.yaml': 'services:\n  backup:\n    image: backup\n    volumes: ["data:/data:ro"]\n',
      'docker-compose-secret.yaml': 'services:\n  cli:\n    image: cli\n    secrets: [token]\n    configs: [{source: conf, target: /etc/c}]\n',
      'docker-compose-deps.yaml': 'services:\n  load:\n    image: load\n    depends_on: {web: {condition: service_started}}\n',
      'docker-compose-own.yaml': 'services:\n  load:\n    image: load\n    networks: [shop]\n    depends_on: [db]\n  db:\n    image: db\nnetworks:\n  shop: {}\n',
      'docker-compose-typo.yaml': 'services:\n  load:\n    image: load\n    networks: [shopp]\n    depends_on: [wbe]\n',
      'docker-compose-vars.yaml': 'services:\n  load:\n    image: load\n    networks: ["${NET}"]\n',
    });
    for (const t of ['docker-compose-load.yaml', 'docker-compose-data.yaml', 'docker-compose-secret.yaml', 'docker-compose-deps.yaml']) {
      expect(plan({ targets: [t] })).toEqual([['docker-compose.yaml', t]]);
    }
    // What it names it defines itself, or nothing of the base: alone (a typo is reported on the file alone).
    for (const t of ['docker-compose-own.yaml', 'docker-compose-typo.yaml', 'docker-compose-vars.yaml']) expect(plan({ targets: [t] })).toEqual([[t]]);
    const lines: string[] = [];
    planProjects({ osEnv: {}, cwd: dir, targets: ['docker-compose-load.yaml', 'docker-compose-data.yaml', 'docker-compose-secret.yaml', 'docker-compose-deps.yaml'], onDebug: (l) => lines.push(l) });
    expect(lines).toEqual([
      'docker-compose-load.yaml cannot stand alone (service "load" uses network "shop", which only docker-compose.yaml defines): linted as -f docker-compose.yaml -f docker-compose-load.yaml',
      'docker-compose-data.yaml cannot stand alone (service "backup" uses volume "data", which only docker-compose.yaml defines): linted as -f docker-compose.yaml -f docker-compose-data.yaml',
      'docker-compose-secret.yaml cannot stand alone (service "cli" uses secret "token", which only docker-compose.yaml defines): linted as -f docker-compose.yaml -f docker-compose-secret.yaml',
      'docker-compose-deps.yaml cannot stand alone (service "load" depends on service "web", which only docker-compose.yaml defines): linted as -f docker-compose.yaml -f docker-compose-deps.yaml',
    ]);
  });

  test('the base of the same family is preferred; no base, or a file not named like a compose file, stays alone', () => {
    project({
      'compose.yaml': SVC('a'),
      'docker-compose.yml': SVC('b'),
      'docker-compose.prod.yml': OVERLAY,
      'compose.prod.yaml': OVERLAY,
      'jibri.yml': OVERLAY,
      'sub/docker-compose.prod.yml': OVERLAY,
    });
    expect(plan({ targets: ['docker-compose.prod.yml'] })).toEqual([['docker-compose.yml', 'docker-compose.prod.yml']]);
    expect(plan({ targets: ['compose.prod.yaml'] })).toEqual([['compose.yaml', 'compose.prod.yaml']]);
    expect(plan({ targets: ['jibri.yml'] })).toEqual([['jibri.yml']]);
    expect(plan({ targets: ['sub/docker-compose.prod.yml'] })).toEqual([['sub/docker-compose.prod.yml']]);
  });

  test('the base named too is still its own project (docker compose up), besides base + overlay', () => {
    project({ 'compose.yaml': SVC('web'), 'compose.prod.yaml': OVERLAY });
    expect(plan({ targets: ['compose.yaml', 'compose.prod.yaml'] })).toEqual([['compose.yaml'], ['compose.yaml', 'compose.prod.yaml']]);
    expect(plan({ targets: ['compose.prod.yaml', 'compose.prod.yaml'] })).toEqual([['compose.yaml', 'compose.prod.yaml']]);
  });

  test('COMPOSE_FILE listing the overlay wins; -f keeps its exact meaning', () => {
    project({ 'compose.yaml': SVC('web'), 'compose.ports.yaml': SVC('db'), 'compose.prod.yaml': OVERLAY, '.env': 'COMPOSE_FILE=compose.ports.yaml:compose.prod.yaml\n' });
    expect(plan({ targets: ['compose.prod.yaml'] })).toEqual([['compose.ports.yaml', 'compose.prod.yaml']]);
    expect(plan({ files: ['compose.prod.yaml'] })).toEqual([['compose.prod.yaml']]);
  });
});

const LIBRARY = 'services:\n  server:\n    ports: ["10051:10051"]\n    networks: [backend]\n    secrets: [db_user]\n';
const extender = (file: string, extra = ''): string => `services:\n  zabbix-server:\n    image: zabbix/server\n    extends:\n      file: ${file}\n      service: server\n${extra}`;
const DEFINES = 'networks:\n  backend: {}\nsecrets:\n  db_user:\n    file: ./u\n';
const usersOf = (lib: string): string[] => libraryUsers(path.join(dir, lib)).map((f) => path.basename(f));

describe('libraryUsers: the files beside a file whose services extend one of its services', () => {
  test('by extends.file relative to their directory, in any YAML file beside it (compose-named or not), sorted by name', () => {
    project({
      'components.yaml': LIBRARY,
      'docker-compose_v3_mysql.yaml': extender('components.yaml'),
      'compose.yaml': extender('./components.yaml'),
      'sub/compose.yaml': extender('../components.yaml'), // another directory: not looked at
      'other.yml': extender('other-lib.yaml'), // extends another file
      'plain.yml': 'services:\n  web:\n    extends: server\n    image: x\n', // extends within its own file
      'mentions.yml': '# components.yaml\nservices:\n  web:\n    extends: {service: components.yaml}\n', // names it, not as extends.file
      'broken.yml': 'services: [components.yaml, extends\n', // does not parse
      '.hidden.yml': extender('components.yaml'), // a dot file: never a compose file
    });
    expect(usersOf('components.yaml')).toEqual(['compose.yaml', 'docker-compose_v3_mysql.yaml']);
  });

  test('a file extending itself is not its own user; an extends.file holding a variable is not followed', () => {
    project({ 'lib.yml': 'services:\n  a:\n    image: a\n  b:\n    extends: {file: lib.yml, service: a}\n', 'compose.yaml': extender('${LIB}') });
    expect(usersOf('lib.yml')).toEqual([]);
  });

  test('a file nothing extends has no users', () => {
    project({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'lib.yml': LIBRARY });
    expect(usersOf('lib.yml')).toEqual([]);
  });
});

describe('whyLibraryNotAlone: whyNotAlone with each file that extends it', () => {
  test('a service with neither image nor build: the reason names it, whatever the users define', () => {
    project({ 'lib.yml': LIBRARY, 'a.yml': extender('lib.yml', DEFINES) });
    expect(whyLibraryNotAlone(path.join(dir, 'lib.yml'), [path.join(dir, 'a.yml')])).toBe('service "server" has neither image nor build');
  });

  test('complete services naming what only a user defines: the first user that defines it is named', () => {
    project({
      'lib.yml': 'services:\n  db:\n    image: postgres\n    secrets: [db_user]\n',
      'a.yml': extender('lib.yml'),
      'b.yml': extender('lib.yml', DEFINES),
    });
    expect(whyLibraryNotAlone(path.join(dir, 'lib.yml'), [path.join(dir, 'a.yml'), path.join(dir, 'b.yml')])).toBe('service "db" uses secret "db_user", which only b.yml defines');
  });

  test('a library that stands alone (complete services, defining what they name), or one without users: undefined', () => {
    project({
      'lib.yml': 'services:\n  db:\n    image: postgres\n    networks: [backend]\nnetworks:\n  backend: {}\n',
      'partial.yml': LIBRARY,
      'a.yml': extender('lib.yml', DEFINES),
    });
    expect(whyLibraryNotAlone(path.join(dir, 'lib.yml'), [path.join(dir, 'a.yml')])).toBeUndefined();
    expect(whyLibraryNotAlone(path.join(dir, 'partial.yml'), [])).toBeUndefined();
  });
});

describe('a library of services for extends named alone is linted through the files that extend it, as -f <user>', () => {
  const LIB = 'services:\n  server:\n    ports: ["10051:10051"]\n    networks: [backend]\n';
  const USER = (lib: string, image: string): string => `services:\n  zabbix-server:\n    extends: {file: ${lib}, service: server}\n    image: ${image}\nnetworks:\n  backend: {}\n`;

  test('a library that cannot stand alone: one project per file that extends it; named with them, no project twice', () => {
    project({
      'compose_zabbix_components.yaml': LIB,
      'docker-compose_v3_alpine_mysql_latest.yaml': USER('compose_zabbix_components.yaml', 'zabbix/server-mysql'),
      'docker-compose_v3_ubuntu_pgsql_latest.yaml': USER('./compose_zabbix_components.yaml', 'zabbix/server-pgsql'),
    });
    const both = [['docker-compose_v3_alpine_mysql_latest.yaml'], ['docker-compose_v3_ubuntu_pgsql_latest.yaml']];
    expect(plan({ targets: ['compose_zabbix_components.yaml'] })).toEqual(both);
    // The pre-commit hook passing the library and its users: each project once.
    expect(plan({ targets: ['compose_zabbix_components.yaml', 'docker-compose_v3_alpine_mysql_latest.yaml', 'docker-compose_v3_ubuntu_pgsql_latest.yaml'] })).toEqual(both);
    expect(plan({ targets: ['docker-compose_v3_ubuntu_pgsql_latest.yaml', 'compose_zabbix_components.yaml'] })).toEqual([both[1], both[0]]);
    const lines: string[] = [];
    planProjects({ osEnv: {}, cwd: dir, targets: ['compose_zabbix_components.yaml'], onDebug: (l) => lines.push(l) });
    expect(lines).toEqual([
      'compose_zabbix_components.yaml cannot stand alone (service "server" has neither image nor build): docker-compose_v3_alpine_mysql_latest.yaml and docker-compose_v3_ubuntu_pgsql_latest.yaml extend it; linted as -f docker-compose_v3_alpine_mysql_latest.yaml and as -f docker-compose_v3_ubuntu_pgsql_latest.yaml',
    ]);
    // -f keeps its exact meaning.
    expect(plan({ files: ['compose_zabbix_components.yaml'] })).toEqual([['compose_zabbix_components.yaml']]);
  });

  test('a user is linted in the project Compose forms for it (a base brings its override); extends beats the overlay guess by name', () => {
    project({
      'docker-compose.common.yml': LIB,
      'docker-compose.yml': USER('docker-compose.common.yml', 'web'),
      'docker-compose.override.yml': 'services:\n  zabbix-server:\n    restart: always\n',
    });
    expect(plan({ targets: ['docker-compose.common.yml'] })).toEqual([['docker-compose.yml', 'docker-compose.override.yml']]);
    const lines: string[] = [];
    planProjects({ osEnv: {}, cwd: dir, targets: ['docker-compose.common.yml'], onDebug: (l) => lines.push(l) });
    expect(lines).toEqual([
      'docker-compose.common.yml cannot stand alone (service "server" has neither image nor build): docker-compose.yml extends it; linted as -f docker-compose.yml -f docker-compose.override.yml',
    ]);
  });

  test('a library that stands alone (complete services, defining what they name) is its own project', () => {
    project({
      'common-services.yml': 'services:\n  db:\n    image: postgres\n    networks: [backend]\nnetworks:\n  backend: {}\n',
      'compose.yaml': 'services:\n  db:\n    extends: {file: common-services.yml, service: db}\n',
    });
    expect(plan({ targets: ['common-services.yml'] })).toEqual([['common-services.yml']]);
  });

  test('complete services naming a network only a user defines: linted through that user', () => {
    project({
      'databases.yml': 'services:\n  db:\n    image: postgres\n    networks: [backend]\n',
      'stack.yml': 'services:\n  db:\n    extends: {file: databases.yml, service: db}\nnetworks:\n  backend: {}\n',
    });
    expect(plan({ targets: ['databases.yml'] })).toEqual([['stack.yml']]);
  });
});

describe("the directory's .env is read before the files are chosen", () => {
  const files = { 'compose.yaml': SVC('web'), 'compose.ports.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n', 'compose.override.yaml': SVC('web') };

  test('COMPOSE_FILE in .env chooses the files: with no target, a directory target, or one of its files', () => {
    project({ ...files, '.env': 'COMPOSE_FILE=compose.yaml:compose.ports.yaml\n' });
    for (const targets of [undefined, ['.'], ['compose.ports.yaml'], ['compose.yaml', 'compose.ports.yaml']]) {
      expect(plan({ targets })).toEqual([['compose.yaml', 'compose.ports.yaml']]);
    }
    // A compose file COMPOSE_FILE does not list is still linted, as its own project.
    expect(plan({ targets: ['compose.override.yaml'] })).toEqual([['compose.yaml', 'compose.override.yaml']]);
  });

  test('COMPOSE_PATH_SEPARATOR splits it; the OS environment wins over .env', () => {
    project({ ...files, '.env': 'COMPOSE_PATH_SEPARATOR=,\nCOMPOSE_FILE=compose.ports.yaml,compose.yaml\n' });
    expect(plan({})).toEqual([['compose.ports.yaml', 'compose.yaml']]);
    expect(plan({ osEnv: { COMPOSE_FILE: 'compose.yaml' } })).toEqual([['compose.yaml']]);
  });

  test("a subdirectory's .env chooses its files; the OS COMPOSE_FILE names files of the cwd only", () => {
    project({ 'compose.yaml': SVC('root'), 'sub/a.yml': SVC('a'), 'sub/b.yml': SVC('b'), 'sub/.env': 'COMPOSE_FILE=a.yml:b.yml\n', 'other/compose.yaml': SVC('o') });
    const osEnv = { COMPOSE_FILE: 'compose.yaml' };
    expect(plan({ targets: ['.'], osEnv })).toEqual([['compose.yaml'], ['other/compose.yaml'], ['sub/a.yml', 'sub/b.yml']]);
    expect(plan({ targets: ['sub/b.yml'], osEnv })).toEqual([['sub/a.yml', 'sub/b.yml']]);
  });

  test("COMPOSE_PROJECT_NAME and COMPOSE_PROFILES of that .env apply; it wins over the project directory's .env", () => {
    project({
      '.env': 'COMPOSE_FILE=deploy/compose.yaml\nCOMPOSE_PROJECT_NAME=shop\nCOMPOSE_PROFILES=debug\nTAG=from-launch-dir\n',
      'deploy/.env': 'TAG=from-project-dir\nREGISTRY=local\n',
      'deploy/compose.yaml': 'services:\n  web:\n    image: ${REGISTRY}/web:${TAG}\n  debugger:\n    image: gdb\n    profiles: [debug]\n',
    });
    const [p] = planProjects({ cwd: dir, osEnv: {} });
    const { project: loaded, problems } = loadProject(p);
    expect(problems).toEqual([]);
    expect({ name: loaded.name, profiles: loaded.profiles, workingDir: loaded.workingDir }).toEqual({ name: 'shop', profiles: ['debug'], workingDir: path.join(dir, 'deploy') });
    expect(loaded.model.services).toEqual({ web: { image: 'local/web:from-launch-dir' }, debugger: { image: 'gdb', profiles: ['debug'] } });
  });
});

describe('a directory target walks the tree below it', () => {
  // 13 nested directories, each with a compose file: the target's own counts as level 0.
  const deep = Array.from({ length: 14 }, (_, i) => `${Array.from({ length: i }, (_unused, j) => `d${j + 1}/`).join('')}compose.yaml`);
  const tree = (): string =>
    project({
      'compose.yaml': SVC('root'),
      '.devcontainer/docker-compose.yml': SVC('dev'),
      '.github/ci/compose.yaml': SVC('ci'),
      '.git/hooks/compose.yaml': SVC('git'),
      '.hg/compose.yaml': SVC('hg'),
      '.svn/compose.yaml': SVC('svn'),
      'node_modules/pkg/docker-compose.yml': SVC('pkg'),
      'app/node_modules/other/compose.yaml': SVC('other'),
      'vendor/lib/compose.yaml': SVC('lib'),
      'app/compose.yaml': SVC('app'),
    });

  test('dot-directories are searched; .git, .hg, .svn, node_modules and vendor are not, each said on --debug', () => {
    tree();
    const lines: string[] = [];
    expect(plan({ targets: ['.'], onDebug: (l) => lines.push(l) })).toEqual([['compose.yaml'], ['.devcontainer/docker-compose.yml'], ['.github/ci/compose.yaml'], ['app/compose.yaml']]);
    expect(lines).toEqual([
      'not searched for compose files: .git/ (Git metadata)',
      'not searched for compose files: .hg/ (Mercurial metadata)',
      'not searched for compose files: .svn/ (Subversion metadata)',
      'not searched for compose files: app/node_modules/ (installed npm packages)',
      'not searched for compose files: node_modules/ (installed npm packages)',
      'not searched for compose files: vendor/ (vendored dependencies)',
    ]);
  });

  test('a skipped name named as the target itself is searched', () => {
    tree();
    expect(plan({ targets: ['vendor', 'node_modules'] })).toEqual([['vendor/lib/compose.yaml'], ['node_modules/pkg/docker-compose.yml']]);
  });

  test('12 levels below the target are searched, not the 13th, said on --debug', () => {
    project(Object.fromEntries(deep.map((f, i) => [f, SVC(`s${i}`)])));
    const lines: string[] = [];
    expect(plan({ targets: ['.'], onDebug: (l) => lines.push(l) })).toEqual(deep.slice(0, 13).map((f) => [f]));
    expect(lines).toEqual([`not searched for compose files: ${deep[12].replace('compose.yaml', '')}d13/ (more than 12 levels below the target)`]);
  });
});

describe('quoted globs are expanded by the tool', () => {
  test('matches, sorted; targets of one project still make one project', () => {
    project({ 'b/docker-compose.yml': SVC('b'), 'a/docker-compose.yml': SVC('a'), 'a/docker-compose.override.yml': SVC('a'), 'a/notes.yml': 'x: 1\n' });
    expect(plan({ targets: ['*/docker-compose*.yml'] })).toEqual([['a/docker-compose.yml', 'a/docker-compose.override.yml'], ['b/docker-compose.yml']]);
    expect(plan({ targets: ['**/docker-compose.override.yml'] })).toEqual([['a/docker-compose.yml', 'a/docker-compose.override.yml']]);
  });

  test('a glob that matches nothing is an error, like ESLint', () => {
    project({ 'compose.yaml': SVC('web') });
    expect(() => plan({ targets: ['deploy/*.yaml'] })).toThrow('deploy/*.yaml: no files match this pattern');
  });
});

describe("neighbours: only other compose files, never the project's own", () => {
  const neighbours = (o: Parameters<typeof lintSync>[0]): string[][] => lintSync({ env: {}, config: false, ...o, cwd: dir }).projects.map((p) => (p.neighbours ?? []).map((n) => n.path));

  test('compose files by name; not .compose-lint.yaml, other YAML, the override or an included file', () => {
    project({
      'compose.yaml': 'include: [compose.db.yaml]\nservices:\n  web:\n    image: web\n',
      'compose.override.yaml': SVC('web'),
      'compose.db.yaml': SVC('db'),
      'docker-compose-monitoring.yml': SVC('prometheus'),
      'compose-prod.yaml': SVC('web'),
      'fleet-compose.yml': SVC('fleet'),
      '.compose-lint.yaml': 'rules: {}\n',
      'app.yml': SVC('x'),
    });
    expect(neighbours({ targets: ['compose.yaml'] })).toEqual([['compose-prod.yaml', 'docker-compose-monitoring.yml', 'fleet-compose.yml']]);
  });

  test('the file an editor buffer stands for is not its own neighbour: its saved copy softens nothing', () => {
    // On disk, compose.yaml still defines post_db; the unsaved buffer removed it.
    project({ 'compose.yaml': SVC('post_db') + '  ui:\n    image: ui\n    environment:\n      POST_DATABASE_HOST: post_db\n', 'docker-compose.db.yml': SVC('db') });
    const buffer = 'services:\n  ui:\n    image: ui\n    environment:\n      POST_DATABASE_HOST: post_db\n';
    expect(neighbours({ text: { path: 'compose.yaml', content: buffer } })).toEqual([['docker-compose.db.yml']]);
    const { findings } = lintSync({ cwd: dir, env: {}, config: false, text: { path: 'compose.yaml', content: buffer } });
    expect(findings.map((f) => [f.file, f.line, f.column, f.severity, f.rule, f.message])).toEqual([
      [
        'compose.yaml',
        5,
        27,
        'error',
        'unresolved-hostname',
        '`post_db` does not resolve from ui: no service, container_name or network alias is called that; add it to the network aliases of the service meant to answer',
      ],
    ]);
  });
});
