import rule from '../rules/logging-disabled';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'logging off on an internal service; a capped driver on a public one',
      code: lines(
        'services:',
        '  batch:',
        '    image: example/batch:1.0',
        '    logging:',
        '      driver: none',
        '  api:',
        '    image: example/api:2.3',
        '    ports:',
        '      - "8080:8080"',
        '    logging:',
        '      driver: json-file',
      ),
    },
  ],
  invalid: [
    {
      name: 'public through a port and through the host network',
      code: lines(
        'services:',
        '  api:',
        '    image: example/api:2.3',
        '    ports:',
        '      - "8080:8080"',
        '    logging:',
        '      driver: none',
        '  agent:',
        '    image: example/agent:1.0',
        '    network_mode: host',
        '    logging:',
        '      driver: none',
      ),
      findings: [
        {
          line: 7,
          column: 15,
          severity: 'warning',
          service: 'api',
          message:
            '`logging.driver: none` on a public service (published on 0.0.0.0:8080): what it prints, attacks on it included, is thrown away and `docker logs` shows nothing; keep a driver (the default `json-file` with `max-size`, or `local`)',
        },
        {
          line: 12,
          column: 15,
          severity: 'warning',
          service: 'agent',
          message:
            '`logging.driver: none` on a public service (on the host network (network_mode: host)): what it prints, attacks on it included, is thrown away and `docker logs` shows nothing; keep a driver (the default `json-file` with `max-size`, or `local`)',
        },
      ],
    },
  ],
});
