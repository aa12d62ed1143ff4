import { emptyReferencePart, familiarName, ImageReference, imageForMessage, parseImageReference, repositoryName } from '../src/model/image';
import { imageHealthcheck } from '../src/model/image-healthcheck';

/**
 * Exact splits, after Docker's distribution/reference grammar (reference.go, normalize.go and the
 * cases of normalize_test.go): a `:` before the last `/` belongs to the registry host, the tag
 * starts at the first `:` after it, the digest at `@`.
 */
const CASES: [string, ImageReference, string][] = [
  // image, split, familiar name (reference.FamiliarName)
  ['app', { domain: '', path: 'app', tag: '', digest: '' }, 'app'],
  ['redis:7', { domain: '', path: 'redis', tag: '7', digest: '' }, 'redis'],
  ['docker.io/library/redis', { domain: 'docker.io', path: 'library/redis', tag: '', digest: '' }, 'redis'],
  ['index.docker.io/library/redis:7-alpine', { domain: 'index.docker.io', path: 'library/redis', tag: '7-alpine', digest: '' }, 'redis'],
  ['docker.io/redis', { domain: 'docker.io', path: 'redis', tag: '', digest: '' }, 'redis'],
  ['library/redis', { domain: '', path: 'library/redis', tag: '', digest: '' }, 'redis'],
  ['library/team/app', { domain: '', path: 'library/team/app', tag: '', digest: '' }, 'library/team/app'],
  ['grafana/grafana:11.0', { domain: '', path: 'grafana/grafana', tag: '11.0', digest: '' }, 'grafana/grafana'],
  ['localhost:5000/app:1.2@sha256:0123456789abcdef', { domain: 'localhost:5000', path: 'app', tag: '1.2', digest: 'sha256:0123456789abcdef' }, 'localhost:5000/app'],
  ['localhost/app', { domain: 'localhost', path: 'app', tag: '', digest: '' }, 'localhost/app'],
  ['localhost:5000', { domain: '', path: 'localhost', tag: '5000', digest: '' }, 'localhost'],
  ['gcr.io/cadvisor/cadvisor:v0.49.1', { domain: 'gcr.io', path: 'cadvisor/cadvisor', tag: 'v0.49.1', digest: '' }, 'gcr.io/cadvisor/cadvisor'],
  ['Registry.Example.com:5000/Team/Postgres:16-Alpine', { domain: 'registry.example.com:5000', path: 'team/postgres', tag: '16-Alpine', digest: '' }, 'registry.example.com:5000/team/postgres'],
  ['Team/App', { domain: 'team', path: 'app', tag: '', digest: '' }, 'team/app'],
  ['mongo@sha256:abc', { domain: '', path: 'mongo', tag: '', digest: 'sha256:abc' }, 'mongo'],
  ['ghcr.io/org/sub/app:1.2@sha256:abc', { domain: 'ghcr.io', path: 'org/sub/app', tag: '1.2', digest: 'sha256:abc' }, 'ghcr.io/org/sub/app'],
  // Docker refuses these; the split still says where the name ends (a path component holds no `:`).
  ['nginx:1:2', { domain: '', path: 'nginx', tag: '1:2', digest: '' }, 'nginx'],
  ['nginx:', { domain: '', path: 'nginx', tag: '', digest: '' }, 'nginx'],
  ['', { domain: '', path: '', tag: '', digest: '' }, ''],
];

describe('parseImageReference', () => {
  test.each(CASES)('%s', (image, split, familiar) => {
    const ref = parseImageReference(image);
    expect(ref).toEqual(split);
    expect(familiarName(ref)).toBe(familiar);
  });

  test('an image of 100k colons is split in one pass (issue 14: no backtracking regex)', () => {
    const hostile = `x${':'.repeat(100_000)}/`;
    expect(parseImageReference(hostile)).toEqual({ domain: `x${':'.repeat(100_000)}`, path: '', tag: '', digest: '' });
    expect(parseImageReference(`${hostile}redis:${':'.repeat(100_000)}`)).toMatchObject({ domain: `x${':'.repeat(100_000)}`, path: 'redis' });
  });
});

describe('repositoryName', () => {
  test.each([
    ['Registry:5000/Team/Postgres:16@sha256:abc', 'registry:5000/team/postgres', 'postgres'],
    ['postgres', 'postgres', 'postgres'],
    ['localhost:5000/redis', 'localhost:5000/redis', 'redis'],
    ['mongo@sha256:abc', 'mongo', 'mongo'],
    ['x:1:2', 'x', 'x'],
    ['docker.io/library/mongo:4', 'docker.io/library/mongo', 'mongo'],
    ['ghcr.io/org/app:1.2@sha256:0123abcd', 'ghcr.io/org/app', 'app'],
  ])('%s (%s) -> %s', (image, _repository, name) => {
    expect(repositoryName(image)).toBe(name);
  });
});

describe('imageForMessage', () => {
  test.each([
    ['quay.io/debezium/kafka:', 'quay.io/debezium/kafka'],
    ['app@', 'app'],
    ['postgres:16', 'postgres:16'],
    ['registry:5000/app', 'registry:5000/app'],
  ])('%s -> %s', (image, shown) => {
    expect(imageForMessage(image)).toBe(shown);
  });
});

describe('emptyReferencePart', () => {
  test.each<[string, 'tag' | 'digest' | undefined]>([
    ['x:', 'tag'],
    ['quay.io/debezium/kafka:', 'tag'],
    ['localhost:5000/app:', 'tag'],
    ['app@', 'digest'],
    ['nginx:1.27@', 'digest'],
    ['nginx:@sha256:abc', 'tag'],
    ['localhost:5000/app', undefined],
    ['nginx:1.27', undefined],
    ['nginx', undefined],
    ['nginx:1:', undefined],
  ])('%s -> %s', (image, part) => {
    expect(emptyReferencePart(image)).toBe(part);
  });
});

describe('imageHealthcheck', () => {
  test.each<[string, 'declared' | 'none' | undefined]>([
    ['ghcr.io/openzipkin/zipkin:3', 'declared'],
    ['openzipkin/zipkin-mysql', 'declared'],
    ['docker.io/openzipkin/zipkin', 'declared'],
    ['postgres:16', 'none'],
    ['library/mysql:8', 'none'],
    ['docker.io/library/redis:7', 'none'],
    ['bitnami/postgresql:16', undefined],
    ['ghcr.io/example/postgres', undefined],
    ['nginx', undefined],
    ['postgres:${PG}', undefined],
  ])('%s -> %s', (image, known) => {
    expect(imageHealthcheck(image)).toBe(known);
  });
});
