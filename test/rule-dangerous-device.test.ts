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
    {
      name: 'narrow character-device rules: USB serial, ALSA, DRI, tun, /dev/null; mknod alone on a disk; a rule that is not one',
      code: lines(
        'services:',
        '  ha:',
        '    image: example/ha:1.0',
        '    device_cgroup_rules:',
        '      - "c 189:* rmw"',
        '      - "c 116:* rmw"',
        "      - 'c 226:* rmw'",
        '      - c 10:200 rwm',
        '      - c 1:3 rwm',
        '      - b 8:* m',
        '      - "x 8:* rwm"',
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
    {
      name: 'device_cgroup_rules: all devices, any major, block devices, memory and MSR; public and not',
      code: lines(
        'services:',
        '  builder:',
        '    image: example/builder:1.0',
        '    ports:',
        '      - "8080:8080"',
        '    device_cgroup_rules:',
        '      - "a *:* rwm"',
        "      - 'c *:* rwm'",
        '  backup:',
        '    image: example/backup:1.0',
        '    networks: [back]',
        '    device_cgroup_rules:',
        '      - b 8:* rw',
        '      - "b 7:* r"',
        '      - "b 300:1 rm"',
        '      - "c 1:1 r"',
        '      - "c 202:* rw"',
        '      - "b *:* rwm"',
        'networks:',
        '  back:',
      ),
      findings: [
        {
          line: 7,
          column: 9,
          severity: 'error',
          service: 'builder',
          message:
            '`device_cgroup_rules` entry `a *:* rwm` allows every host device, disks, memory and kernel devices included (the same device access as `privileged`) (public: published on 0.0.0.0:8080)',
        },
        {
          line: 8,
          column: 9,
          severity: 'error',
          service: 'builder',
          message: '`device_cgroup_rules` entry `c *:* rwm` allows every host character device, /dev/mem and /dev/kmsg included (public: published on 0.0.0.0:8080)',
        },
        {
          line: 13,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message:
            '`device_cgroup_rules` entry `b 8:* rw` allows host block devices of major 8 (SCSI/SATA disks): the container reads and writes the disk under every filesystem, permissions included (internal: not published)',
        },
        {
          line: 14,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message:
            '`device_cgroup_rules` entry `b 7:* r` allows host block devices of major 7 (loop devices): the container reads the disk under every filesystem, permissions included (internal: not published)',
        },
        {
          line: 15,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message:
            '`device_cgroup_rules` entry `b 300:1 rm` allows host block devices of major 300 (a block device): the container reads the disk under every filesystem, permissions included (internal: not published)',
        },
        {
          line: 16,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message: "`device_cgroup_rules` entry `c 1:1 r` allows the host's memory devices (/dev/mem, /dev/kmem, /dev/port, /dev/kmsg) (internal: not published)",
        },
        {
          line: 17,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message: '`device_cgroup_rules` entry `c 202:* rw` allows CPU model-specific registers (/dev/cpu/*/msr) (internal: not published)',
        },
        {
          line: 18,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message:
            '`device_cgroup_rules` entry `b *:* rwm` allows every host block device: the container reads and writes the disks under every filesystem, permissions included (internal: not published)',
        },
      ],
    },
  ],
});
