import { defineRule } from '../src/define-rule';
import type { Origin } from '../src/model/origin';
import type { PublishedPort, ServiceNode } from '../src/graph/types';
import { datastoreOf, isEngineItself } from '../src/graph/datastores';
import { adminConsole, isGitServer, wellKnownPort } from '../src/graph/well-known-ports';
import { publishedAddress, publishesPorts } from '../src/graph/exposure';
import { CIS_5_13, OWASP_5A } from './_references';
import { originOf } from '../src/model/origin';
import { bindToLoopback, LOOPBACK, loopbackSpec } from '../src/engine/port-edits';
import { serviceEntries } from '../src/model/project';
import { imageForMessage } from '../src/model/image';
import { listOf } from '../src/util/dict';

/** Host IPs that mean every interface: none, 0.0.0.0, :: (bracketed or not). */
function onAllInterfaces(p: PublishedPort): boolean {
  return p.hostIp === '' || p.hostIp === '0.0.0.0' || p.hostIp.replace(/^\[(.*)\]$/, '$1') === '::';
}

/** What listens on the port, for the message, or undefined when it is not worth reporting. */
function whatListens(node: ServiceNode, declared: readonly string[], p: PublishedPort): { what: string; base: 'warning' | 'error' } | undefined {
  const image = node.image;
  const known = wellKnownPort(p.target);
  if (known && !(p.target === 22 && image && isGitServer(image))) {
    return { what: `${known.name} (container port ${p.target})`, base: p.target === 2375 ? 'error' : 'warning' };
  }
  const console = image && adminConsole(image);
  if (console) return { what: console, base: 'warning' };
  // The graph's datastore fact (image, server settings, port, name; or the config's `datastores`), as every rule reads it.
  return isEngineItself(datastoreOf(node, declared)) ? { what: `the datastore ${image ? imageForMessage(image) : node.name} (container port ${p.target})`, base: 'warning' } : undefined;
}

/** The advice for one entry: its short syntax bound to loopback, or `host_ip` for the long syntax. */
function loopbackAdvice(entry: unknown): string {
  const spec = typeof entry === 'string' || typeof entry === 'number' ? loopbackSpec(String(entry)) : undefined;
  return spec === undefined ? `add \`host_ip: ${LOOPBACK}\` to the entry` : `publish it as \`${spec}\``;
}

export default defineRule<Record<string, never>, 'allInterfaces'>({
  id: 'port-all-interfaces',
  description: 'A datastore, an admin console or a management port (5432, 3306, 6379, 27017, 9200, 2375, 22, ...) is published on every interface of the host.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.0,
  fixable: false,
  messages: {
    allInterfaces:
      "{{what}} is published on {{address}}, every interface of the host, and Docker's published ports bypass host firewalls such as ufw: anyone who reaches the host reaches it; {{bind}} if only the host needs it, or drop the port if only other containers do",
  },
  docs: {
    why: [
      'A port without a host IP (`"5432:5432"`) is published on every interface of the host (0.0.0.0 and ::). Docker writes its own iptables rules for published ports, ahead of the host firewall\'s, so ufw or firewalld rules do not close them. A database, a cache, a search engine, SSH, the Docker API or an admin console published that way is open to the whole network the host is on, and often to the internet.',
      '',
      'The rule reports datastores (as the graph recognises them: by image, server settings such as `POSTGRES_PASSWORD`, a well-known datastore port or a name like `db`; or listed in the config `datastores` setting), admin consoles (Adminer, phpMyAdmin, pgAdmin, mongo-express, Portainer, ...) and management ports (22, 2375/2376, 2379, 3389, 5900, 10250, 15672, ...) published on all interfaces. Web traffic on 80/443 is meant to be public and is not reported. Publishing on `127.0.0.1` keeps the port usable from the host (and through an SSH tunnel); containers of the project reach each other over their networks without any published port. The Docker API without TLS (2375) is an error: it is root on the host for anyone who connects.',
      '',
      'Suggestion (not applied by a plain `--fix`, because it changes who can connect): bind the entry to 127.0.0.1 where it is written (`"5432:5432"` becomes `"127.0.0.1:5432:5432"`, a bare `"6379"` becomes `127.0.0.1::6379`, the long syntax gets `host_ip: 127.0.0.1`). Preview with `--fix-dry-run --fix-rule port-all-interfaces`, apply with `--fix --fix-rule port-all-interfaces`. Entries written with a `${VAR}` or through a YAML anchor or merge key are left for you to change.',
    ].join('\n'),
    bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
    good: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    references: [CIS_5_13, OWASP_5A],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const node = ctx.graph.services.get(name);
      // Other modes publish nothing (network-mode-conflict says so), nor do internal networks only (published-port-conflict says so).
      if (!node || node.namespace.kind !== 'own' || !publishesPorts(ctx.graph, node)) continue;
      const seen = new Set<Origin | undefined>();
      const entries = listOf(svc.ports);
      const entryAt = (origin: Origin | undefined): unknown => entries.find((_, i) => originOf(entries, i) === origin);
      for (const p of node.published) {
        if (!onAllInterfaces(p) || seen.has(p.origin)) continue;
        const hit = whatListens(node, ctx.settings?.datastores ?? [], p);
        if (!hit) continue;
        seen.add(p.origin);
        const entry = entryAt(p.origin);
        const fix = bindToLoopback(ctx.project, entry, p.origin);
        ctx.report({
          messageId: 'allInterfaces',
          data: { what: hit.what, address: publishedAddress(p), bind: loopbackAdvice(entry) },
          origin: p.origin,
          service: name,
          value: `${p.published}:${p.target}/${p.protocol}`,
          severity: hit.base,
          suggestions: fix && [{ description: `publish this \`ports\` entry of ${name} on ${LOOPBACK} only`, fix }],
        });
      }
    }
  },
});
