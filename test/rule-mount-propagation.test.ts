import rule from '../rules/mount-propagation';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'private and slave propagation, plain binds, named volumes',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    volumes:',
        '      - /srv:/srv:rslave',
        '      - ./data:/data:ro',
        '      - data:/var/lib/x',
        '      - type: bind',
        '        source: /mnt',
        '        target: /mnt',
        '        bind: {propagation: rprivate}',
        'volumes:',
        '  data:',
      ),
    },
    {
      // The rule read the first shared option, trimmed; compose-go's ParseVolume keeps the last propagation option and matches options exactly.
      name: 'a later propagation option overrides rshared; an option with a space is no propagation',
      code: lines('services:', '  a:', '    image: x:1', '    volumes:', '      - /srv:/srv:rshared,rprivate', '      - "/mnt:/mnt:ro, rshared"'),
    },
  ],
  invalid: [
    {
      name: 'short and long syntax, a Windows drive',
      code: lines(
        'services:',
        '  web:',
        '    image: x:1',
        '    ports: ["8080:80"]',
        '    volumes:',
        '      - /srv:/srv:ro,rshared',
        '      - type: bind',
        '        source: /mnt',
        '        target: /mnt',
        '        bind:',
        '          propagation: shared',
        '      - C:\\data:/data:rshared',
      ),
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, mounts `/srv` with `rshared` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
        },
        {
          line: 11,
          column: 24,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, mounts `/mnt` with `shared` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
        },
        {
          line: 12,
          column: 9,
          severity: 'warning',
          service: 'web',
          message: '`web`, published on 0.0.0.0:8080, mounts `C:\\data` with `rshared` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
        },
      ],
    },
    {
      name: 'a long-syntax entry without source is named by its target',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    volumes:',
        '      - type: bind',
        '        target: /mnt',
        '        bind: {propagation: rshared}',
        '      - type: bind',
        '        bind: {propagation: shared}',
      ),
      findings: [
        {
          line: 7,
          column: 29,
          severity: 'info',
          service: 'a',
          message:
            '`a`, not published, mounts an entry without `source` (target `/mnt`) with `rshared` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
        },
        {
          line: 9,
          column: 29,
          severity: 'info',
          service: 'a',
          message: '`a`, not published, mounts an entry without `source` with `shared` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
        },
      ],
    },
    {
      name: 'the mode comes from .env',
      code: { 'compose.yaml': lines('services:', '  a:', '    image: x:1', '    volumes:', '      - "/srv:/srv:${MODE}"'), '.env': 'MODE=rshared\n' },
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'info',
          service: 'a',
          message: '`a`, not published, mounts `/srv` with `rshared` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
        },
      ],
    },
  ],
});
