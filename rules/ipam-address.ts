import { addressValue, ipVersion } from '../src/util/ip';
import { defineRule } from '../src/define-rule';
import { keyOriginOf, originOf, Origin } from '../src/model/origin';
import { ComposeDict, serviceEntries, topLevel } from '../src/model/project';
import { serviceNetworks } from '../src/model/service';
import { isDict } from '../src/util/dict';

type Family = 'ipv4' | 'ipv6';

interface Subnet {
  network: string;
  text: string;
  family: Family;
  /** The written address and prefix length. */
  address: string;
  prefix: number;
  /** The subnet's first address, shifted right by its host bits: the block's number at its prefix length. */
  net: bigint;
  origin?: Origin;
}

/** Address bits per family. */
const BITS = { ipv4: 32, ipv6: 128 } as const;

/** `172.28.0.0/16`, `fd00::/64` -> a Subnet; anything else (unset variable, typo) -> undefined. */
export function parseSubnet(network: string, text: string, origin?: Origin): Subnet | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  const version = m ? ipVersion(m[1]) : 0;
  if (!m || !version) return undefined;
  const prefix = Number(m[2]);
  if (prefix > (version === 4 ? 32 : 128)) return undefined;
  const family: Family = version === 4 ? 'ipv4' : 'ipv6';
  const net = addressValue(m[1], version) >> BigInt(BITS[family] - prefix);
  return { network, text: text.trim(), family, address: m[1], prefix, net, origin };
}

/** Declared networks' `ipam.config[].subnet` values; external networks are configured elsewhere and skipped. */
function declaredSubnets(networks: Record<string, ComposeDict | null>): { subnets: Subnet[]; external: Set<string> } {
  const subnets: Subnet[] = [];
  const external = new Set<string>();
  for (const [name, cfg] of Object.entries(networks)) {
    if (!isDict(cfg)) continue;
    if (cfg.external === true || isDict(cfg.external)) {
      external.add(name);
      continue;
    }
    const config = isDict(cfg.ipam) ? cfg.ipam.config : undefined;
    if (!Array.isArray(config)) continue;
    for (const entry of config) {
      if (!isDict(entry) || typeof entry.subnet !== 'string') continue;
      const s = parseSubnet(name, entry.subnet, originOf(entry, 'subnet'));
      if (s) subnets.push(s);
    }
  }
  return { subnets, external };
}

/** Whether `address` (valid text of the subnet's family) lies in subnet `s`. */
const holdsAddress = (s: Subnet, address: string): boolean => addressValue(address, s.family === 'ipv4' ? 4 : 6) >> BigInt(BITS[s.family] - s.prefix) === s.net;

/** `s`'s block at a shorter (or equal) prefix length `p`: the key of the block of length `p` that holds it. */
const blockKey = (s: Subnet, p: number): string => `${s.family}/${p}/${(s.net >> BigInt(s.prefix - p)).toString(16)}`;

/**
 * For each subnet, the earliest subnet before it, of another network, that overlaps it (undefined
 * when none): the later one is the network Docker refuses. Two CIDR blocks overlap exactly when one
 * holds the other, so the candidates are the earlier blocks that hold this one (looked up at each
 * prefix length in use) and those it holds (each earlier block is filed under its ancestors at those
 * lengths). Comparing every pair took 25.7 s at 4,000 networks and 135 s at 8,000 (issue 13).
 */
export function firstOverlaps(created: readonly Subnet[]): (Subnet | undefined)[] {
  const lengths = { ipv4: new Set<number>(), ipv6: new Set<number>() };
  for (const s of created) lengths[s.family].add(s.prefix);
  const sorted = { ipv4: [...lengths.ipv4].sort((a, b) => a - b), ipv6: [...lengths.ipv6].sort((a, b) => a - b) };
  // Per block key: the first subnet filed there, and the first whose network differs from that one's
  // (enough to answer "the first of another network than N" for any N).
  type Filed = [first: number, firstOfAnotherNetwork: number];
  const holders = new Map<string, Filed>(); // blocks as written
  const within = new Map<string, Filed>(); // every block, filed under each block length in use that holds it
  const file = (map: Map<string, Filed>, key: string, i: number): void => {
    const f = map.get(key);
    if (!f) map.set(key, [i, -1]);
    else if (f[1] < 0 && created[i].network !== created[f[0]].network) f[1] = i;
  };
  const firstOther = (f: Filed | undefined, network: string): number => (!f ? -1 : created[f[0]].network !== network ? f[0] : f[1]);
  return created.map((s, i) => {
    let best = -1;
    const consider = (j: number): void => {
      if (j >= 0 && (best < 0 || j < best)) best = j;
    };
    for (const p of sorted[s.family]) if (p <= s.prefix) consider(firstOther(holders.get(blockKey(s, p)), s.network));
    consider(firstOther(within.get(blockKey(s, s.prefix)), s.network));
    file(holders, blockKey(s, s.prefix), i);
    for (const p of sorted[s.family]) if (p <= s.prefix) file(within, blockKey(s, p), i);
    return best < 0 ? undefined : created[best];
  });
}

