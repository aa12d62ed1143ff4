import rule from '../rules/dangerous-device';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'tun, GPU, serial, FUSE, CDI',
      code: lines(
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '    devices:',
        '      - /dev/net/tun',
        '      - /dev/dri:/dev/dri',
        '      - /dev/nvidia0',
        '      - /dev/ttyUSB0:/dev/ttyACM0',
        '      - /dev/fuse',
        '      - nvidia.com/gpu=all',
      ),
    },
  ],
  invalid: [
    {
      name: 'block and kernel devices, public and not',
      code: lines(
        'services:',
        '  smart:',
        '    image: example/disk-health:1.0',
        '    ports:',
        '      - "8080:8080"',
        '    devices:',
        '      - /dev/sda:/dev/sda',
        '      - /dev/nvme0n1p2',
        '  kernel:',
        '    image: example/kernel:1.0',
        '    devices:',
        '      - "/dev/mapper/vg0-data:/dev/data:r"',
        '      - /dev/mem',
        '      - /dev/kmsg',
        '      - /dev/cpu/0/msr',
      ),
      findings: [
        {
          line: 7,
          column: 9,
          severity: 'error',
          service: 'smart',
          message: '`devices` entry `/dev/sda` is a host block device: the container reads and writes the disk under every filesystem, permissions included (public: published on 0.0.0.0:8080)',
        },
        {
          line: 8,
          column: 9,
          severity: 'error',
          service: 'smart',
          message: '`devices` entry `/dev/nvme0n1p2` is a host block device: the container reads and writes the disk under every filesystem, permissions included (public: published on 0.0.0.0:8080)',
        },
        {
          line: 12,
          column: 9,
          severity: 'warning',
          service: 'kernel',
          message:
            '`devices` entry `/dev/mapper/vg0-data` is a host block device (device-mapper, md RAID or a /dev/disk link): the container reads and writes the disk under every filesystem, permissions included (adjacent: on default with public service smart)',
        },
        {
          line: 13,
          column: 9,
          severity: 'warning',
          service: 'kernel',
          message: "`devices` entry `/dev/mem` is the host's physical memory or I/O ports (adjacent: on default with public service smart)",
        },
        {
          line: 14,
          column: 9,
          severity: 'warning',
          service: 'kernel',
          message: "`devices` entry `/dev/kmsg` is the host kernel's log (read and write) (adjacent: on default with public service smart)",
        },
        {
          line: 15,
          column: 9,
          severity: 'warning',
          service: 'kernel',
          message: '`devices` entry `/dev/cpu/0/msr` is CPU model-specific registers and microcode (adjacent: on default with public service smart)',
        },
      ],
    },
  ],
});
