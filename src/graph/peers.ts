/**
 * Names defined by the compose files beside a project (Project.neighbours). A neighbour is used
 * with the project in one of two ways, and either way its names resolve only on a network both
 * join: merged with it (`-f a.yml -f b.yml`), where a network is the same when its key is; or
 * started beside it, where Docker identifies a network by its full name: `<project name>_<key>`
 * for a project's own networks (files started under one project name share them), or the
 * network's `name:` (an external or explicitly named network).
 */
import type { Project } from '../model/project';
import type { Graph, PeerFile, PeerName } from './types';
import { isDict } from '../util/dict';

/**
 * Docker's name of the network `key` of a project: its `name:` when set, the key itself for a
 * legacy `external: true` without a name, else `<project>_<key>` (compose-go's default naming).
 */
export function dockerNetworkName(project: Project, key: string): string {
  const networks = project.model.networks;
  const cfg = isDict(networks) && isDict(networks[key]) ? networks[key] : {};
  if (typeof cfg.name === 'string' && cfg.name) return cfg.name;
  const external = cfg.external;
  if (isDict(external) && typeof external.name === 'string' && external.name) return external.name;
  if (external === true || isDict(external)) return key;
  return `${project.name}_${key}`;
}

/** The project's neighbours, each loaded and its graph and names computed on first use. */
export function peerFilesOf(project: Project, build: (p: Project) => Graph): PeerFile[] {
  return (project.neighbours ?? []).map((n) => {
    let loaded: { graph?: Graph } | undefined;
    let names: Map<string, PeerName[]> | undefined;
    const graph = (): Graph | undefined => {
      if (!loaded) {
        const other = n.load();
        loaded = { graph: other ? build(other) : undefined };
      }
      return loaded.graph;
    };
    return {
      path: n.path,
      graph,
      names() {
        if (!names) {
          const other = n.load();
          const g = graph();
          names = other && g ? namesOf(other, g) : new Map();
        }
        return names;
      },
    };
  });
}

function namesOf(project: Project, graph: Graph): Map<string, PeerName[]> {
  const out = new Map<string, PeerName[]>();
  for (const net of graph.networks.values()) {
    const network = dockerNetworkName(project, net.name);
    for (const [name, services] of net.dnsNames) {
      for (const service of services) {
        const list = out.get(name) ?? [];
        list.push({ service, key: net.name, network, origin: graph.services.get(service)?.origin });
        out.set(name, list);
      }
    }
  }
  return out;
}
