/** Plain-English pieces for messages about the graph: lists of names, where a service sits. */
import { namespaceOwner } from './query';
import type { Graph } from './types';

/** ['a'] -> "a"; ['a','b'] -> "a and b"; ['a','b','c'] -> "a, b and c". */
export function listNames(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How a network is named in messages: the implicit one is "the default network". */
export function networkPhrase(graph: Graph, network: string): string {
  const node = graph.networks.get(network);
  return network === 'default' && !node?.declared ? 'the default network' : network;
}

export function networksPhrase(graph: Graph, networks: readonly string[]): string {
  return listNames(networks.map((n) => networkPhrase(graph, n)));
}

/**
 * Where a service's network stack sits, as the tail of a sentence about it:
 * "is on front_net", "is only on front_net" (only=true), "uses network_mode: host",
 * "shares app's network stack, which is on front_net".
 */
export function placement(graph: Graph, service: string, only = false): string {
  const node = graph.services.get(service);
  if (!node) return 'is not defined';
  const on = (nets: string[]): string => (nets.length ? `${only ? 'only ' : ''}on ${networksPhrase(graph, nets)}` : 'on no network');
  const ns = node.namespace;
  if (ns.kind === 'own') return `is ${on(node.networks)}`;
  if (ns.kind === 'service') {
    const owner = namespaceOwner(graph, service);
    const tail = owner && owner.namespace.kind === 'own' ? `, which is ${on(owner.networks)}` : '';
    return `shares ${ns.target}'s network stack (network_mode: ${ns.raw})${tail}`;
  }
  return `uses network_mode: ${ns.raw}`;
}
