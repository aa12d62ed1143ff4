/**
 * Port strings the schema accepts but Docker refuses (`70000:80`, `1-2:3-5`, `80/tcpx`): the schema
 * only says "string or number", so each short-syntax entry is parsed the way Docker parses it. A
 * long-syntax entry without `target` (the schema does not require it) is refused too.
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
      if (typeof entry !== 'string' && typeof entry !== 'number') {
        const problem = longFormProblem(entry);
        if (problem) problems.push({ message: `${formatPath(['services', name, 'ports', i])}: ${problem}`, origin: originOf(ports, i), path: ['services', name, 'ports', i] });
        return;
      }
      try {
        parsePortSpec(entry);
      } catch (e) {
        if (!(e instanceof PortError)) throw e;
        const path = ['services', name, 'ports', i];
        problems.push({ message: `${formatPath(path)}: ${JSON.stringify(String(entry))} is not a valid port mapping: ${portProblem(e.message)}`, origin: originOf(ports, i), path });
      }
    });
  }
  return problems;
}

/**
 * What Docker refuses in a long-form entry that the schema accepts (the schema checks the types):
 * no `target`, or target 0. compose-go reads a missing `target` as 0 (ServicePortConfig.Target, a
 * uint32) without complaint; Docker Engine refuses container port 0 when `docker compose up`
 * creates the container (moby daemon/container.go, validatePortBindings: `invalid port
 * specification: "0/tcp"`).
 */
function longFormProblem(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const target = (entry as Record<string, unknown>).target;
  if (target === undefined)
    return 'no container port: the long syntax needs `target` (the port inside the container); Compose reads it as 0, and Docker refuses the container ("invalid port specification")';
  if (target === 0 || target === '0') return 'container port 0 is not a port: Docker refuses the container ("invalid port specification"); set `target` to the port inside the container';
  return undefined;
}

/**
 * Docker's error for a port spec (the wording of docker/go-connections, kept by the parser for its
 * test tables) said in Compose's terms, without Go's internals ("too many colons in address").
 */
export function portProblem(dockerMessage: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^Invalid ip address:? (.*?)(?:: address .*)?$/.exec(dockerMessage))) {
    const hint = m[1].includes(':') && !m[1].includes('[') ? ' (write an IPv6 address in brackets: "[::1]:8080:80")' : '';
    return `host IP "${m[1]}" is not an IP address${hint}`;
  }
  if ((m = /^Invalid hostPort: (.*)$/.exec(dockerMessage))) return `host port "${m[1]}" is not a port number (0-65535) or range`;
  if ((m = /^Invalid containerPort: (.*)$/.exec(dockerMessage))) return `container port "${m[1]}" is not a port number (0-65535) or range`;
  if ((m = /^Invalid proto: (.*)$/.exec(dockerMessage))) return `protocol "${m[1]}" is not tcp, udp or sctp`;
  if ((m = /^Invalid ranges specified for container and host Ports: (.*) and (.*)$/.exec(dockerMessage))) {
    return `the host range ${m[2]} and the container range ${m[1]} are not the same length`;
  }
  if (/^No port specified/.test(dockerMessage)) return 'no container port given';
  return dockerMessage;
}
