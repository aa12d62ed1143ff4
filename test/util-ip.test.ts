/** src/util/ip.ts: the same answers as Node's net.isIP, which it replaces on the start-up path. */
import { isIP } from 'net';
import { ipVersion } from '../src/util/ip';

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
