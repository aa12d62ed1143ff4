import rule from '../rules/depends-on-cycle';
import { ruleTester } from './rule-tester';
import type { Project } from '../src/model/project';
import type { Graph } from '../src/graph/types';
import type { Report } from '../src/types';

const REFUSED = 'Docker Compose cannot decide which service to start first and refuses the project';

ruleTester(rule, {
  valid: [
    {
      name: 'a chain and a diamond',
      code: 'services:\n  a:\n    image: x\n    depends_on: [b, c]\n  b:\n    image: x\n    depends_on: [d]\n  c:\n    image: x\n    links: [d]\n  d:\n    image: x\n',
    },
    {
      name: 'dependencies on services that do not exist are not edges',
      code: 'services:\n  a:\n    image: x\n    depends_on: [ghost]\n',
    },
    {
      name: 'container: references are outside the project',
      code: 'services:\n  a:\n    image: x\n    network_mode: container:a\n    volumes_from: ["container:a"]\n',
    },
  ],
  invalid: [
    {
      name: 'a three-service cycle, reported once at the entry that closes it',
      code: 'services:\n  web:\n    image: x\n    depends_on: [api]\n  api:\n    image: x\n    depends_on:\n      worker:\n        condition: service_healthy\n  worker:\n    image: x\n    depends_on:\n      - web\n',
      findings: [{ line: 13, column: 9, severity: 'error', service: 'worker', message: `dependency cycle: web -> api -> worker -> web; ${REFUSED}` }],
    },
    {
      name: 'a service depending on itself',
      code: 'services:\n  a:\n    image: x\n    depends_on: [a]\n',
      findings: [{ line: 4, column: 18, severity: 'error', service: 'a', message: `dependency cycle: a -> a; ${REFUSED}` }],
    },
    {
      name: 'two cycles sharing a service',
      code: 'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a, c]\n  c:\n    image: x\n    depends_on: [b]\n',
      findings: [
        { line: 7, column: 18, severity: 'error', service: 'b', message: `dependency cycle: a -> b -> a; ${REFUSED}` },
        { line: 10, column: 18, severity: 'error', service: 'c', message: `dependency cycle: b -> c -> b; ${REFUSED}` },
      ],
    },
    {
      name: 'implicit dependencies: links, volumes_from, network_mode; a duplicate edge counts once',
      code: 'services:\n  app:\n    image: x\n    depends_on: [proxy]\n    links: [proxy]\n  proxy:\n    image: x\n    network_mode: service:app\n  data:\n    image: x\n    volumes_from: ["store:ro"]\n  store:\n    image: x\n    links: ["data:d"]\n',
      findings: [
        { line: 8, column: 19, severity: 'error', service: 'proxy', message: `dependency cycle: app -> proxy -> app (proxy -> app comes from network_mode); ${REFUSED}` },
        {
          line: 14,
          column: 13,
          severity: 'error',
          service: 'store',
          message: `dependency cycle: data -> store -> data (data -> store comes from volumes_from; store -> data comes from links); ${REFUSED}`,
        },
      ],
    },
  ],
});

test('a ring of 50 000 services is walked without overflowing the stack', () => {
  // check() is a pure function of the model: call it directly, the loader is not under test here.
  const n = 50000;
  const services = Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, { image: 'x', depends_on: [`s${(i + 1) % n}`] }]));
  const project = { model: { services }, disabledServices: {}, envFiles: {}, profiles: [], env: {} } as unknown as Project;
  const reports: Report[] = [];
  rule.check({ project, graph: {} as Graph, options: {}, loadProblems: [], report: (r) => reports.push(r) });
  expect(reports.length).toBe(1);
  expect(reports[0].service).toBe(`s${n - 1}`);
  expect(reports[0].message.startsWith('dependency cycle: s0 -> s1 -> s2 -> ')).toBe(true);
  expect(reports[0].message.endsWith(` -> s${n - 1} -> s0; ${REFUSED}`)).toBe(true);
});

describe('shared namespaces', () => {
  ruleTester(rule, {
    valid: [{ name: 'pid/ipc/uts chains without a cycle', code: 'services:\n  a:\n    image: x\n    pid: "service:b"\n  b:\n    image: x\n    ipc: "service:c"\n  c:\n    image: x\n    uts: host\n' }],
    invalid: [
      {
        name: 'a cycle through pid and ipc',
        code: 'services:\n  metrics: {image: example/metrics, pid: "service:agent"}\n  agent: {image: example/agent, ipc: "service:metrics"}\n',
        findings: [
          {
            line: 3,
            column: 38,
            severity: 'error',
            service: 'agent',
            messageId: 'cycle',
            data: { cycle: 'metrics -> agent -> metrics (metrics -> agent comes from pid; agent -> metrics comes from ipc)' },
          },
        ],
      },
    ],
  });
});
