import { defineRule, MessageData } from '../src/define-rule';
import type { Graph, ServiceLink, ServiceNode } from '../src/graph/types';
import { namespaceOwner, sharedNetworks } from '../src/graph/query';
import { networkPhrase, placement } from '../src/graph/describe';

type MessageId = 'redundant' | 'alias' | 'crossNetwork' | 'defaultBridge' | 'external' | 'legacy';

export default defineRule<Record<string, never>, MessageId>({
  id: 'no-deprecated-links',
  description: '`links` and `external_links` are legacy; use networks and aliases.',
  category: 'network',
  severity: 'warning',
  fixable: false,
  messages: {
    redundant: '{{head}}: {{service}} and {{target}} share {{network}}, where {{target}} already resolves by name; remove the link (depends_on gives the start order)',
    alias: '{{head}}: give {{target}} the alias `{{alias}}` on {{network}}, which both share (networks: {{{networkKey}}: {aliases: [{{alias}}]}}), and remove the link',
    crossNetwork: '{{head}} and cannot work: links do not cross networks, and {{target}} {{targetPlacement}}, {{service}} {{servicePlacement}}; attach both to one network{{aliasThere}}',
    defaultBridge: '{{head}}: {{service}} uses the default bridge (network_mode: bridge); attach {{service}} and {{target}} to a shared network{{aliasThere}}',
    external: "external link `{{link}}` is legacy: declare the network the container {{target}} is on with `external: true`, attach {{service}} to it and use the container's name{{alias}}",
    legacy: '{{head}}: use a shared network and network aliases instead',
  },
  docs: {
    why: 'Links are a legacy feature of the default bridge network. On the networks compose creates, every service already resolves the others by name, so a link only adds a second name (which works for the linking service alone) and an implicit start order. Links do not cross networks: a link to a service on another network fails. Use a shared network, a network `aliases` entry for the extra name, and `depends_on` for the start order.',
    bad: ['services:', '  web:', '    image: nginx', '    links:', '      - db:database', '  db:', '    image: postgres:16', ''].join('\n'),
    good: ['services:', '  web:', '    image: nginx', '    depends_on: [db]', '  db:', '    image: postgres:16', '    networks:', '      default:', '        aliases: [database]', ''].join('\n'),
  },
  check(ctx) {
    const { graph } = ctx;
    for (const node of graph.services.values()) {
      for (const link of node.links) {
        if (link.target === '') continue; // `:alias` names no service: undefined-reference reports it (Compose refuses the project)
        const { messageId, data } = explainLink(graph, node, link);
        ctx.report({ messageId, data, origin: link.origin, service: node.name, value: link.raw });
      }
      for (const link of node.externalLinks) {
        const alias = link.alias !== link.target ? ` (with \`${link.alias}\` as a network alias if the code uses that name)` : '';
        ctx.report({
          messageId: 'external',
          data: { link: link.raw, target: link.target, service: node.name, alias },
          origin: link.origin,
          service: node.name,
          value: link.raw,
        });
      }
    }
  },
});

function explainLink(graph: Graph, node: ServiceNode, link: ServiceLink): { messageId: MessageId; data: MessageData } {
  const renames = link.alias !== link.target;
  // `db:` (an empty alias) adds no name; say so rather than suggest an empty network alias.
  const head = renames
    ? `link \`${link.raw}\` is legacy`
    : link.raw === `${link.target}:`
      ? `link \`${link.raw}\` (an empty alias: it adds no name) is legacy`
      : `link to \`${link.target}\` is legacy`;
  const aliasThere = renames ? ` and give ${link.target} the network alias \`${link.alias}\` there` : '';
  const base = { head, service: node.name, target: link.target };
  if (!graph.services.has(link.target)) return { messageId: 'legacy', data: { head } };
  if (namespaceOwner(graph, node.name)?.namespace.kind === 'bridge') return { messageId: 'defaultBridge', data: { ...base, aliasThere } };
  const shared = sharedNetworks(graph, node.name, link.target);
  if (!shared.length) {
    return { messageId: 'crossNetwork', data: { ...base, aliasThere, targetPlacement: placement(graph, link.target), servicePlacement: placement(graph, node.name, true) } };
  }
  const network = networkPhrase(graph, shared[0]);
  if (!renames) return { messageId: 'redundant', data: { ...base, network } };
  return { messageId: 'alias', data: { ...base, network, alias: link.alias, networkKey: shared[0] } };
}
