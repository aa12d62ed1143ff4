/**
 * Profiles, as compose-go applies them (types/project.go WithProfiles, WithServicesEnabled; loader
 * checkConsistency, v2.13):
 *   - a service without `profiles` is always enabled; one with profiles is enabled when one of
 *     them is active, or when `*` is active;
 *   - services named explicitly (`docker compose up debug`) activate their own profiles, which may
 *     enable other services of those profiles too;
 *   - an enabled service that depends on a disabled one makes the project invalid, unless the
 *     dependency says `required: false`.
 */
import type { LoadProblem } from './context';
import { cloneWithOrigins, keyOriginOf, originOf, Origin } from '../model/origin';
import type { ComposeDict } from '../model/project';
import { type Dict, isDict } from '../util/dict';

export interface ProfilesResult {
  /** The model with only the enabled services (the input is not modified). */
  model: ComposeDict;
  /** Services disabled by profiles, by name. */
  disabled: Record<string, ComposeDict>;
  problems: LoadProblem[];
}

/**
 * Keep the services the active profiles enable. `enabledServices` are services the user named
 * explicitly; their profiles become active as well.
 */
export function applyProfiles(model: ComposeDict, active: string[], enabledServices: string[] = []): ProfilesResult {
  const services = model.services;
  if (!isDict(services)) return { model, disabled: {}, problems: [] };

  const profiles = [...active];
  for (const name of enabledServices) {
    const svc = services[name];
    if (isDict(svc) && !isEnabled(svc, active)) for (const item of profilesOf(svc)) profiles.push(item);
  }

  const enabled: Dict = cloneWithOrigins(services);
  const disabled: Record<string, ComposeDict> = {};
  for (const name of Object.keys(services)) {
    const svc = services[name];
    if (isDict(svc) && !isEnabled(svc, profiles)) {
      disabled[name] = svc;
      delete enabled[name];
    }
  }
  if (Object.keys(disabled).length === 0) return { model, disabled, problems: [] };

  const problems: LoadProblem[] = [];
  const shownActive = profiles.length ? [...new Set(profiles)].join(', ') : 'none';
  for (const name of Object.keys(enabled)) {
    for (const dep of dependenciesOf(enabled[name])) {
      if (!Object.prototype.hasOwnProperty.call(disabled, dep.name) || !dep.required) continue;
      problems.push({
        rule: 'undefined-reference',
        severity: 'error',
        message: `service "${name}" depends on "${dep.name}", which is disabled by profiles (active: ${shownActive})`,
        origin: dep.at,
        service: name,
        value: dep.name,
      });
    }
  }
  const out = cloneWithOrigins(model);
  out.services = enabled;
  return { model: out, disabled, problems };
}

function profilesOf(svc: Dict): string[] {
  return Array.isArray(svc.profiles) ? svc.profiles.filter((p): p is string => typeof p === 'string') : [];
}

function isEnabled(svc: Dict, active: string[]): boolean {
  const own = profilesOf(svc);
  if (own.length === 0) return true;
  return active.some((p) => p === '*' || own.includes(p));
}

interface Dependency {
  name: string;
  required: boolean;
  at?: Origin;
}

/** depends_on in its list form (all required) or its mapping form (`required: false` opts out). */
function dependenciesOf(svc: unknown): Dependency[] {
  if (!isDict(svc)) return [];
  const deps = svc.depends_on;
  if (Array.isArray(deps)) {
    return deps.flatMap((d, i) => (typeof d === 'string' ? [{ name: d, required: true, at: originOf(deps, i) }] : []));
  }
  if (isDict(deps)) {
    return Object.keys(deps).map((name) => {
      const cfg = deps[name];
      const required = !(isDict(cfg) && (cfg.required === false || cfg.required === 'false'));
      return { name, required, at: keyOriginOf(deps, name) };
    });
  }
  return [];
}
