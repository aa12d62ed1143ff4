/** The service/network graph: who can reach whom. Built once per project, read by every rule. */
import type { Origin } from '../model/origin';

export interface NetworkNode {
  name: string;
  /** Declared key (or 'default' for the implicit one). */
  internal: boolean;
  external: boolean;
  driver?: string;
  /** Services attached. */
  members: string[];
  /** DNS name -> services it resolves to on this network. */
  dnsNames: Map<string, string[]>;
}

export interface ServiceNode {
  name: string;
  networks: string[];
  /** 'own' | 'host' | 'none' | 'bridge' | `service:X` | `container:X`. */
  namespace: string;
}

export interface Graph {
  networks: Map<string, NetworkNode>;
  services: Map<string, ServiceNode>;
}

export type { Origin };
