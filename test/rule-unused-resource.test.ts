import rule from '../rules/unused-resource';
import { ruleTester } from './rule-tester';

const TAIL = 'but no service uses it; remove it, or attach it where it was meant to be used';

ruleTester(rule, {
  valid: [
    {
      name: 'every kind used, in short and long syntax',
      code: 'services:\n  web:\n    image: x\n    networks: [front]\n    volumes:\n      - data:/data\n      - type: volume\n        source: cache\n        target: /cache\n    secrets:\n      - source: key\n    configs: [conf]\nnetworks:\n  front:\nvolumes:\n  data:\n  cache:\nsecrets:\n  key:\n    environment: K\nconfigs:\n  conf:\n    content: x\n',
    },
    {
      name: 'a declared default network joined implicitly',
      code: 'services:\n  web:\n    image: x\nnetworks:\n  default:\n    name: custom\n',
    },
    {
      name: 'a resource used only by a service behind a profile, or only by a build',
      code: 'services:\n  web:\n    image: x\n    build:\n      context: .\n      secrets: [token]\n  backup:\n    image: x\n    profiles: [backup]\n    volumes: ["dumps:/dumps"]\nvolumes:\n  dumps:\nsecrets:\n  token:\n    environment: T\n',
    },
    {
      name: 'a service extends a file that cannot be read: its base may use anything',
      code: 'services:\n  web:\n    extends:\n      file: missing/base.yaml\n      service: web\nvolumes:\n  data:\n',
    },
  ],
  invalid: [
    {
      name: 'one unused resource of each kind, external ones too',
      code: 'services:\n  web:\n    image: x\n    volumes:\n      - ./bind:/data\nnetworks:\n  back:\n  outside:\n    external: true\nvolumes:\n  data:\nsecrets:\n  old:\n    file: ./old.txt\nconfigs:\n  conf:\n    content: x\n',
      findings: [
        { line: 7, column: 3, severity: 'info', message: `network "back" is declared, ${TAIL}` },
        { line: 8, column: 3, severity: 'info', message: `external network "outside" is declared, ${TAIL}` },
        { line: 11, column: 3, severity: 'info', message: `volume "data" is declared, ${TAIL}` },
        { line: 13, column: 3, severity: 'info', message: `secret "old" is declared, ${TAIL}` },
        { line: 16, column: 3, severity: 'info', message: `config "conf" is declared, ${TAIL}` },
      ],
    },
    {
      name: 'a configured default network while every service names its networks or a mode',
      code: 'services:\n  web:\n    image: x\n    networks: [front]\n  agent:\n    image: x\n    network_mode: host\nnetworks:\n  front:\n  default:\n    driver: bridge\n',
      findings: [
        {
          line: 10,
          column: 3,
          severity: 'info',
          message: `the default network is configured, but no service uses it (every service names its networks or sets network_mode); remove it, or attach it where it was meant to be used`,
        },
      ],
    },
    {
      name: 'extends from a file that was read still lets unused resources show',
      code: {
        'compose.yaml': 'services:\n  web:\n    extends:\n      file: lib/base.yaml\n      service: base\nvolumes:\n  data:\n  logs:\n',
        'lib/base.yaml': 'services:\n  base:\n    image: x\n    volumes: ["data:/data"]\n',
      },
      findings: [{ line: 8, column: 3, severity: 'info', message: `volume "logs" is declared, ${TAIL}` }],
    },
    {
      name: 'declared in an included file: reported there',
      code: {
        'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: x\n',
        'db/compose.yaml': 'services:\n  db:\n    image: x\nvolumes:\n  db-data:\n',
      },
      findings: [{ file: 'db/compose.yaml', line: 5, column: 3, severity: 'info', message: `volume "db-data" is declared, ${TAIL}` }],
    },
  ],
});
