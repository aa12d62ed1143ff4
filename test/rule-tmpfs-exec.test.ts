import rule from '../rules/tmpfs-exec';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'default options, noexec spelled out, size and mode, long syntax',
      code: lines(
        'services:',
        '  a:',
        '    image: x:1',
        '    tmpfs:',
        '      - /tmp',
        '      - /run:noexec,nosuid,size=1m',
        '      - /cache:mode=1777',
        '    volumes:',
        '      - type: tmpfs',
        '        target: /scratch',
        '        tmpfs: {size: 1000}',
      ),
    },
  ],
  invalid: [
    {
      name: 'exec, suid and dev in a list and in a lone string',
      code: lines(
        'services:',
        '  web:',
        '    image: x:1',
        '    ports: ["8080:80"]',
        '    tmpfs:',
        '      - /tmp:exec,size=64m',
        '      - /dev2:rw,suid,dev',
        '  job:',
        '    image: x:1',
        '    network_mode: none',
        '    tmpfs: /build:exec',
      ),
      findings: [
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'web',
          message:
            "`web`, published on 0.0.0.0:8080, mounts a tmpfs at `/tmp` with `exec`, undoing Docker's default `noexec,nosuid,nodev`: a writable scratch directory becomes a place to run dropped payloads",
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'web',
          message:
            "`web`, published on 0.0.0.0:8080, mounts a tmpfs at `/dev2` with `suid`, `dev`, undoing Docker's default `noexec,nosuid,nodev`: a writable scratch directory becomes a place to run dropped payloads",
        },
        {
          line: 11,
          column: 12,
          severity: 'info',
          service: 'job',
          message: "`job`, not published, mounts a tmpfs at `/build` with `exec`, undoing Docker's default `noexec,nosuid,nodev`: a writable scratch directory becomes a place to run dropped payloads",
        },
      ],
    },
    {
      name: 'an entry without a path before its options',
      code: lines('services:', '  a:', '    image: x:1', '    tmpfs: [":exec"]'),
      findings: [
        {
          line: 4,
          column: 13,
          severity: 'info',
          service: 'a',
          message:
            "`a`, not published, mounts a tmpfs without a path with `exec`, undoing Docker's default `noexec,nosuid,nodev`: a writable scratch directory becomes a place to run dropped payloads",
        },
      ],
    },
    {
      name: 'added by an override file: reported there',
      code: { 'compose.yaml': lines('services:', '  a:', '    image: x:1', '    tmpfs: [/tmp]'), 'compose.override.yaml': lines('services:', '  a:', '    tmpfs: ["/tmp2:exec"]') },
      findings: [
        {
          file: 'compose.override.yaml',
          line: 3,
          column: 13,
          severity: 'info',
          service: 'a',
          message: "`a`, not published, mounts a tmpfs at `/tmp2` with `exec`, undoing Docker's default `noexec,nosuid,nodev`: a writable scratch directory becomes a place to run dropped payloads",
        },
      ],
    },
  ],
});
