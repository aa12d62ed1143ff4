import * as fs from 'fs';
import * as path from 'path';
import { expandPortRange, normalizePorts, parsePortSpec, PortError, PortMapping } from '../src/model/ports';

type Case = PortMapping[] | { error: string };
const cases = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'spec-cases', 'ports.json'), 'utf8')) as Record<string, Case>;

/** Checks both the class and the exact message of what `fn` throws. */
function expectPortError(fn: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(PortError);
  expect((thrown as Error).message).toBe(message);
}

describe('parsePortSpec: go-connections table (fixtures/spec-cases/ports.json)', () => {
  test('the table is there', () => {
    expect(Object.keys(cases)).toHaveLength(17);
  });
  test.each(Object.entries(cases))('%s', (spec, expected) => {
    if (Array.isArray(expected)) {
      expect(parsePortSpec(spec)).toEqual(expected);
    } else {
      expectPortError(() => parsePortSpec(spec), expected.error);
    }
  });
});

const tcp = (target: number, published = '', hostIp = ''): PortMapping => ({ host_ip: hostIp, mode: 'ingress', protocol: 'tcp', published, target });

describe('parsePortSpec: more of the syntax', () => {
  test.each<[string | number, PortMapping[]]>([
    [80, [tcp(80)]],
    ['80/', [tcp(80)]],
    ['8000-8001:80', [tcp(80, '8000-8001')]],
    ['0080:080', [tcp(80, '80')]],
    ['[::]::53/UDP', [{ host_ip: '::', mode: 'ingress', protocol: 'udp', published: '', target: 53 }]],
    ['[::ffff:10.0.0.1]:443:443', [tcp(443, '443', '::ffff:10.0.0.1')]],
    // compose-go sorts container ports as text: 10/tcp comes before 9/tcp.
    ['9-10', [tcp(10), tcp(9)]],
    ['1-2-3', [tcp(1), tcp(2)]],
  ])('%s', (spec, expected) => {
    expect(parsePortSpec(spec)).toEqual(expected);
  });

  test.each<[string | number, string]>([
    ['', 'No port specified: <empty>'],
    ['80:', 'No port specified: 80:<empty>'],
    ['/udp', 'No port specified: /udp<empty>'],
    [80.5, 'Invalid containerPort: 80.5'],
    [-1, 'Invalid containerPort: -1'],
    ['65536', 'Invalid containerPort: 65536'],
    ['+80', 'Invalid containerPort: +80'],
    ['90-80', 'Invalid containerPort: 90-80'],
    ['x:80', 'Invalid hostPort: x'],
    ['8000:80-81', 'Invalid ranges specified for container and host Ports: 80-81 and 8000'],
    ['80/icmp', 'Invalid proto: icmp'],
    ['1.2.3.4.5:80:80', 'Invalid ip address: 1.2.3.4.5'],
    ['01.2.3.4:80:80', 'Invalid ip address: 01.2.3.4'],
    ['[fe80::1%eth0]:80:80', 'Invalid ip address: fe80::1%eth0'],
    ['[::1:80:80', "Invalid ip address [::1: address [::1:: missing ']' in address"],
    ['[::1]x:80:80', 'Invalid ip address [::1]x: address [::1]x:: missing port in address'],
    ['[::1]:1:80:80', 'Invalid ip address [::1]:1: address [::1]:1:: too many colons in address'],
    ['1.2.3.4]:80:80', "Invalid ip address 1.2.3.4]: address 1.2.3.4]:: unexpected ']' in address"],
  ])('%s -> error', (spec, message) => {
    expectPortError(() => parsePortSpec(spec), message);
  });
});

describe('normalizePorts', () => {
  test('short syntax, as string or number', () => {
    expect(normalizePorts('127.0.0.1:8080:80')).toEqual([tcp(80, '8080', '127.0.0.1')]);
    expect(normalizePorts(3000)).toEqual([tcp(3000)]);
  });

  test('long syntax gets compose-go defaults and keeps what was written', () => {
    expect(normalizePorts({ target: 80 })).toEqual([{ target: 80, protocol: 'tcp', mode: 'ingress' }]);
    expect(normalizePorts({ target: '8080', published: 8000, host_ip: '::1', protocol: 'udp', mode: 'host', name: 'web', app_protocol: 'http', 'x-note': 1 })).toEqual([
      { target: 8080, published: '8000', host_ip: '::1', protocol: 'udp', mode: 'host', name: 'web', app_protocol: 'http' },
    ]);
    expect(normalizePorts({ target: 80, published: '8000-8010' })).toEqual([{ target: 80, published: '8000-8010', protocol: 'tcp', mode: 'ingress' }]);
  });

  test.each<[unknown, string]>([
    [{ published: 80 }, 'No port specified: "target" is missing'],
    [{ target: 'http' }, 'Invalid containerPort: http'],
    [{ target: 70000 }, 'Invalid containerPort: 70000'],
    [{ target: 80, published: '9000-8000' }, 'Invalid hostPort: 9000-8000'],
    [{ target: 80, host_ip: 'localhost' }, 'Invalid ip address: localhost'],
    [true, 'invalid type boolean for port'],
    [null, 'invalid type null for port'],
    [[80], 'invalid type list for port'],
  ])('%j -> error', (entry, message) => {
    expectPortError(() => normalizePorts(entry), message);
  });
});

describe('expandPortRange', () => {
  test('a range, a single port, and nothing', () => {
    expect(expandPortRange('8000-8003')).toEqual([8000, 8001, 8002, 8003]);
    expect(expandPortRange('8080')).toEqual([8080]);
    expect(expandPortRange('')).toEqual([]);
  });
  test('an invalid range is a PortError', () => {
    expectPortError(() => expandPortRange('80-x'), 'Invalid hostPort: 80-x');
  });
});
