/** `compose-lint graph`: the service/network graph as mermaid, dot or json (through graphOf in the API). */
import { graphOf } from '../api';
import { lineCol } from '../model/source';
import { didYouMean, type Synonyms } from '../schema/suggest';
import { graphView } from '../graph/render/view';
import { toLintOptions, ProjectFlags } from './options';
import { EXIT_FINDINGS, UsageError, writeOut } from './exit';

export interface GraphFlags extends ProjectFlags {
  format?: string;
}

const FORMATS = ['mermaid', 'dot', 'json'];
/** Other names for the graph formats: Graphviz reads DOT; `.mmd` is Mermaid's file extension. */
const GRAPH_SYNONYMS: Synonyms = { graphviz: { choices: ['dot'], why: 'Graphviz reads DOT' }, gv: { choices: ['dot'] }, mmd: { choices: ['mermaid'] } };

/**
 * Load problems go to stderr (exit 1 when one is an error) and the graph of what did load is
 * printed anyway: a picture of a half-broken file still helps to fix it.
 */
export function runGraph(targets: string[], flags: GraphFlags): void {
  const format = flags.format ?? 'mermaid';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"${didYouMean(format, FORMATS, GRAPH_SYNONYMS)}; use mermaid, dot or json`);
  const { project, problems, graph } = graphOf(toLintOptions(flags, targets));
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const where = p.origin ? `${p.origin.source.path}:${lineCol(p.origin.source, p.origin.start).line}` : (p.file ?? '');
    process.stderr.write(`${where}: ${p.severity}: ${p.message} [${p.rule}]\n`);
    process.exitCode = EXIT_FINDINGS;
  }
  writeOut(render(format, graphView(graph, project.name)));
}

function render(format: string, view: ReturnType<typeof graphView>): string {
  // Only the chosen renderer loads.
  if (format === 'json') return JSON.stringify(view, null, 2) + '\n';
  if (format === 'dot') return (require('../graph/render/dot') as typeof import('../graph/render/dot')).renderDot(view);
  return (require('../graph/render/mermaid') as typeof import('../graph/render/mermaid')).renderMermaid(view);
}
