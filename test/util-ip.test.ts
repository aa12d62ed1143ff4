/** src/util/ip.ts: the same answers as Node's net.isIP, which it replaces on the start-up path. */
import { isIP } from 'net';
import { addressValue, ipVersion } from '../src/util/ip';

const CASES: [string, 0 | 4 | 6][] = [
  ['0.0.0.0', 4],
  ['127.0.0.1', 4],
  ['255.255.255.255', 4],
  ['256.0.0.1', 0],
  ['01.2.3.4', 0], // leading zero
  ['1.2.3', 0],
  ['1.2.3.4.5', 0],
  ['', 0],
  ['localhost', 0],
  ['8080', 0],
  ['::', 6],
  ['::1', 6],
  ['fe80::1%eth0', 6],
  ['2001:db8::8a2e:370:7334', 6],
  ['::ffff:192.0.2.1', 6],
  ['1:2:3:4:5:6:7:8', 6],
  ['1:2:3:4:5:6:7:8:9', 0],
  [':::', 0],
  ['db:5432', 0],
  ['[::1]', 0],
];

test.each(CASES)('%j is IPv%d (0: not an address), as net.isIP says', (text, version) => {
  expect(ipVersion(text)).toBe(version);
  expect(isIP(text)).toBe(version);
});

describe('addressValue', () => {
  test.each<[string, 4 | 6, bigint]>([
    ['0.0.0.0', 4, 0n],
    ['10.1.2.3', 4, 0x0a010203n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['fd00::', 6, 0xfd00n << 112n],
    ['fd00:1::5', 6, (0xfd00n << 112n) | (1n << 96n) | 5n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
    ['::ffff:10.0.0.1', 6, (0xffffn << 32n) | 0x0a000001n],
    ['64:ff9b::192.0.2.33', 6, (0x64n << 112n) | (0xff9bn << 96n) | 0xc0000221n],
    ['fe80::1%eth0', 6, (0xfe80n << 112n) | 1n],
    ['FD00::ABCD', 6, (0xfd00n << 112n) | 0xabcdn],
  ])('%s (IPv%s) is %s', (text, version, value) => expect(addressValue(text, version)).toBe(value));
});
