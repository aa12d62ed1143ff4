import { defineRule, TypedRuleContext } from '../src/define-rule';
import { extendsUnread, servicesOf, topLevel } from '../src/model/project';
import { resourceReferences, serviceReferences } from '../src/model/references';
import { dependsOn, hasHealthcheck, profilesOf, replicas } from '../src/model/service';
import { closestMatch } from '../src/schema/suggest';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';
import { sharedEntryReports } from './_shared-entry';
import { imageHealthcheck } from '../src/model/image-healthcheck';
import { imageForMessage } from '../src/model/image';
import { isDict } from '../src/util/dict';

type MessageId = 'loadProblem' | 'undefinedResource' | 'undefinedService' | 'noServiceName' | 'disabledService' | 'noHealthcheck' | 'noHealthcheckImage' | 'healthcheckDisabled';

const has = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

function suggestion(name: string, candidates: string[]): string {
  const near = closestMatch(name, candidates);
  return near ? `; did you mean "${near}"?` : '';
}

/** What `docker compose up` prints when a required dependency has no health status (pkg/compose/convergence.go, isServiceHealthy). */
const FAILS = '`docker compose up` fails ("dependency failed to start: container … has no healthcheck configured")';

/**
 * Why waiting for `target` to be healthy cannot work, or undefined when it can (or when compose-lint
 * cannot tell: a service Compose does not start, or whose definition is incomplete because its
 * `extends` could not be read). `certain` when the container is known to get no health status.
 */
function healthProblem(
  ctx: TypedRuleContext<Record<string, never>, MessageId>,
  target: string,
): { messageId: 'noHealthcheck' | 'noHealthcheckImage' | 'healthcheckDisabled'; certain: boolean; data: Record<string, string> } | undefined {
  const svc = servicesOf(ctx.project)[target];
  if (!isDict(svc) || hasHealthcheck(svc) || replicas(svc) === 0) return undefined;
  // An `extends` that could not be followed leaves the definition incomplete (a load problem of its own).
  if (extendsUnread(ctx.project, target) || ctx.loadProblems.some((p) => p.service === target)) return undefined;
  // `disable: true` (or test NONE) turns off the image's HEALTHCHECK too (Docker's --no-healthcheck).
  const disabled = disabledHealthcheck(svc);
  if (disabled) return { messageId: 'healthcheckDisabled', certain: true, data: { how: disabled } };
  const image = typeof svc.image === 'string' && svc.build === undefined ? svc.image : undefined;
  const known = image === undefined ? undefined : imageHealthcheck(image);
  if (known === 'declared') return undefined;
  if (known === 'none') return { messageId: 'noHealthcheckImage', certain: true, data: { image: imageForMessage(image!) } };
  return { messageId: 'noHealthcheck', certain: false, data: { image: image === undefined ? 'the image it builds' : `its image ${imageForMessage(image)}` } };
}

/** How a `healthcheck` turns itself off (`disable: true`, or a test of NONE), or undefined. */
function disabledHealthcheck(svc: Record<string, unknown>): string | undefined {
  const h = svc.healthcheck;
  if (!isDict(h)) return undefined;
  if (h.disable === true) return '`healthcheck.disable: true`';
  return Array.isArray(h.test) && h.test[0] === 'NONE' ? '`healthcheck.test: ["NONE"]`' : undefined;
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
      if (d.condition !== 'service_healthy') continue;
      const problem = healthProblem(ctx, d.name);
      if (!problem) continue;
      // compose-go (pkg/compose/convergence.go, waitDependencies): a required dependency that never
      // gets healthy fails `up`; an optional one (`required: false`) is skipped with a warning.
      const outcome = d.required ? FAILS : `Docker Compose gives up waiting, warns that optional dependency "${d.name}" failed to start, and starts "${name}" anyway (required: false)`;
      const severity = problem.certain ? (d.required ? undefined : 'warning') : 'info';
      out.report({ messageId: problem.messageId, data: { service: name, name: d.name, outcome, ...problem.data }, origin: d.conditionOrigin ?? d.origin, service: name, value: d.name, severity });
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
      'service "{{service}}" waits for "{{name}}" to be healthy (condition: service_healthy), but "{{name}}" defines no healthcheck: unless {{image}} declares a HEALTHCHECK (compose-lint cannot see it), {{outcome}}{{also}}',
    noHealthcheckImage:
      'service "{{service}}" waits for "{{name}}" to be healthy (condition: service_healthy), but "{{name}}" defines no healthcheck and its image {{image}} declares none (Docker official images do not): {{outcome}}; add a `healthcheck` to "{{name}}"{{also}}',
    healthcheckDisabled:
      'service "{{service}}" waits for "{{name}}" to be healthy (condition: service_healthy), but "{{name}}" turns its healthcheck off ({{how}}), its image\'s HEALTHCHECK too: {{outcome}}; give "{{name}}" a healthcheck, or wait with `condition: service_started`{{also}}',
  },
  docs: {
    why: 'Docker Compose refuses a project where a service uses a network, named volume, secret or config that the top-level sections do not declare, or names a service that does not exist in `depends_on`, `links`, `volumes_from`, `extends` or `pid`/`ipc`/`uts: service:X`. Links, `volumes_from` and shared namespaces make Compose start the named service first, so naming a service that the active profiles disable is just as fatal. The message names the missing thing and the nearest defined name when one is close. A link or `volumes_from` entry with nothing before the `:` (`:alias`) names service "" for Compose, which refuses it just the same. Bind mounts (host paths) and `container:` references are not checked: they live outside the project. A `depends_on` with `condition: service_healthy` on a service that defines no healthcheck works only when the image itself declares a HEALTHCHECK: Docker Compose refuses to start the dependent otherwise ("dependency failed to start: container … has no healthcheck configured"). That is an error when the failure is certain: the image is known to declare none (the Docker official `postgres`, `mysql`, `mariadb`, `mongo`, `redis`, `memcached`, `rabbitmq` and `cassandra` images, whose maintainers add no HEALTHCHECK to official images as a policy: docker-library/faq, "HEALTHCHECK"), or the service turns its healthcheck off (`disable: true`, test `NONE`), which switches the image\'s off too. It is nothing when the image is known to declare one (the OpenZipkin images), and info otherwise (most images, and services that `build` theirs), since compose-lint does not pull images to look. With `required: false` Compose only warns and starts the dependent without waiting: a warning when certain. Dependencies scaled to zero are not waited for. An entry several services get through `extends` or a YAML anchor is reported once, where it is written, naming them all.',
    bad: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n    networks:\n      - frontend\n  database:\n    image: postgres\nnetworks:\n  front:\n',
    good: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - database\n    networks:\n      - front\n  database:\n    image: postgres\nnetworks:\n  front:\n',
  },
  check,
});
