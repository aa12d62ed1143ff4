import * as path from 'path';
import { defineRule, TypedRuleContext } from '../src/define-rule';
import { keyOriginOf } from '../src/model/origin';
import { Project, serviceEntries } from '../src/model/project';
import { PortEntry, PortGroup, canRunTogether, clashingServices, hostAddressesOverlap, hostPortLabel, findClashGroups, publishedEntries, publishesPorts, quotedList, runnableServices } from './_ports';
import { isDict } from '../src/util/dict';

/** `deploy` settings only `docker stack deploy` reads; Docker Compose ignores them. */
const SWARM_ONLY = ['update_config', 'rollback_config', 'placement', 'endpoint_mode'];

/**
 * Why the project looks written for Swarm, where the routing mesh lets replicas share a published
 * port: a stack file name (`docker-stack.yml`) or deploy settings only Swarm reads.
 */
function swarmEvidence(project: Project): string | undefined {
  const stackFile = project.files.map((f) => path.basename(f)).find((f) => /stack/i.test(f));
  if (stackFile) return `the file name ${stackFile}`;
  for (const [name, svc] of serviceEntries(project)) {
    const deploy = svc.deploy;
    if (!isDict(deploy)) continue;
    const key = SWARM_ONLY.find((k) => deploy[k] !== undefined) ?? (deploy.mode === 'global' ? 'mode: global' : undefined);
    if (key) return `\`deploy.${key}\` in service "${name}"`;
  }
  return undefined;
}

function clash(a: PortEntry, b: PortEntry): boolean {
  if (!hostAddressesOverlap(a.hostIp, b.hostIp)) return false;
  return a.service === b.service || canRunTogether(a.service, b.service);
}

/** `service "api"`, `services "api" and "web"`, `another entry of this service`, or both. */
function describeOthers(entry: PortEntry, groups: Iterable<PortGroup>): string {
  const { names, count, sameService } = clashingServices(entry, groups);
  const parts: string[] = [];
  if (count) parts.push(`${count === 1 ? 'service' : 'services'} ${quotedList(names, count)}`);
  if (sameService) parts.push('another entry of this service');
  return parts.join(' and ');
}

type MessageId = 'conflict' | 'replicas' | 'replicasSwarm';
type Context = TypedRuleContext<Record<string, never>, MessageId>;

/** Entries with the same host address and profiles clash with the same entries (see `clash`). */
const clashClass = (e: PortEntry): string => `${e.hostIp}\0${[...e.service.profiles].sort().join(',')}`;

function check(ctx: Context): void {
  const services = runnableServices(ctx.project).filter((s) => publishesPorts(s.svc));
  const entries = services.flatMap((s) => publishedEntries(s, ctx.project.env, ctx.graph));
  const clashes = findClashGroups(entries, clash, clashClass);
  const swarm = swarmEvidence(ctx.project);
  for (const entry of entries) {
    const service = entry.service.name;
    const origin = entry.origin ?? keyOriginOf(entry.service.svc, 'ports');
    const others = clashes.get(entry);
    if (others) {
      const ports = [...others.ports];
      const label = hostPortLabel(entry.hostIp, ports, entry.protocol);
      const many = ports.length > 1;
      ctx.report({ messageId: 'conflict', data: { what: many ? 'host ports' : 'host port', label, verb: many ? 'are' : 'is', others: describeOthers(entry, others.groups) }, origin, service });
    }
    if (entry.service.replicas > 1) reportReplicas(ctx, entry, swarm);
  }
}

/** A fixed host port with several replicas: an error for Compose, a warning when the file is meant for Swarm. */
function reportReplicas(ctx: Context, entry: PortEntry, swarm: string | undefined): void {
  const data = { label: hostPortLabel(entry.hostIp, entry.ports, entry.protocol), replicas: entry.service.replicas };
  ctx.report({
    messageId: swarm ? 'replicasSwarm' : 'replicas',
    data: swarm ? { ...data, swarm } : data,
    origin: entry.origin ?? keyOriginOf(entry.service.svc, 'ports'),
    service: entry.service.name,
    severity: swarm ? 'warning' : undefined,
  });
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'published-port-conflict',
  description: 'Two services must not publish the same host port, protocol and address.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    conflict: '{{what}} {{label}} {{verb}} also published by {{others}}: whichever container starts second fails with "port is already allocated"',
    replicas: 'host port {{label}} is fixed, but the service runs {{replicas}} replicas: only one of them can bind it (leave out the host port, or publish a host range with a port per replica)',
    replicasSwarm:
      'host port {{label}} is fixed, but the service runs {{replicas}} replicas: Docker Compose can start only one of them ("port is already allocated"); Swarm\'s routing mesh would share the port, and this project looks written for Swarm ({{swarm}})',
  },
  docs: {
    why: 'A host port can be bound once per protocol and address. When two services publish the same one, the second container to start fails with "port is already allocated". `0.0.0.0` (or no address) overlaps every IPv4 address and `::` every IPv6 one, while `127.0.0.1:80` and `127.0.0.2:80`, or `80/tcp` and `80/udp`, live side by side. Services whose profiles never run together (say `cpu` and `gpu`) do not clash, and a fixed host port clashes with itself when the service runs several replicas (a warning when the project looks written for `docker stack deploy`, whose routing mesh lets replicas share a port: a stack file name or Swarm-only `deploy` settings). Host ports that are still unknown after interpolation (an unset variable) are not guessed.',
    bad: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: node\n    ports:\n      - "8080:3000"\n',
    good: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: node\n    ports:\n      - "8081:3000"\n',
  },
  check,
});
