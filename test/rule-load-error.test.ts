/** load-error: env_file and label_file entries Docker Compose cannot read, at the entry or the line of the file. */
import rule from '../rules/load-error';
import { ruleTester } from './rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'env files that exist, an optional one that does not, the raw format',
      code: {
        'compose.yaml':
          'services:\n  a:\n    image: x\n    env_file:\n      - ./a.env\n      - path: ./missing.env\n        required: false\n      - path: ./raw.env\n        format: raw\n    label_file: ./labels\n',
        'a.env': 'A=1\nexport B="two"\n',
        'raw.env': 'C=$NOT "interpolated"\n',
        labels: 'com.example.team=core\n',
      },
    },
    {
      name: 'a disabled service is not resolved',
      code: 'services:\n  a:\n    image: x\n  debug:\n    image: y\n    profiles: [debug]\n    env_file: ./debug.env\n',
    },
  ],
  invalid: [
    {
      name: 'a missing env file, short and long form',
      code: 'services:\n  a:\n    image: x\n    env_file: ./a.env\n  b:\n    image: y\n    env_file:\n      - path: ./b.env\n',
      findings: [
        {
          line: 4,
          column: 15,
          severity: 'error',
          service: 'a',
          message: 'env file a.env: no such file or directory; Docker Compose refuses the project (add `required: false` to the entry if the file is optional)',
        },
        {
          line: 8,
          column: 15,
          severity: 'error',
          service: 'b',
          message: 'env file b.env: no such file or directory; Docker Compose refuses the project (add `required: false` to the entry if the file is optional)',
        },
      ],
    },
    {
      name: 'a malformed line, at its line in the env file',
      code: { 'compose.yaml': 'services:\n  a:\n    image: x\n    env_file: [./a.env]\n', 'a.env': 'OK=1\n\nBAD KEY=2\n' },
      findings: [{ file: 'a.env', line: 3, column: 1, severity: 'error', service: 'a', message: 'env_file a.env of service "a": key cannot contain a space; Docker Compose refuses the project' }],
    },
    {
      name: 'a missing label file (label files are always required)',
      code: 'services:\n  a:\n    image: x\n    label_file: [./labels]\n',
      findings: [{ line: 4, column: 18, severity: 'error', service: 'a', message: 'label file labels: no such file or directory; Docker Compose refuses the project' }],
    },
    {
      name: 'an env_file format Docker Compose does not know',
      code: { 'compose.yaml': 'services:\n  a:\n    image: x\n    env_file:\n      - path: ./a.env\n        format: toml\n', 'a.env': 'A=1\n' },
      findings: [{ line: 5, column: 15, severity: 'error', service: 'a', message: 'unsupported env_file format "toml": Docker Compose knows the default format and `raw`' }],
    },
  ],
});
