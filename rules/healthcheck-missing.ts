import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import type { Origin } from '../src/model/origin';
import { usersOf } from '../src/graph/query';
import { datastoreOf } from '../src/graph/datastores';
import type { ComposeDict } from '../src/model/project';
import { isDict } from '../src/util/dict';
import { CIS_5_26 } from './_references';
import { hardeningTargets, reachData } from './_security';

/**
 * `healthcheck: {disable: true}` and a test of `NONE` turn off the image's own check too; `at` is
 * the value that disables it (in the file that set it).
 */
function healthcheckState(svc: ComposeDict): { state: 'set' | 'none' | 'disabled'; at?: Origin } {
  const hc = svc.healthcheck;
  if (!isDict(hc)) return { state: 'none' };
  if (hc.disable === true || hc.disable === 'true') return { state: 'disabled', at: originOf(hc, 'disable') };
  const test = hc.test;
  if (test === 'NONE' || (Array.isArray(test) && test[0] === 'NONE')) return { state: 'disabled', at: originOf(hc, 'test') };
  return { state: 'set' }; // without `test`, the image's own HEALTHCHECK runs with these settings
}

export default defineRule<Record<string, never>, 'missing' | 'disabled'>({
  id: 'healthcheck-missing',
  description: 'A datastore that other services use has no healthcheck.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 2.0,
  fixable: false,
  recommended: false,
  messages: {
    missing:
      'datastore `{{service}}`, {{reach}}, has no healthcheck for {{users}} to wait for: `depends_on` can only wait for it to start, not to accept connections (`condition: service_healthy` needs a healthcheck)',
    disabled: 'datastore `{{service}}`, {{reach}}, disables its healthcheck: {{users}} cannot wait for it to be ready, and nothing reports it stuck',
  },
  docs: {
    why: [
      'A database container is "started" long before it accepts connections: it initialises its data directory, replays its log, runs init scripts. Services that use it then start too early, fail their first connections and crash-loop or, worse, start without their data. A `healthcheck` lets `depends_on: {db: {condition: service_healthy}}` wait until the datastore really answers, lets Docker report a stuck instance as unhealthy, and lets orchestrators restart it. Official database images ship no HEALTHCHECK, so the compose file must add one (`pg_isready`, `mysqladmin ping`, `redis-cli ping`, ...).',
      'Datastores are those the graph recognises, as `frontend-reaches-database` does (by image, server settings such as `POSTGRES_PASSWORD` in the environment, a well-known datastore port, or a name like `db`), or named in the config\'s `datastores` list; the rule reports one only when another service uses it (depends_on, links, or its name in the environment or command). `healthcheck: {disable: true}` and `test: ["NONE"]` count as no healthcheck. The finding is a warning when the datastore is public and info otherwise.',
    ].join('\n\n'),
    bad: 'services:\n  app:\n    image: example/app:1.0\n    depends_on: [db]\n  db:\n    image: postgres:16\n',
    good: 'services:\n  app:\n    image: example/app:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 10s\n      retries: 5\n',
    references: [CIS_5_26, { url: 'https://docs.docker.com/compose/how-tos/startup-order/', title: 'Docker docs: Control startup order' }],
  },
  check(ctx) {
    const declared = ctx.settings?.datastores ?? [];
    for (const t of hardeningTargets(ctx)) {
      // The graph's datastore fact (image, server environment, ports, name; the config's list).
      const node = ctx.graph.services.get(t.name);
      if (!node || !datastoreOf(node, declared)) continue;
      const users = [...usersOf(ctx.graph, t.name)];
      if (!users.length) continue;
      const { state, at } = healthcheckState(t.svc);
      if (state === 'set') continue;
      const data = { ...reachData(t), users: users.map((u) => `\`${u}\``).join(', ') };
      ctx.report({ messageId: state === 'disabled' ? 'disabled' : 'missing', data, origin: at ?? t.origin, service: t.name, severity: t.severity });
    }
  },
});
