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

/**
 * Major numbers of Linux Documentation/admin-guide/devices.txt whose nodes give away the host, as a
 * `device_cgroup_rules` entry names them. Character: 1 is the memory devices (1:1 /dev/mem, 1:2
 * /dev/kmem, 1:4 /dev/port, 1:11 /dev/kmsg; 1:3 /dev/null, 1:5 /dev/zero, 1:8 /dev/random and
 * 1:9 /dev/urandom are harmless), 202 the per-CPU MSR interface. Block: every major is a disk or a
 * view of one; the common ones are named. Other character majors (189 USB, 116 ALSA sound, 226 DRI
 * GPUs, 10 misc: tun, fuse) are left alone.
 */
const MEMORY_MINORS = new Set(['1', '2', '4', '11', '*']);
const BLOCK_MAJORS: Record<string, string> = {
  '3': 'IDE disks',
  '7': 'loop devices',
  '8': 'SCSI/SATA disks',
  '9': 'md RAID arrays',
  '179': 'MMC/SD cards',
  '202': 'Xen virtual disks',
  '253': 'device-mapper or virtio disks',
  '254': 'device-mapper or virtio disks',
  '259': 'NVMe disks',
};

/**
 * What a `device_cgroup_rules` entry (`TYPE MAJOR:MINOR ACCESS`, TYPE `a` all, `b` block, `c`
 * character; ACCESS of `r` read, `w` write, `m` mknod: Linux cgroup-v1 devices.rst, Docker's
 * `--device-cgroup-rule`) lets the container open, or undefined for a narrow or harmless rule.
 * With the MKNOD capability Docker grants by default, an allowed node can be created even when no
 * `devices` entry passes it.
 */
function cgroupRuleGrant(rule: string): string | undefined {
  const m = /^\s*([abc])(?:\s+(\*|\d+)(?::(\*|\d+))?)?(?:\s+([rwm]+))?\s*$/.exec(rule);
  if (!m) return undefined;
  const [, type, major = '*', minor = '*', access = 'rwm'] = m;
  if (type === 'a') return 'every host device, disks, memory and kernel devices included (the same device access as `privileged`)';
  const kind = type === 'b' ? 'block' : 'character';
  if (major === '*')
    return `every host ${kind} device${type === 'b' ? ': the container reads and writes the disks under every filesystem, permissions included' : ', /dev/mem and /dev/kmsg included'}`;
  if (type === 'b') {
    // `m` alone creates a node the cgroup still refuses to open.
    if (!/[rw]/.test(access)) return undefined;
    const name = BLOCK_MAJORS[major] ?? 'a block device';
    const does = /w/.test(access) ? 'reads and writes' : 'reads';
    return `host block devices of major ${major} (${name}): the container ${does} the disk under every filesystem, permissions included`;
  }
  if (major === '1' && MEMORY_MINORS.has(minor)) return "the host's memory devices (/dev/mem, /dev/kmem, /dev/port, /dev/kmsg)";
  if (major === '202') return 'CPU model-specific registers (/dev/cpu/*/msr)';
  return undefined;
}

/** The host side of a `devices` entry: `HOST[:CONTAINER[:PERMS]]` or `{source: HOST, ...}`. */
function hostPath(entry: unknown): string | undefined {
  if (isDict(entry)) return typeof entry.source === 'string' ? entry.source : undefined;
  if (typeof entry !== 'string') return undefined;
  return entry.split(':')[0];
}

export default defineRule<Record<string, never>, 'device' | 'cgroupRule'>({
  id: 'dangerous-device',
  description: 'A service is given a host block device or kernel device (`devices: [/dev/sda]`, `/dev/mem`, `/dev/kmsg`, ...), or a `device_cgroup_rules` entry allows them (`a *:* rwm`, `b 8:* rw`).',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.5,
  fixable: false,
  messages: {
    device: '`devices` entry `{{device}}` is {{what}} ({{exposure}})',
    cgroupRule: '`device_cgroup_rules` entry `{{rule}}` allows {{what}} ({{exposure}})',
  },
  docs: {
    why: [
      "`devices` passes a host device node into the container. For a disk (`/dev/sda`, `/dev/nvme0n1`, `/dev/mapper/*`) that is the raw disk under every filesystem: file permissions, read-only mounts and other containers' data no longer apply. `/dev/mem`, `/dev/kmem` and `/dev/port` are the host's memory and I/O ports, `/dev/kmsg` the kernel log, `/dev/cpu/*` the CPUs' model-specific registers.",
      '',
      "`device_cgroup_rules` (`--device-cgroup-rule`) adds entries to the container's device allow list, in the kernel's `TYPE MAJOR:MINOR ACCESS` form. Docker gives containers the MKNOD capability by default, so an allowed device can be created with `mknod` and opened even though no `devices` entry passes it. Reported are entries that allow every device (`a`, or `*` as the major number), block devices that are read or written (Linux devices.txt: major 8 SCSI/SATA disks, 259 NVMe, 253/254 device-mapper and virtio, ...), the memory devices (`c 1:1` /dev/mem, `c 1:2` /dev/kmem, `c 1:4` /dev/port, `c 1:11` /dev/kmsg, `c 1:*`) and the CPU MSRs (`c 202:*`). Narrow character-device rules (`c 189:* rmw` USB serial, `c 116:* rmw` ALSA sound, `c 226:* rmw` DRI GPUs, `c 10:200 rwm` tun) are not.",
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
      const rules = listOf(svc.device_cgroup_rules);
      rules.forEach((rule, i) => {
        const what = typeof rule === 'string' ? cgroupRuleGrant(rule) : undefined;
        if (what === undefined || typeof rule !== 'string') return;
        ctx.report({
          messageId: 'cgroupRule',
          data: { rule, what, exposure: reach(exposure) },
          origin: originOf(rules, i),
          service: name,
          value: rule,
          severity: severityFor('warning', exposure),
        });
      });
    }
  },
});
