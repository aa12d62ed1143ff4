/** Build the service/network graph of a project (filled in by the graph stage). */
import type { Project } from '../model/project';
import type { Graph } from './types';

export function buildGraph(_project: Project): Graph {
  return { networks: new Map(), services: new Map() };
}
