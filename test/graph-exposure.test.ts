/** Exposure levels: public (non-loopback publish, host network), adjacent (shares a network or namespace with a public service), internal. */
import { graphOf } from './graph-helpers';
import { isLoopbackAddress, publishedAddress } from '../src/graph/exposure';

const levels = (yaml: string): Record<string, string> => Object.fromEntries([...graphOf(yaml).services.values()].map((n) => [n.name, `${n.exposure.level}: ${n.exposure.reason}`]));

describe('exposure', () => {
  test.each([
    ['a port with no host IP', '"8080:80"', 'public: published on 0.0.0.0:8080'],
    ['a bare container port (ephemeral host port)', '"8080"', 'public: published on 0.0.0.0 (an ephemeral port for 8080)'],
    ['0.0.0.0', '"0.0.0.0:5432:5432"', 'public: published on 0.0.0.0:5432'],
    ['a LAN address', '"192.168.1.5:80:80"', 'public: published on 192.168.1.5:80'],
    ['IPv6 any', '"[::]:443:443"', 'public: published on [::]:443'],
    ['127.0.0.1 only', '"127.0.0.1:5432:5432"', 'internal: not published'],
    ['127.0.0.2 (loopback range)', '"127.0.0.2:5432:5432"', 'internal: not published'],
    ['::1 only', '"[::1]:5432:5432"', 'internal: not published'],
  ])('%s', (_name, port, expected) => {
    expect(levels(`services:\n  web:\n    image: nginx\n    ports: [${port}]\n`).web).toBe(expected);
  });

  test('host network is public; neighbours on a network of a public service are adjacent; the rest internal', () => {
    const yaml = [
      'services:',
      '  edge: {image: nginx, network_mode: host}',
      '  ui: {image: ui, ports: ["80:80"], networks: [front]}',
      '  api: {image: api, networks: [front, back]}',
      '  db: {image: postgres, networks: [back]}',
      '  sidecar: {image: envoy, network_mode: "service:ui"}',
      '  debug: {image: busybox, pid: "service:ui", networks: [back]}',
      'networks: {front: {}, back: {}}',
      '',
    ].join('\n');
    expect(levels(yaml)).toEqual({
      edge: 'public: on the host network (network_mode: host)',
      ui: 'public: published on 0.0.0.0:80',
      api: 'adjacent: on front with public service ui',
      db: 'internal: not published',
      sidecar: 'adjacent: in the network namespace of public service ui',
      debug: 'adjacent: in the pid namespace of public service ui',
    });
  });

  // Docker maps ports only through the network giving the container its gateway; internal networks give none (moby bridge_linux.go Join, default_gateway.go needDefaultGW).
  test('ports of a service only on internal networks are not published, and its neighbours are not adjacent to it', () => {
    const yaml = [
      'services:',
      '  isolated: {image: example/isolated:1, ports: ["9000:9000"], networks: [data]}',
      '  db: {image: postgres:16, environment: {POSTGRES_PASSWORD: x}, networks: [data]}',
      '  two: {image: two, ports: ["9001:9001"], networks: [data, cache]}',
      '  both: {image: both, ports: ["9002:9002"], networks: [data2, front]}',
      '  back: {image: back, networks: [data2]}',
      '  ext: {image: ext, ports: ["9003:9003"], networks: [outside]}',
      '  local: {image: local, ports: ["127.0.0.1:9004:9004"], networks: [cache]}',
      'networks:',
      '  data: {internal: true}',
      '  data2: {internal: true}',
      '  cache: {internal: true}',
      '  front: {}',
      '  outside: {external: true, internal: true}',
      '',
    ].join('\n');
    expect(levels(yaml)).toEqual({
      isolated: 'internal: not published: only on internal network data',
      db: 'internal: not published',
      two: 'internal: not published: only on internal networks data and cache',
      both: 'public: published on 0.0.0.0:9002',
      back: 'adjacent: on data2 with public service both',
      ext: 'public: published on 0.0.0.0:9003',
      local: 'internal: not published',
    });
  });

  test('the implicit default network is internal only when declared so; none and service: namespaces publish nothing', () => {
    const svc = 'services:\n  app: {image: app, ports: ["8080:80"]}\n';
    expect(levels(svc).app).toBe('public: published on 0.0.0.0:8080');
    expect(levels(`${svc}networks: {default: {internal: true}}\n`).app).toBe('internal: not published: only on internal network default');
    expect(levels(`${svc}networks: {default: {internal: false}}\n`).app).toBe('public: published on 0.0.0.0:8080');
    expect(levels('services:\n  app: {image: app, network_mode: bridge, ports: ["8080:80"]}\n').app).toBe('public: published on 0.0.0.0:8080');
    expect(levels('services:\n  app: {image: app, network_mode: none, ports: ["8080:80"]}\n').app).toBe('internal: not published');
    expect(levels('services:\n  ui: {image: ui}\n  app: {image: app, network_mode: "service:ui", ports: ["8080:80"]}\n')).toEqual({ ui: 'internal: not published', app: 'internal: not published' });
  });

  test('loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].map(isLoopbackAddress)).toEqual([true, true, true, true, true]);
    expect(['', '0.0.0.0', '::', '10.0.0.1', '128.0.0.1'].map(isLoopbackAddress)).toEqual([false, false, false, false, false]);
  });

  test('published addresses', () => {
    expect(publishedAddress({ hostIp: '::', published: '53', target: 53, protocol: 'udp' })).toBe('[::]:53');
  });
});
