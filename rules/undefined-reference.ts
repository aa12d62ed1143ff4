import { defineRule, TypedRuleContext } from '../src/define-rule';
import type { Origin } from '../src/model/origin';
import { ComposeDict, servicesOf, topLevel } from '../src/model/project';
import { dependsOn, hasHealthcheck, links, profilesOf, resourceRefs, serviceNetworks, sharedNamespaces, volumeMounts, volumesFrom } from '../src/model/service';
import { closestMatch } from '../src/schema/suggest';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';
import { isDict } from '../src/util/dict';

type MessageId = 'loadProblem' | 'undefinedResource' | 'undefinedService' | 'disabledService' | 'noHealthcheck';

const has = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

interface Reference {
  /** What is named, for the message: `network`, `volume`, `service`, ... */
  kind: string;
  name: string;
  /** How the service names it, when that says more than the kind (`depends_on`, `links`, ...). */
  via?: string;
  origin?: Origin;
}

/** The top-level resources one service uses, by kind. Values still holding `$` are skipped: interpolation failed there. */
function resourceReferences(svc: ComposeDict): { key: 'networks' | 'volumes' | 'secrets' | 'configs'; ref: Reference }[] {
  const out: { key: 'networks' | 'volumes' | 'secrets' | 'configs'; ref: Reference }[] = [];
  for (const a of serviceNetworks(svc)) if (!a.implicit) out.push({ key: 'networks', ref: { kind: 'network', name: a.name, origin: a.origin } });
  for (const m of volumeMounts(svc)) if (m.type === 'volume' && m.source !== '') out.push({ key: 'volumes', ref: { kind: 'volume', name: m.source, origin: m.origin } });
  for (const s of resourceRefs(svc, 'secrets')) out.push({ key: 'secrets', ref: { kind: 'secret', name: s.source, origin: s.origin } });
  for (const s of resourceRefs(svc, 'secrets', true)) out.push({ key: 'secrets', ref: { kind: 'build secret', name: s.source, origin: s.origin } });
  for (const c of resourceRefs(svc, 'configs')) out.push({ key: 'configs', ref: { kind: 'config', name: c.source, origin: c.origin } });
  return out.filter((r) => !r.ref.name.includes('$'));
}

/**
 * Services one service names. Links, volumes_from and `pid`/`ipc`/`uts: service:X` make Compose
 * start the named service first, exactly like depends_on, so a disabled one is as fatal; depends_on
 * on a disabled service is reported by the profiles step of the loader (a load problem of this rule).
 * (`network_mode: service:X` is network-mode-conflict's.)
 */
function serviceReferences(svc: ComposeDict): { ref: Reference; disabledIsLoaderProblem: boolean }[] {
  return [
    ...dependsOn(svc).map((d) => ({ ref: { kind: 'service', via: 'depends on', name: d.name, origin: d.origin }, disabledIsLoaderProblem: true })),
    ...links(svc).map((l) => ({ ref: { kind: 'service', via: 'links to', name: l.target, origin: l.origin }, disabledIsLoaderProblem: false })),
    ...volumesFrom(svc)
      .filter((v) => v.kind === 'service')
      .map((v) => ({ ref: { kind: 'service', via: 'takes volumes_from', name: v.name, origin: v.origin }, disabledIsLoaderProblem: false })),
    ...sharedNamespaces(svc).map((n) => ({ ref: { kind: 'service', via: `shares the ${n.key} namespace of`, name: n.target, origin: n.origin }, disabledIsLoaderProblem: false })),
  ].filter((r) => !r.ref.name.includes('$'));
}

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
  for (const [name, svc] of Object.entries(services)) {
    if (!isDict(svc)) continue;
    for (const { key, ref } of resourceReferences(svc)) {
      if (has(declared[key], ref.name)) continue;
      ctx.report({
        messageId: 'undefinedResource',
        data: { service: name, kind: ref.kind, name: ref.name, key, suggestion: suggestion(ref.name, Object.keys(declared[key])) },
        origin: ref.origin,
        service: name,
        value: ref.name,
      });
    }
    for (const { ref, disabledIsLoaderProblem } of serviceReferences(svc)) {
      if (has(services, ref.name)) continue;
      const disabled = project.disabledServices[ref.name];
      if (disabled && disabledIsLoaderProblem) continue;
      const where = { origin: ref.origin, service: name, value: ref.name };
      if (disabled) {
        const active = project.profiles.length ? project.profiles.join(', ') : 'none';
        ctx.report({ messageId: 'disabledService', data: { service: name, via: ref.via ?? '', name: ref.name, profiles: profilesOf(disabled).join(', '), active }, ...where });
      } else {
        const near = suggestion(
          ref.name,
          Object.keys(services).filter((s) => s !== name),
        );
        ctx.report({ messageId: 'undefinedService', data: { service: name, via: ref.via ?? '', name: ref.name, suggestion: near }, ...where });
      }
    }
    for (const d of dependsOn(svc)) {
      const target = services[d.name];
      if (d.condition !== 'service_healthy' || !isDict(target) || hasHealthcheck(target)) continue;
      ctx.report({ messageId: 'noHealthcheck', data: { service: name, name: d.name }, origin: d.conditionOrigin ?? d.origin, service: name, value: d.name, severity: 'warning' });
    }
  }
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'undefined-reference',
  description: 'Networks, volumes, secrets, configs and services a service names must be defined.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: {
    ...LOAD_PROBLEM_MESSAGE,
    undefinedResource: 'service "{{service}}" uses undefined {{kind}} "{{name}}" (not declared under the top-level `{{key}}`){{suggestion}}',
    undefinedService: 'service "{{service}}" {{via}} undefined service "{{name}}"{{suggestion}}',
    disabledService: 'service "{{service}}" {{via}} service "{{name}}", which is disabled by profiles (it runs with {{profiles}}; active: {{active}})',
    noHealthcheck:
      'service "{{service}}" waits for "{{name}}" to be healthy (condition: service_healthy), but "{{name}}" defines no healthcheck: `docker compose up` fails unless its image has a HEALTHCHECK',
  },
  docs: {
    why: 'Docker Compose refuses a project where a service uses a network, named volume, secret or config that the top-level sections do not declare, or names a service that does not exist in `depends_on`, `links`, `volumes_from`, `extends` or `pid`/`ipc`/`uts: service:X`. Links, `volumes_from` and shared namespaces make Compose start the named service first, so naming a service that the active profiles disable is just as fatal. The message names the missing thing and the nearest defined name when one is close. Bind mounts (host paths) and `container:` references are not checked: they live outside the project. A `depends_on` with `condition: service_healthy` on a service that defines no healthcheck is a warning: it works only when the image itself declares a HEALTHCHECK.',
    bad: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - db\n    networks:\n      - frontend\n  database:\n    image: postgres\nnetworks:\n  front:\n',
    good: 'services:\n  web:\n    image: nginx\n    depends_on:\n      - database\n    networks:\n      - front\n  database:\n    image: postgres\nnetworks:\n  front:\n',
  },
  check,
});
