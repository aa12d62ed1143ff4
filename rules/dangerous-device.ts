import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { CIS_5_17 } from './_references';
import { isDict, listOf } from '../src/util/dict';
import { serviceEntries } from '../src/model/project';
import { exposureOf, reach, severityFor } from './_security';

/**
 * Host devices that give a container the host's disks, memory or kernel (Linux
 * Documentation/admin-guide/devices.txt): block devices (SCSI/SATA, IDE, virtio, Xen, NVMe, MMC,
 * loop, device-mapper, md RAID, /dev/disk links), /dev/mem, /dev/kmem, /dev/port, /dev/kmsg, and
 * the per-CPU MSR and microcode interfaces. GPUs, /dev/net/tun, serial, sound and USB are left alone.
 */
const DANGEROUS: { re: RegExp; what: string }[] = [
  {
    re: /^\/dev\/(sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+(n\d+)?|mmcblk\d+|loop\d+|dm-\d+|md\d+|sr\d+)(p?\d+)?$/,
    what: 'a host block device: the container reads and writes the disk under every filesystem, permissions included',
  },
  {
    re: /^\/dev\/(mapper|disk|md)(\/|$)/,
    what: 'a host block device (device-mapper, md RAID or a /dev/disk link): the container reads and writes the disk under every filesystem, permissions included',
  },
  { re: /^\/dev\/(mem|kmem|port)$/, what: "the host's physical memory or I/O ports" },
  { re: /^\/dev\/kmsg$/, what: "the host kernel's log (read and write)" },
  { re: /^\/dev\/cpu(\/|$)/, what: 'CPU model-specific registers and microcode' },
  { re: /^\/dev\/loop-control$/, what: 'loop device control (attach any file as a block device)' },
];

/** The host side of a `devices` entry: `HOST[:CONTAINER[:PERMS]]` or `{source: HOST, ...}`. */
function hostPath(entry: unknown): string | undefined {
  if (isDict(entry)) return typeof entry.source === 'string' ? entry.source : undefined;
  if (typeof entry !== 'string') return undefined;
  return entry.split(':')[0];
}

export default defineRule<Record<string, never>, 'device'>({
  id: 'dangerous-device',
  description: 'A service is given a host block device or kernel device (`devices: [/dev/sda]`, `/dev/mem`, `/dev/kmsg`, ...).',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.5,
  fixable: false,
  messages: {
    device: '`devices` entry `{{device}}` is {{what}} ({{exposure}})',
  },
  docs: {
    why: [
      "`devices` passes a host device node into the container. For a disk (`/dev/sda`, `/dev/nvme0n1`, `/dev/mapper/*`) that is the raw disk under every filesystem: file permissions, read-only mounts and other containers' data no longer apply. `/dev/mem`, `/dev/kmem` and `/dev/port` are the host's memory and I/O ports, `/dev/kmsg` the kernel log, `/dev/cpu/*` the CPUs' model-specific registers.",
      '',
      'GPUs (`/dev/dri`, `/dev/nvidia*`, CDI names), `/dev/net/tun`, `/dev/fuse`, serial, sound and USB devices are not reported. The finding is an error on a public service and a warning otherwise.',
    ].join('\n'),
    bad: 'services:\n  smart:\n    image: example/disk-health:1\n    devices:\n      - /dev/sda:/dev/sda\n',
    good: 'services:\n  transcoder:\n    image: example/transcoder:1\n    devices:\n      - /dev/dri:/dev/dri\n',
    references: [CIS_5_17],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const devices = listOf(svc.devices);
      const exposure = exposureOf(ctx.graph, name);
      devices.forEach((entry, i) => {
        const device = hostPath(entry);
        const hit = device === undefined ? undefined : DANGEROUS.find((d) => d.re.test(device));
        if (!hit || device === undefined) return;
        ctx.report({
          messageId: 'device',
          data: { device, what: hit.what, exposure: reach(exposure) },
          origin: originOf(devices, i),
          service: name,
          value: device,
          severity: severityFor('warning', exposure),
        });
      });
    }
  },
});
