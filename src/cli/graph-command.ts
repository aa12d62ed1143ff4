/** `compose-lint graph`: the service/network graph as mermaid, dot or json. */
import { loadProject } from '../load/project';
import { planProjects } from '../api';
import { buildGraph } from '../graph/build';
import { lineCol } from '../model/source';
import { graphView } from '../graph/render/view';
import { toLintOptions, ProjectFlags } from './options';
import { EXIT_FINDINGS, UsageError, writeOut } from './exit';

export interface GraphFlags extends ProjectFlags {
  format?: string;
}

const FORMATS = ['mermaid', 'dot', 'json'];

/**
 * Load problems go to stderr (exit 1 when one is an error) and the graph of what did load is
 * printed anyway: a picture of a half-broken file still helps to fix it.
 */
export function runGraph(flags: GraphFlags): void {
  const format = flags.format ?? 'mermaid';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"; use mermaid, dot or json`);
  const [plan] = planProjects(toLintOptions(flags));
  const { project, problems } = loadProject(plan);
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const where = p.origin ? `${p.origin.source.path}:${lineCol(p.origin.source, p.origin.start).line}` : p.file ?? '';
    process.stderr.write(`${where}: ${p.severity}: ${p.message} [${p.rule}]\n`);
    process.exitCode = EXIT_FINDINGS;
  }
  const view = graphView(buildGraph(project), project.name);
  writeOut(render(format, view));
}

function render(format: string, view: ReturnType<typeof graphView>): string {
  /* eslint-disable @typescript-eslint/no-require-imports -- only the chosen renderer loads */
  if (format === 'json') return JSON.stringify(view, null, 2) + '\n';
  if (format === 'dot') return (require('../graph/render/dot') as typeof import('../graph/render/dot')).renderDot(view);
  return (require('../graph/render/mermaid') as typeof import('../graph/render/mermaid')).renderMermaid(view);
}
