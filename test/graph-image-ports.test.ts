import { imageDefaultPorts } from '../src/graph/image-ports';
import { adminConsole, isGitServer } from '../src/graph/well-known-ports';

describe('imageDefaultPorts', () => {
  test('Docker Hub names in every spelling find the same entry', () => {
    for (const image of ['nginx', 'nginx:1.27', 'library/nginx', 'docker.io/library/nginx:1.27@sha256:abc', 'index.docker.io/nginx']) {
      expect(imageDefaultPorts(image)).toEqual([{ port: 80, protocol: 'tcp', image: 'nginx', source: 'Docker Hub nginx: the default server listens on 80 (EXPOSE 80)' }]);
    }
  });

  test('another registry is another image; a registry port is not a tag', () => {
    expect(imageDefaultPorts('localhost:5000/nginx')).toEqual([]);
    expect(imageDefaultPorts('gcr.io/cadvisor/cadvisor:v0.49.1').map((p) => `${p.image} ${p.port}/${p.protocol}`)).toEqual(['gcr.io/cadvisor/cadvisor 8080/tcp']);
  });

  test('an entry with a tag pattern applies to matching tags only', () => {
    expect(imageDefaultPorts('rabbitmq:3-management').map((p) => p.port)).toEqual([5672, 15672]);
    expect(imageDefaultPorts('rabbitmq:3').map((p) => p.port)).toEqual([5672]);
  });

  test('UDP ports keep their protocol', () => {
    expect(imageDefaultPorts('pihole/pihole').map((p) => `${p.port}/${p.protocol}`)).toEqual(['53/tcp', '53/udp', '80/tcp']);
  });

  // The copies disagreed here: this table split the tag at the last `:` (name `nginx:1.27`), the
  // datastore and tag readers at the first `:` after the last `/`. Docker's grammar allows no `:` in
  // a path component, so the name is `nginx` (Docker then refuses the tag `1.27:alpine` at pull time).
  test('a second `:` in the tag does not become part of the name', () => {
    expect(imageDefaultPorts('nginx:1.27:alpine').map((p) => p.port)).toEqual([80]);
    expect(adminConsole('adminer:4:x')).toBe('the Adminer database console');
  });
});

describe('adminConsole and isGitServer read the repository name', () => {
  test.each([
    ['adminer', 'the Adminer database console'],
    ['docker.io/library/adminer:4', 'the Adminer database console'],
    ['dpage/pgadmin4:8@sha256:abc', 'the pgAdmin database console'],
    ['localhost:5000/portainer/portainer-ce:2', 'the Portainer Docker console'],
    ['nginx', undefined],
  ])('%s', (image, console) => {
    expect(adminConsole(image)).toBe(console);
  });
  test('git servers', () => {
    expect(isGitServer('gitea/gitea:1.22')).toBe(true);
    expect(isGitServer('registry.example.com:5000/gitlab/gitlab-ce:17')).toBe(true);
    expect(isGitServer('gitea-runner')).toBe(false);
  });
});
