import rule from '../rules/security-profile-disabled';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'custom profiles and hardening options',
      code: lines('services:', '  app:', '    image: example/app:1.0', '    security_opt:', '      - seccomp:./profile.json', '      - apparmor:docker-default', '      - no-new-privileges:true'),
    },
  ],
  invalid: [
    {
      name: 'every spelling, public and not',
      code: lines(
        'services:',
        '  browser:',
        '    image: example/chrome:120',
        '    ports:',
        '      - "3000:3000"',
        '    security_opt:',
        '      - seccomp:unconfined',
        '      - apparmor=unconfined',
        '  mail:',
        '    image: example/mail:1.0',
        '    security_opt: ["label=disable", "systempaths=unconfined", "SECCOMP=UNCONFINED"]',
      ),
      findings: [
        {
          line: 7,
          column: 9,
          severity: 'error',
          service: 'browser',
          message: '`seccomp:unconfined` turns off the seccomp filter: every system call of the host kernel is open to the container (public: published on 0.0.0.0:3000)',
        },
        {
          line: 8,
          column: 9,
          severity: 'error',
          service: 'browser',
          message: '`apparmor=unconfined` turns off the AppArmor profile that keeps the container away from /proc, /sys and mount (public: published on 0.0.0.0:3000)',
        },
        {
          line: 11,
          column: 20,
          severity: 'warning',
          service: 'mail',
          message: '`label=disable` turns off SELinux labelling: the container is no longer kept to its own files (adjacent: on default with public service browser)',
        },
        {
          line: 11,
          column: 37,
          severity: 'warning',
          service: 'mail',
          message: '`systempaths=unconfined` turns off the masking of /proc and /sys paths that expose the host kernel (adjacent: on default with public service browser)',
        },
        {
          line: 11,
          column: 63,
          severity: 'warning',
          service: 'mail',
          message: '`SECCOMP=UNCONFINED` turns off the seccomp filter: every system call of the host kernel is open to the container (adjacent: on default with public service browser)',
        },
      ],
    },
  ],
});
