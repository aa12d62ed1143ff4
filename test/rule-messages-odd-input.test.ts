/**
 * Every rule's message data stays meaningful on odd but loadable input (long syntax with fields
 * left out, numbers where strings are usual, empty parts): no `undefined`, `null`, `NaN` or
 * `[object Object]` rendered into a message, and no empty code span (two backticks). The snippets
 * are the shapes that once printed such words; each rule's own table has the exact findings.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintSync } from '../src/api';

const svc = (body: string): string => `services:\n  app:\n    image: nginx:1.25\n${body}`;

const SNIPPETS: Record<string, string> = {
  'ports without target under host': svc('    network_mode: host\n    ports:\n      - published: 8080\n      - {}\n'),
  'ports without target under service:': svc('    ports: ["80:80"]\n  side:\n    image: x:1\n    network_mode: service:app\n    ports:\n      - published: "8081"\n        host_ip: 127.0.0.1\n'),
  'ports without target under none': svc('    network_mode: none\n    ports:\n      - host_ip: 0.0.0.0\n'),
  'long ports without published': svc('    ports:\n      - target: 5432\n        host_ip: 0.0.0.0\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: ""\n'),
  'binds without source or target': svc(
    '    volumes:\n      - type: bind\n        target: /x\n        bind: {propagation: rshared}\n      - type: bind\n        bind: {propagation: shared}\n      - type: bind\n        source: /var/run/docker.sock\n      - type: bind\n        source: /etc\n',
  ),
  'tmpfs entries without a path': svc('    tmpfs: [":exec", "/x:exec,mode=1777"]\n'),
  'numbers where strings are usual': svc(
    '    user: 0\n    cap_add: [123, SYS_ADMIN]\n    devices: [123, "/dev/mem:/dev/mem"]\n    security_opt: [1, "seccomp:unconfined"]\n    environment:\n      PASSWORD: 123\n      TOKEN: true\n',
  ),
  'logging addresses with odd parts': svc(
    '    logging:\n      driver: syslog\n      options:\n        syslog-address: "udp://[::1]"\n  collector:\n    image: x:1\n    ports:\n      - published: 514\n',
  ),
  'replicas and host networking':
    'services:\n  a:\n    image: x:1\n    network_mode: host\n    deploy:\n      replicas: 2\n    ports:\n      - target: 80\n        published: 8080\n  b:\n    image: redis:7\n    network_mode: host\n    scale: 2\n',
  'ipam with fields left out':
    'services:\n  app:\n    image: x:1\n    networks:\n      n:\n        ipv4_address: 10.0.0.5\nnetworks:\n  n:\n    ipam:\n      config:\n        - {}\n        - gateway: 10.0.0.1\n',
};

/** Findings of every rule (preset `all`) on one snippet. */
function lintAll(code: string): { rule: string; message: string; data?: Record<string, string | number> }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odd-input-'));
  const config = `${dir}.compose-lint.json`;
  try {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), code);
    fs.writeFileSync(config, JSON.stringify({ extends: 'all' }));
    return lintSync({ cwd: dir, targets: ['.'], config, env: {} }).findings;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(config, { force: true });
  }
}

const BAD_WORD = /\b(undefined|null|NaN)\b|\[object Object\]/;

test.each(Object.entries(SNIPPETS))('%s', (_name, code) => {
  const findings = lintAll(code);
  expect(findings.length).toBeGreaterThan(0);
  const bad = findings.flatMap((f) => {
    const values = Object.values(f.data ?? {});
    const wrong = values.some((v) => (typeof v === 'number' ? !Number.isFinite(v) : BAD_WORD.test(v))) || f.message.includes('``');
    return wrong ? [`${f.rule}: ${f.message}`] : [];
  });
  expect(bad).toEqual([]);
});
