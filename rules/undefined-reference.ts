import { defineRule, TypedRuleContext } from '../src/define-rule';
import { servicesOf, topLevel } from '../src/model/project';
import { resourceReferences, serviceReferences } from '../src/model/references';
import { dependsOn, hasHealthcheck, profilesOf } from '../src/model/service';
import { closestMatch } from '../src/schema/suggest';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';
import { sharedEntryReports } from './_shared-entry';
import { imageHealthcheck } from '../src/model/image-healthcheck';
import { imageForMessage } from '../src/model/image';
import { isDict } from '../src/util/dict';

type MessageId = 'loadProblem' | 'undefinedResource' | 'undefinedService' | 'noServiceName' | 'disabledService' | 'noHealthcheck' | 'noHealthcheckImage';

const has = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

function suggestion(name: string, candidates: string[]): string {
  const near = closestMatch(name, candidates);
  return near ? `; did you mean "${near}"?` : '';
}

function check(ctx: TypedRuleContext<Record<string, never>, MessageId>): void {
  reportLoadProblems(ctx as TypedRuleContext<Record<string, never>, 'loadProblem'>);
  const { project } = ctx;
  const services = servicesOf(project);
  const declared = {
    networks: { default: null, ...topLevel(project, 'networks') },
    volumes: topLevel(project, 'volumes'),
    secrets: topLevel(project, 'secrets'),
    configs: topLevel(project, 'configs'),
  };
  // Services that get an entry through `extends` or an anchor share its place: one finding there.
  const out = sharedEntryReports<MessageId>((r) => ctx.report(r));
  for (const [name, svc] of Object.entries(services)) {
    if (!isDict(svc)) continue;
    resourceReferences(svc, (key, ref) => {
      if (has(declared[key], ref.name)) return;
      out.report({
        messageId: 'undefinedResource',
        data: { service: name, kind: ref.kind, name: ref.name, key, suggestion: suggestion(ref.name, Object.keys(declared[key])) },
        origin: ref.origin,
        service: name,
        value: ref.name,
      });
    });
    const deps = dependsOn(svc);
    serviceReferences(svc, deps, (ref, disabledIsLoaderProblem) => {
      if (has(services, ref.name)) return;
      const disabled = project.disabledServices[ref.name];
      if (disabled && disabledIsLoaderProblem) return;
      const where = { origin: ref.origin, service: name, value: ref.name };
      if (disabled) {
        const active = project.profiles.length ? project.profiles.join(', ') : 'none';
        out.report({ messageId: 'disabledService', data: { service: name, via: ref.via ?? '', name: ref.name, profiles: profilesOf(disabled).join(', '), active }, ...where });
      } else if (ref.name === '' && ref.written !== undefined) {
        // `links: [":alias"]`: compose-go takes the part before ':' as the service (loader/normalize.go), here none.
        out.report({ messageId: 'noServiceName', data: { service: name, via: ref.via ?? '', written: ref.written }, ...where });
      } else {
        const near = suggestion(
          ref.name,
          Object.keys(services).filter((s) => s !== name),
        );
        out.report({ messageId: 'undefinedService', data: { service: name, via: ref.via ?? '', name: ref.name, suggestion: near }, ...where });
      }
    });
    for (const d of deps) {
      const target = services[d.name];
      if (d.condition !== 'service_healthy' || !isDict(target) || hasHealthcheck(target)) continue;
      // Whether `up` fails depends on the image's own HEALTHCHECK: a warning only when it is known to have none.
      const image = typeof target.image === 'string' && target.build === undefined ? target.image : undefined;
      const known = image === undefined ? undefined : imageHealthcheck(image);
      if (known === 'declared') continue;
      const where = { origin: d.conditionOrigin ?? d.origin, service: name, value: d.name };
      if (known === 'none') out.report({ messageId: 'noHealthcheckImage', data: { service: name, name: d.name, image: imageForMessage(image!) }, ...where, severity: 'warning' });
      else out.report({ messageId: 'noHealthcheck', data: { service: name, name: d.name }, ...where, severity: 'info' });
    }
  }
  out.flush();
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'undefined-reference',
  description: 'Networks, volumes, secrets, configs and services a service names must be defined.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: {
    ...LOAD_PROBLEM_MESSAGE,
    undefinedResource: 'service "{{service}}" uses undefined {{kind}} "{{name}}" (not declared under the top-level `{{key}}`){{suggestion}}{{also}}',
    undefinedService: 'service "{{service}}" {{via}} undefined service "{{name}}"{{suggestion}}{{also}}',
    noServiceName:
      'service "{{service}}" {{via}} no service: `{{written}}` names none before the \':\', so Docker Compose refuses the project (undefined service ""); write the service name first{{also}}',
    disabledService: 'service "{{service}}" {{via}} service "{{name}}", which is disabled by profiles (it runs with {{profiles}}; active: {{active}}){{also}}',
    noHealthcheck:
      'service "{{service}}" waits for "{{name}}" to be healthy (condition: service_healthy), but "{{name}}" defines no healthcheck: `docker compose up` fails unless its image has a HEALTHCHECK{{also}}',
    noHealthcheckImage:
      'service "{{service}}" waits for "{{name}}" to be healthy (condition: service_healthy), but "{{name}}" defines no healthcheck and its image {{image}} declares none (Docker official images do not): `docker compose up` fails; add a `healthcheck` to "{{name}}"{{also}}',
  },
  docs: {
    why: 'Docker Compose refuses a project where a service uses a network, named volume, secret or config that the top-level sections do not declare, or names a service that does not exist in `depends_on`, `links`, `volumes_from`, `extends` or `pid`/`ipc`/`uts: service:X`. Links, `volumes_from` and shared namespaces make Compose start the named service first, so naming a service that the active profiles disable is just as fatal. The message names the missing thing and the nearest defined name when one is close. A link or `volumes_from` entry with nothing before the `:` (`:alias`) names service "" for Compose, which refuses it just the same. Bind mounts (host paths) and `container:` references are not checked: they live outside the project. A `depends_on` with `condition: service_healthy` on a service that defines no healthcheck works only when the image itself declares a HEALTHCHECK: a warning when the image is known to declare none (the official `postgres`, `mysql`, `mariadb`, `mongo`, `redis`, `memcached`, `rabbitmq` and `cassandra` images), nothing when it is known to declare one (the OpenZipkin images), and info otherwise (most images, and services that `build` theirs), since compose-lint does not pull images to look. An entry several services get through `extends` or a YAML anchor is reported once, where it is written, naming them all.',
    bad: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n    networks:\n      - frontend\n  database:\n    image: postgres\nnetworks:\n  front:\n',
    good: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - database\n    networks:\n      - front\n  database:\n    image: postgres\nnetworks:\n  front:\n',
  },
  check,
});
