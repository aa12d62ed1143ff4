import { defineRule } from '../src/define-rule';
import type { ComposeDict } from '../src/model/project';
import { isDict } from '../src/util/dict';
import { CIS_5_10, CIS_5_11, CIS_5_28, OWASP_7 } from './_references';
import { hardeningTargets, reachData } from './_security';

/** A limit that is set and not "unlimited" (Docker reads 0 and -1 as no limit). */
const limited = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Number(v) <= 0);

function deployLimits(svc: ComposeDict): ComposeDict {
  const deploy = isDict(svc.deploy) ? svc.deploy : {};
  const resources = isDict(deploy.resources) ? deploy.resources : {};
  return isDict(resources.limits) ? resources.limits : {};
}

/** What is missing, in message words: memory, CPU, pids (`pids_limit: -1` said as such). */
function missingLimits(svc: ComposeDict): string[] {
  const limits = deployLimits(svc);
  const out: string[] = [];
  if (!limited(svc.mem_limit) && !limited(limits.memory)) out.push('no memory limit');
  if (![svc.cpus, svc.cpu_quota, svc.cpu_shares, svc.cpu_count, svc.cpu_percent, limits.cpus].some(limited) && !(typeof svc.cpuset === 'string' && svc.cpuset !== '')) out.push('no CPU limit');
  if (!limited(svc.pids_limit) && !limited(limits.pids))
    out.push(svc.pids_limit !== undefined || limits.pids !== undefined ? `\`pids_limit: ${String(svc.pids_limit ?? limits.pids)}\` (no pids limit)` : 'no pids limit');
  return out;
}

/** "a, b and c". */
const listWords = (xs: string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export default defineRule<Record<string, never>, 'missing'>({
  id: 'resource-limits',
  description: 'A service has no memory limit, no CPU limit, or no pids limit.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 3.5,
  fixable: false,
  recommended: false,
  messages: {
    missing: '`{{service}}`, {{reach}}, has {{missing}}: one runaway or attacked container can starve the host and every other service',
  },
  docs: {
    why: [
      "Docker puts no limit on a container's memory, CPU or number of processes unless asked. A memory leak, a fork bomb or a request flood against one service then takes the whole host down, with every other service on it. Set a memory limit (`mem_limit` or `deploy.resources.limits.memory`), a CPU limit (`cpus` or `deploy.resources.limits.cpus`; `cpu_shares`, `cpu_quota` and `cpuset` count too) and a process limit (`pids_limit` or `deploy.resources.limits.pids`; `0` and `-1` mean unlimited).",
      'One finding per service lists what is missing. It is a warning on a public service (the one a flood reaches first) and info elsewhere.',
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    pids_limit: -1\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    pids_limit: 200\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n',
    references: [CIS_5_10, CIS_5_11, CIS_5_28, OWASP_7],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const missing = missingLimits(t.svc);
      if (missing.length) ctx.report({ messageId: 'missing', data: { ...reachData(t), missing: listWords(missing) }, origin: t.origin, service: t.name, severity: t.severity });
    }
  },
});
