import rule from '../rules/privileged';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [{ name: 'privileged: false', code: lines('services:', '  app:', '    image: example/app:1.0', '    privileged: false') }],
  invalid: [
    {
      name: 'public service: error naming the published address',
      code: lines('services:', '  vpn:', '    image: example/vpn:1.4', '    privileged: true', '    ports:', '      - "51820:51820/udp"'),
      findings: [
        {
          line: 4,
          column: 17,
          severity: 'error',
          service: 'vpn',
          message:
            '`privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (public: published on 0.0.0.0:51820)',
        },
      ],
    },
    {
      name: 'internal and adjacent services: warnings',
      code: lines(
        'services:',
        '  ui:',
        '    image: example/ui:1.0',
        '    ports:',
        '      - "8080:80"',
        '  agent:',
        '    image: example/agent:1.0',
        '    privileged: true',
        '    network_mode: none',
        '  worker:',
        '    image: example/worker:1.0',
        '    privileged: true',
      ),
      findings: [
        {
          line: 8,
          column: 17,
          severity: 'warning',
          service: 'agent',
          message:
            '`privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (internal: not published)',
        },
        {
          line: 12,
          column: 17,
          severity: 'warning',
          service: 'worker',
          message:
            '`privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (adjacent: on default with public service ui)',
        },
      ],
    },
    {
      name: 'from .env through interpolation',
      code: {
        'compose.yaml': lines('services:', '  agent:', '    image: example/agent:1.0', '    privileged: ${PRIV:-false}'),
        '.env': lines('PRIV=true'),
      },
      findings: [
        {
          line: 4,
          column: 17,
          severity: 'warning',
          service: 'agent',
          message:
            '`privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (internal: not published)',
        },
      ],
    },
    {
      name: 'from an override file',
      code: {
        'compose.yaml': lines('services:', '  agent:', '    image: example/agent:1.0'),
        'compose.override.yaml': lines('services:', '  agent:', '    privileged: true'),
      },
      findings: [
        {
          line: 3,
          column: 17,
          severity: 'warning',
          service: 'agent',
          file: 'compose.override.yaml',
          message:
            '`privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs (internal: not published)',
        },
      ],
    },
  ],
});
