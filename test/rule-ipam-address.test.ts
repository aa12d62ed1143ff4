import rule from '../rules/ipam-address';
import { firstOverlaps, parseSubnet } from '../rules/ipam-address';
import { BlockList } from 'net';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

const network = (name: string, ...subnets: string[]): string[] => [`  ${name}:`, '    ipam:', '      config:', ...subnets.map((s) => `        - subnet: "${s}"`)];

describe('parseSubnet', () => {
  test('IPv4 and IPv6 CIDRs; anything else is not a subnet', () => {
    expect(parseSubnet('n', '10.0.0.0/8')).toMatchObject({ family: 'ipv4', address: '10.0.0.0', prefix: 8 });
    expect(parseSubnet('n', 'fd00::/64')).toMatchObject({ family: 'ipv6', prefix: 64 });
    expect(parseSubnet('n', '10.0.0.0/33')).toBeUndefined();
    expect(parseSubnet('n', '/24')).toBeUndefined();
  });
});

describe('firstOverlaps', () => {
  /** The first earlier subnet of another network that overlaps, found pair by pair with Node's BlockList (the definition). */
  const bruteForce = (subnets: NonNullable<ReturnType<typeof parseSubnet>>[]) => {
    const blocks = subnets.map((s) => {
      const b = new BlockList();
      b.addSubnet(s.address, s.prefix, s.family);
      return b;
    });
    return subnets.map((s, i) =>
      subnets.slice(0, i).find((o, j) => o.network !== s.network && o.family === s.family && (blocks[j].check(s.address, s.family) || blocks[i].check(o.address, o.family))),
    );
  };

  test('agrees with the pairwise definition on 300 random projects (nesting, host bits, IPv4 and IPv6, shared networks)', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const v4 = (): string => `10.${rand(4)}.${rand(4) * 64}.${rand(3) * 7}/${[8, 16, 18, 24, 26, 32][rand(6)]}`;
    const v6 = (): string => [`fd00:${rand(3)}::${rand(3)}/${[48, 64, 96, 128][rand(4)]}`, `fd00::/${[8, 16][rand(2)]}`, `::ffff:10.${rand(4)}.0.0/${[104, 112][rand(2)]}`][rand(3)];
    for (let project = 0; project < 300; project++) {
      const subnets = Array.from({ length: 2 + rand(12) }, () => parseSubnet(`n${rand(5)}`, rand(3) ? v4() : v6())!);
      expect(firstOverlaps(subnets)).toEqual(bruteForce(subnets));
    }
  });
});

ruleTester(rule, {
  valid: [
    {
      name: 'disjoint subnets, addresses inside, IPv6 too; unset variables are skipped',
      code: lines(
        'services:',
        '  a:',
        '    image: x',
        '    networks:',
        '      n1:',
        '        ipv4_address: 10.1.0.5',
        '        ipv6_address: "fd00:1::5"',
        '      n2:',
        '        ipv4_address: ${UNSET_IP}',
        'networks:',
        ...network('n1', '10.1.0.0/16', 'fd00:1::/64'),
        ...network('n2', '10.2.0.0/16'),
      ),
    },
    {
      name: 'overlapping subnets of a network no service uses: Compose does not create it',
      code: lines('services:', '  a:', '    image: x', '    networks: [n1]', 'networks:', ...network('n1', '10.1.0.0/16'), ...network('spare', '10.1.2.0/24')),
    },
  ],
  invalid: [
    {
      name: 'overlap across networks (IPv6), reported at the later subnet',
      code: lines('services:', '  a:', '    image: x', '    networks: [n1, n2]', 'networks:', ...network('n1', 'fd00:1::/32'), ...network('n2', 'fd00:1:2::/64')),
      findings: [
        {
          line: 13,
          column: 19,
          severity: 'error',
          message: 'subnet fd00:1:2::/64 of network n2 overlaps fd00:1::/32 of network n1: Docker refuses to create the second network ("Pool overlaps with other one on this address space")',
        },
      ],
    },
    {
      name: 'outside, duplicate, and on the implicit default network without a subnet',
      code: lines(
        'services:',
        '  a:',
        '    image: x',
        '    networks:',
        '      n1:',
        '        ipv4_address: 10.9.0.5',
        '  b:',
        '    image: x',
        '    networks:',
        '      n1:',
        '        ipv4_address: 10.9.0.5',
        '      default:',
        '        ipv4_address: 172.20.0.9',
        'networks:',
        ...network('n1', '10.1.0.0/16'),
      ),
      findings: [
        { line: 6, column: 23, severity: 'error', service: 'a', messageId: 'outside', data: { key: 'ipv4_address', address: '10.9.0.5', network: 'n1', family: 'IPv4', subnets: '10.1.0.0/16' } },
        { line: 11, column: 23, severity: 'error', service: 'b', messageId: 'outside' },
        { line: 11, column: 23, severity: 'error', service: 'b', messageId: 'duplicate', data: { key: 'ipv4_address', address: '10.9.0.5', network: 'n1', other: 'a' } },
        { line: 13, column: 23, severity: 'error', service: 'b', messageId: 'noSubnet', data: { key: 'ipv4_address', address: '172.20.0.9', network: 'default', family: 'IPv4' } },
      ],
    },
  ],
});
