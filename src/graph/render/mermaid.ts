/**
 * Mermaid flowchart: networks as hexagons, services as boxes (datastores as cylinders) joined to
 * their networks by plain lines, and arrows for who reaches whom. Names that resolve nowhere get a
 * node of their own, reached by a dotted arrow.
 */
import { GraphView, networkTraits, portLabel, ServiceView } from './view';
import { nodeIds } from './ids';

export function renderMermaid(view: GraphView): string {
  const ids = nodeIds(view);
  const out = ['flowchart LR'];
  for (const n of view.networks) {
    const traits = networkTraits(n);
    out.push(`  ${ids.network(n.name)}{{${quote(traits.length ? `${n.name} (${traits.join(', ')})` : n.name)}}}`);
  }
  for (const s of view.services) {
    const label = quote([s.name, ...details(s)].join('<br/>'));
    out.push(`  ${ids.service(s.name)}${s.datastore ? `[(${label})]` : `[${label}]`}`);
  }
  for (const name of ids.missing()) out.push(`  ${ids.unknown(name)}[${quote(`${name}?`)}]`);
  for (const s of view.services) for (const n of s.networks) out.push(`  ${ids.service(s.name)} --- ${ids.network(n)}`);
  for (const e of view.edges) {
    const arrow = e.resolved ? '-->' : '-.->';
    out.push(`  ${ids.service(e.from)} ${arrow}|${quote(e.kinds.join(', '))}| ${ids.target(e.to)}`);
  }
  return out.join('\n') + '\n';
}

/** Ports and namespace lines under a service's name; ports Docker does not publish say why. */
export function details(s: ServiceView): string[] {
  const lines = s.published.map(portLabel);
  if (s.unpublished) lines.push(`(not published: ${s.unpublished})`);
  if (s.namespace !== 'own') lines.push(`network_mode: ${s.namespace}`);
  return lines;
}

/** Mermaid labels in double quotes; a quote inside is written as an entity. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
