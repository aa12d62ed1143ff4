import type { BlockList } from 'net';
import { ipVersion } from '../src/util/ip';
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
  block: BlockList;
  origin?: Origin;
}

/** `172.28.0.0/16`, `fd00::/64` -> a Subnet; anything else (unset variable, typo) -> undefined. */
export function parseSubnet(network: string, text: string, origin?: Origin): Subnet | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  const version = m ? ipVersion(m[1]) : 0;
  if (!m || !version) return undefined;
  const prefix = Number(m[2]);
  if (prefix > (version === 4 ? 32 : 128)) return undefined;
  const family: Family = version === 4 ? 'ipv4' : 'ipv6';
  const block = new (require('net') as typeof import('net')).BlockList(); // net loads only for files with subnets (start-up, issue 13)
  block.addSubnet(m[1], prefix, family);
  return { network, text: text.trim(), family, address: m[1], prefix, block, origin };
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

const overlaps = (a: Subnet, b: Subnet): boolean => a.family === b.family && (a.block.check(b.address, b.family) || b.block.check(a.address, a.family));

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
    created.forEach((s, i) => {
      const earlier = created.slice(0, i).find((o) => o.network !== s.network && overlaps(o, s));
      if (earlier) ctx.report({ messageId: 'overlap', data: { subnet: s.text, network: s.network, other: earlier.text, otherNetwork: earlier.network }, origin: s.origin, value: s.text });
    });

    const taken = new Map<string, string>();
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
          const mine = subnets.filter((s) => s.network === a.name && s.family === family);
          const data = { key, address, network: a.name, family: family === 'ipv4' ? 'IPv4' : 'IPv6' };
          if (!mine.length) ctx.report({ messageId: 'noSubnet', data, ...where });
          else if (!mine.some((s) => s.block.check(address, family))) ctx.report({ messageId: 'outside', data: { ...data, subnets: mine.map((s) => s.text).join(', ') }, ...where });
          const id = `${a.name}\0${address.toLowerCase()}`;
          const other = taken.get(id);
          if (other) ctx.report({ messageId: 'duplicate', data: { key, address, network: a.name, other }, ...where });
          else taken.set(id, service);
        }
      }
    }
  },
});
