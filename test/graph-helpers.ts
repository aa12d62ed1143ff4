/** Graphs for tests: from YAML text alone (parser only), or from files on disk through the real loader. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseYaml } from '../src/load/parse';
import { loadProject } from '../src/load/project';
import { makeSource } from '../src/model/source';
import { toPosition, Origin } from '../src/model/origin';
import { buildGraph } from '../src/graph/build';
import type { Project } from '../src/model/project';
import type { Graph } from '../src/graph/types';

/** A project straight from the parser: one file, no interpolation, no profiles. */
export function projectOf(yaml: string, workingDir = '/nowhere'): Project {
  const source = makeSource('compose.yaml', yaml);
  const parsed = parseYaml(source);
  if (parsed.errors.length) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const model = parsed.documents[0] ?? {};
  return {
    name: 'test',
    workingDir,
    files: [path.join(workingDir, 'compose.yaml')],
    sources: [source],
    env: {},
    profiles: [],
    model,
    documents: [{ source, dict: model }],
    disabledServices: {},
    envFiles: {},
  };
}

export function graphOf(yaml: string): Graph {
  return buildGraph(projectOf(yaml));
}

/** Write `files` to a temporary directory and load it as `docker compose` would (cwd = that directory). */
export function loadedGraph(files: Record<string, string>, profiles?: string[]): { graph: Graph; project: Project; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const { project } = loadProject({ cwd: dir, osEnv: {}, profiles });
  return { graph: buildGraph(project), project, dir };
}

/** "file:line:col-endCol" (or "-endLine:endCol" across lines) of an origin, for compact assertions. */
export function at(o: Origin | undefined): string {
  if (!o) return 'none';
  const p = toPosition(o);
  return `${p.file}:${p.line}:${p.column}-${p.endLine === p.line ? '' : `${p.endLine}:`}${p.endColumn}`;
}

/** A YAML file from its lines (with the final newline). */
export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The top-level `networks:` block declaring `names` with defaults. */
export const networksBlock = (...names: string[]): string[] => ['networks:', ...names.map((n) => `  ${n}:`)];
