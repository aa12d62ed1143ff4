/**
 * Port strings the schema accepts but Docker refuses (`70000:80`, `1-2:3-5`, `80/tcpx`): the schema
 * only says "string or number", so each short-syntax entry is parsed the way Docker parses it.
 */
import { PortError, parsePortSpec } from '../model/ports';
import { originOf } from '../model/origin';
import { formatPath } from './path';
import type { SchemaProblem } from './validate';

export function validatePortSyntax(model: Record<string, unknown>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const services = model.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return problems;
  for (const [name, svc] of Object.entries(services as Record<string, unknown>)) {
    const ports = svc && typeof svc === 'object' ? (svc as Record<string, unknown>).ports : undefined;
    if (!Array.isArray(ports)) continue;
    ports.forEach((entry, i) => {
      if (typeof entry !== 'string' && typeof entry !== 'number') return; // long form: the schema checks it
      try {
        parsePortSpec(entry);
      } catch (e) {
        if (!(e instanceof PortError)) throw e;
        const path = ['services', name, 'ports', i];
        problems.push({ message: `${formatPath(path)}: ${e.message}`, origin: originOf(ports, i), path });
      }
    });
  }
  return problems;
}
