import rule from '../rules/resource-limits';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    { name: 'service-level limits', code: lines('services:', '  a:', '    image: x:1', '    mem_limit: 256m', '    cpus: 0.5', '    pids_limit: 100') },
    { name: 'deploy.resources.limits', code: lines('services:', '  a:', '    image: x:1', '    deploy:', '      resources:', '        limits: {memory: 256M, cpus: "1", pids: 50}') },
    {
      name: 'cpu_shares and cpuset count as CPU limits',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    mem_limit: 1g',
        '    cpu_shares: 512',
        '    pids_limit: 100',
        '  b:',
        '    image: x:1',
        '    mem_limit: 1g',
        '    cpuset: "0,1"',
        '    pids_limit: 100',
      ),
    },
  ],
  invalid: [
    {
      name: 'none, some, and explicit unlimited values',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["8080:80"]',
        '  b:',
        '    image: x:1',
        '    mem_limit: 256m',
        '    pids_limit: -1',
        '    deploy:',
        '      resources:',
        '        reservations: {cpus: "1"}',
        '  c:',
        '    image: x:1',
        '    mem_limit: 0',
        '    cpus: 1',
        '    deploy: {resources: {limits: {pids: 100}}}',
      ),
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, has no memory limit, no CPU limit and no pids limit: one runaway or attacked container can starve the host and every other service',
        },
        {
          line: 5,
          column: 3,
          severity: 'info',
          service: 'b',
          message: '`b`, on default with public service web, has no CPU limit and `pids_limit: -1` (no pids limit): one runaway or attacked container can starve the host and every other service',
        },
        {
          line: 12,
          column: 3,
          severity: 'info',
          service: 'c',
          message: '`c`, on default with public service web, has no memory limit: one runaway or attacked container can starve the host and every other service',
        },
      ],
    },
    {
      name: 'an override sets pids_limit: 0 (unlimited)',
      code: {
        'compose.yaml': lines('services:', '  a:', '    image: x:1', '    mem_limit: 256m', '    cpus: 1', '    pids_limit: 100'),
        'compose.override.yaml': lines('services:', '  a:', '    pids_limit: 0'),
      },
      findings: [
        {
          line: 2,
          column: 3,
          severity: 'info',
          service: 'a',
          message: '`a`, not published, has `pids_limit: 0` (no pids limit): one runaway or attacked container can starve the host and every other service',
        },
      ],
    },
  ],
});
