/** Graphviz dot: the same picture as the mermaid output (see mermaid.ts). */
import { GraphView, networkTraits } from './view';
import { nodeIds } from './ids';
import { details } from './mermaid';

export function renderDot(view: GraphView): string {
  const ids = nodeIds(view);
  const out = [`digraph ${quote(view.project)} {`, '  rankdir=LR;', '  node [fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const n of view.networks) {
    const traits = networkTraits(n);
    out.push(`  ${ids.network(n.name)} [shape=hexagon, label=${quote(traits.length ? `${n.name}\n(${traits.join(', ')})` : n.name)}];`);
  }
  for (const s of view.services) {
    out.push(`  ${ids.service(s.name)} [shape=${s.datastore ? 'cylinder' : 'box'}, label=${quote([s.name, ...details(s)].join('\n'))}];`);
  }
  for (const name of ids.missing()) out.push(`  ${ids.unknown(name)} [shape=box, style=dashed, color=red, label=${quote(`${name}?`)}];`);
  for (const s of view.services) for (const n of s.networks) out.push(`  ${ids.service(s.name)} -> ${ids.network(n)} [dir=none, color=gray];`);
  for (const e of view.edges) {
    const style = e.resolved ? '' : ', style=dashed, color=red';
    out.push(`  ${ids.service(e.from)} -> ${ids.target(e.to)} [label=${quote(e.kinds.join(', '))}${style}];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** A dot string: backslashes and quotes escaped, line breaks as \n. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
