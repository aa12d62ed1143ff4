import type { Rule } from '../src/types';
import type { Graph, ServiceLink, ServiceNode } from '../src/graph/types';
import { namespaceOwner, sharedNetworks } from '../src/graph/query';
import { networkPhrase, placement } from '../src/graph/describe';

const rule: Rule = {
  id: 'no-deprecated-links',
  description: '`links` and `external_links` are legacy; use networks and aliases.',
  category: 'network',
  severity: 'warning',
  fixable: false,
  options: { type: 'object', properties: {}, additionalProperties: false },
  messages: {
    redundant: 'The link adds nothing: the target already resolves by name on a shared network.',
    alias: 'The link renames its target: use a network alias instead.',
    crossNetwork: 'The target shares no network with the service, and links do not cross networks.',
    defaultBridge: 'A link on the default bridge (network_mode: bridge): use a user-defined network instead.',
    external: 'An external link: attach the service to the external network the container is on.',
    legacy: 'A link to a service that is not defined.',
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
        const { messageId, message } = explainLink(graph, node, link);
        ctx.report({ messageId, message, origin: link.origin, service: node.name, value: link.raw });
      }
      for (const link of node.externalLinks) {
        const alias = link.alias !== link.target ? ` (with \`${link.alias}\` as a network alias if the code uses that name)` : '';
        ctx.report({
          messageId: 'external',
          message: `external link \`${link.raw}\` is legacy: declare the network the container ${link.target} is on with \`external: true\`, attach ${node.name} to it and use the container's name${alias}`,
          origin: link.origin,
          service: node.name,
          value: link.raw,
        });
      }
    }
  },
};
export default rule;

function explainLink(graph: Graph, node: ServiceNode, link: ServiceLink): { messageId: string; message: string } {
  const renames = link.alias !== link.target;
  const head = renames ? `link \`${link.raw}\` is legacy` : `link to \`${link.target}\` is legacy`;
  const aliasThere = renames ? ` and give ${link.target} the network alias \`${link.alias}\` there` : '';
  if (!graph.services.has(link.target)) return { messageId: 'legacy', message: `${head}: use a shared network and network aliases instead` };
  if (namespaceOwner(graph, node.name)?.namespace.kind === 'bridge') {
    return { messageId: 'defaultBridge', message: `${head}: ${node.name} uses the default bridge (network_mode: bridge); attach ${node.name} and ${link.target} to a shared network${aliasThere}` };
  }
  const shared = sharedNetworks(graph, node.name, link.target);
  if (!shared.length) {
    return {
      messageId: 'crossNetwork',
      message: `${head} and cannot work: links do not cross networks, and ${link.target} ${placement(graph, link.target)}, ${node.name} ${placement(graph, node.name, true)}; attach both to one network${aliasThere}`,
    };
  }
  const net = networkPhrase(graph, shared[0]);
  if (!renames) {
    return { messageId: 'redundant', message: `${head}: ${node.name} and ${link.target} share ${net}, where ${link.target} already resolves by name; remove the link (depends_on gives the start order)` };
  }
  return {
    messageId: 'alias',
    message: `${head}: give ${link.target} the alias \`${link.alias}\` on ${net}, which both share (networks: {${shared[0]}: {aliases: [${link.alias}]}}), and remove the link`,
  };
}
