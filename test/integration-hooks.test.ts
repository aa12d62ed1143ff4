/** .pre-commit-hooks.yaml: the hook definition and its `files` pattern. */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { isComposeFileName } from '../src/load/discover';

const hooks = parse(fs.readFileSync(path.join(__dirname, '..', '.pre-commit-hooks.yaml'), 'utf8'));

test('defines the compose-lint node hook that receives the file names', () => {
  expect(hooks).toHaveLength(1);
  expect(hooks[0]).toMatchObject({ id: 'compose-lint', entry: 'compose-lint', language: 'node', pass_filenames: true });
});

// pre-commit applies `files` with Python's re.search on the repo-relative path; this pattern uses
// nothing whose meaning differs between Python and JavaScript regexps.
const files = new RegExp(hooks[0].files);

test.each([
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.prod.yml',
  'docker-compose.dev.local.yaml',
  'compose.staging.yaml',
  'compose.ci.yml',
  'compose-prod.yml',
  'compose-prod.yaml',
  'docker-compose-dev.yml',
  'docker-compose-monitoring.yaml',
  'deploy/compose.yaml',
  'a/b c/docker-compose.test.yml',
  '.devcontainer/docker-compose.yml',
])('matches %s', (name) => {
  expect(files.test(name)).toBe(true);
});

test.each([
  'compose.json',
  'compose.yaml.bak',
  'docker-compose.yml.orig',
  'docker-compose.txt',
  'mycompose.yml',
  'my-docker-compose.yml',
  'docker_compose.yml',
  'composer.yml',
  '.compose-lint.yaml',
  'compose-.yml',
  'Compose.yaml',
  'docker-compose..yml',
  'compose.yaml/README.md',
  'k8s/deployment.yaml',
  '.github/workflows/compose.yml.j2',
])('does not match %s', (name) => {
  expect(files.test(name)).toBe(false);
});

test('the loader counts the same names as compose files (the neighbours of a project)', () => {
  const names = ['compose.yaml', 'docker-compose-dev.yml', 'compose-prod.yaml', 'docker-compose.prod.yml', '.compose-lint.yaml', 'compose-.yml', 'Compose.yaml', 'app.yml', 'compose.yaml.bak'];
  expect(names.filter(isComposeFileName)).toEqual(names.filter((n) => files.test(n)));
  expect(names.filter(isComposeFileName)).toEqual(['compose.yaml', 'docker-compose-dev.yml', 'compose-prod.yaml', 'docker-compose.prod.yml']);
});

test('.npmrc keeps `npm pack` stdout to the tarball name, which pre-commit installs from', () => {
  // pre-commit's node install reads `npm pack` stdout as a file name; foreground lifecycle
  // scripts (prepare -> build) would print their banners there.
  const npmrc = fs.readFileSync(path.join(__dirname, '..', '.npmrc'), 'utf8');
  expect(npmrc.split('\n').filter((l) => !l.startsWith('#') && l.trim())).toContain('foreground-scripts=false');
});
