/**
 * A service's ports: what it publishes on the host (`ports` with a host side, or an ephemeral
 * one) and what it listens on inside its namespace (`ports` targets and `expose`). Entries that do
 * not parse (a schema or interpolation problem reported elsewhere) are skipped, not guessed.
 */
import { originOf } from '../model/origin';
import { normalizePorts, PortMapping } from '../model/ports';
import type { ComposeDict } from '../model/project';
import type { ListeningPort, PublishedPort } from './types';

export function servicePorts(svc: ComposeDict): { published: PublishedPort[]; listening: ListeningPort[] } {
  const published: PublishedPort[] = [];
  const listening: ListeningPort[] = [];
  const ports = Array.isArray(svc.ports) ? svc.ports : [];
  ports.forEach((entry, i) => {
    const origin = originOf(ports, i);
    for (const m of parsed(entry)) {
      published.push({ hostIp: m.host_ip ?? '', published: m.published ?? '', target: m.target, protocol: m.protocol, origin });
      listening.push({ port: m.target, protocol: m.protocol, from: 'ports', origin });
    }
  });
  const expose = Array.isArray(svc.expose) ? svc.expose : [];
  expose.forEach((entry, i) => {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/([a-z]+))?$/i.exec(String(entry));
    if (!m) return;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    for (let p = first; p <= last && p <= 65535; p++) listening.push({ port: p, protocol: (m[3] ?? 'tcp').toLowerCase(), from: 'expose', origin: originOf(expose, i) });
  });
  return { published, listening };
}

function parsed(entry: unknown): PortMapping[] {
  try {
    return normalizePorts(entry);
  } catch {
    return [];
  }
}
