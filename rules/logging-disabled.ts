import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { CIS_2_12 } from './_references';
import { isDict } from '../src/util/dict';
import { serviceEntries } from '../src/model/project';
import { exposureOf } from './_security';

export default defineRule<Record<string, never>, 'none'>({
  id: 'logging-disabled',
  description: 'A public service has logging turned off (`logging.driver: none`).',
  category: 'security',
  severity: 'warning',
  securitySeverity: 4.0,
  fixable: false,
  messages: {
    none: '`logging.driver: none` on a public service ({{reason}}): what it prints, attacks on it included, is thrown away and `docker logs` shows nothing; keep a driver (the default `json-file` with `max-size`, or `local`)',
  },
  docs: {
    why: [
      'With `logging.driver: none` Docker discards everything the container writes to stdout and stderr. For a service that the outside world reaches (a published port on every interface, or the host network) those logs are the record of who tried what; without them an intrusion leaves no trace and an outage no error message.',
      '',
      'To limit disk use keep a driver and cap it (`json-file` with `max-size` and `max-file`, or `local`). Services that are not public are not reported: a batch job may have good reasons to be quiet.',
    ].join('\n'),
    bad: 'services:\n  api:\n    image: example/api:2.3\n    ports:\n      - "8080:8080"\n    logging:\n      driver: none\n',
    good: 'services:\n  api:\n    image: example/api:2.3\n    ports:\n      - "8080:8080"\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    references: [CIS_2_12],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const logging = svc.logging;
      if (!isDict(logging) || logging.driver !== 'none') continue;
      const exposure = exposureOf(ctx.graph, name);
      if (exposure.level !== 'public') continue;
      ctx.report({ messageId: 'none', data: { reason: exposure.reason }, origin: originOf(logging, 'driver'), service: name, value: 'none' });
    }
  },
});