type MessageId = 'overlap' | 'outside' | 'noSubnet' | 'duplicate';

export default defineRule<Record<string, never>, MessageId>({
  id: 'ipam-address',
  description: 'Subnets must not overlap, and static addresses must lie in a configured subnet of their network, once.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    overlap:
      'subnet {{subnet}} of network {{network}} overlaps {{other}} of network {{otherNetwork}}: Docker refuses to create the second network ("Pool overlaps with other one on this address space")',
    outside: '{{key}} {{address}} is outside the {{family}} subnets of network {{network}} ({{subnets}}): Docker refuses to start the container; pick an address inside them',
    noSubnet:
      '{{key}} {{address}} on network {{network}}, which has no configured {{family}} subnet: Docker accepts static addresses only on networks with a user-configured subnet; add `ipam: {config: [{subnet: ...}]}` to {{network}}',
    duplicate: '{{key}} {{address}} on network {{network}} is also the address of {{other}}: the second container to start fails ("Address already in use")',
  },
  docs: {
    why: [
      "Networks created with `ipam.config` get the subnets written there. Docker refuses a network whose subnet overlaps one that exists (so two networks of a project must not overlap), and refuses to start a container whose static `ipv4_address`/`ipv6_address` lies outside its network's subnets, is already taken by another container on that network, or is given on a network without a user-configured subnet (the implicit `default` network has none). All four stop `docker compose up`.",
      'Only networks some service uses are compared (Compose creates no others). Addresses and subnets written with variables that are unset are skipped; external networks are configured outside the project and not checked.',
    ].join('\n\n'),
    bad: [
      'services:',
      '  web:',
      '    image: nginx',
      '    networks:',
      '      front_net:',
      '        ipv4_address: 10.0.2.10',
      '      back_net:',
      'networks:',
      '  front_net:',
      '    ipam:',
      '      config:',
      '        - subnet: 10.0.1.0/24',
      '  back_net:',
      '    ipam:',
      '      config:',
      '        - subnet: 10.0.0.0/16',
      '',
    ].join('\n'),
    good: [
      'services:',
      '  web:',
      '    image: nginx',
      '    networks:',
      '      front_net:',
      '        ipv4_address: 10.0.1.10',
      '      back_net:',
      'networks:',
      '  front_net:',
      '    ipam:',
      '      config:',
      '        - subnet: 10.0.1.0/24',
      '  back_net:',
      '    ipam:',
      '      config:',
      '        - subnet: 10.0.2.0/24',
      '',
    ].join('\n'),
  },
  check(ctx) {
    const { subnets, external } = declaredSubnets(topLevel(ctx.project, 'networks'));
    // Compose creates only the networks its services use: only those can collide.
    const used = new Set(serviceEntries(ctx.project).flatMap(([, svc]) => serviceNetworks(svc).map((a) => a.name)));
    const created = subnets.filter((s) => used.has(s.network));
    // Each subnet against the ones before it: the later one is the network Docker refuses.
    const overlapped = firstOverlaps(created);
    created.forEach((s, i) => {
      const earlier = overlapped[i];
      if (earlier) ctx.report({ messageId: 'overlap', data: { subnet: s.text, network: s.network, other: earlier.text, otherNetwork: earlier.network }, origin: s.origin, value: s.text });
    });

    const taken = new Map<string, string>();
    const byNetwork = new Map<string, Subnet[]>(); // network and family -> its subnets (one lookup per static address)
    for (const s of subnets) {
      const key = `${s.network}\0${s.family}`;
      const list = byNetwork.get(key);
      if (list) list.push(s);
      else byNetwork.set(key, [s]);
    }
    for (const [service, svc] of serviceEntries(ctx.project)) {
      if (!isDict(svc.networks)) continue;
      for (const a of serviceNetworks(svc)) {
        const cfg = svc.networks[a.name];
        if (!isDict(cfg) || external.has(a.name)) continue;
        for (const key of ['ipv4_address', 'ipv6_address'] as const) {
          const address = typeof cfg[key] === 'string' ? cfg[key].trim() : '';
          const family: Family = key === 'ipv4_address' ? 'ipv4' : 'ipv6';
          if (ipVersion(address) !== (family === 'ipv4' ? 4 : 6)) continue;
          const where = { origin: originOf(cfg, key) ?? keyOriginOf(svc.networks, a.name), service, value: address };
          const mine = byNetwork.get(`${a.name}\0${family}`) ?? [];
          const data = { key, address, network: a.name, family: family === 'ipv4' ? 'IPv4' : 'IPv6' };
          if (!mine.length) ctx.report({ messageId: 'noSubnet', data, ...where });
          else if (!mine.some((s) => holdsAddress(s, address))) ctx.report({ messageId: 'outside', data: { ...data, subnets: mine.map((s) => s.text).join(', ') }, ...where });
          const id = `${a.name}\0${address.toLowerCase()}`;
          const other = taken.get(id);
          if (other) ctx.report({ messageId: 'duplicate', data: { key, address, network: a.name, other }, ...where });
          else taken.set(id, service);
        }
      }
    }
  },
});
