import * as path from 'path';
import { defineRule, TypedRuleContext } from '../src/define-rule';
import { keyOriginOf, Origin } from '../src/model/origin';
import { ComposeDict, Project, servicesOf, topLevel } from '../src/model/project';
import { resourceRefs, serviceNetworks, volumeMounts } from '../src/model/service';
import { isDict } from '../src/util/dict';

type Kind = 'networks' | 'volumes' | 'secrets' | 'configs';
const KINDS: readonly Kind[] = ['networks', 'volumes', 'secrets', 'configs'];
const SINGULAR: Record<Kind, string> = { networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config' };

/**
 * Add the names of each kind of resource a service uses to `used`; a service without networks or
 * network_mode uses `default`. Straight into the sets: this runs for every service (issue 13).
 */
function addUsedBy(svc: ComposeDict, used: Record<Kind, Set<string>>): void {
  for (const a of serviceNetworks(svc)) used.networks.add(a.name);
  for (const m of volumeMounts(svc)) if (m.type === 'volume' && m.source !== '') used.volumes.add(m.source);
  for (const r of resourceRefs(svc, 'secrets')) used.secrets.add(r.source);
  for (const r of resourceRefs(svc, 'secrets', true)) used.secrets.add(r.source);
  for (const r of resourceRefs(svc, 'configs')) used.configs.add(r.source);
}

/**
 * True when some service extends a service of a file that could not be read (load-error reports
 * it): the missing base may use any declared resource, so nothing can be called unused.
 */
function hasUnreadExtendsFile(project: Project): boolean {
  const read = new Set(project.sources.map((s) => path.resolve(s.path)));
  return project.documents.some(({ source, dict }) =>
    Object.values(isDict(dict.services) ? dict.services : {}).some((svc) => {
      const ext = isDict(svc) ? svc.extends : undefined;
      return isDict(ext) && typeof ext.file === 'string' && !read.has(path.resolve(path.dirname(source.path), ext.file));
    }),
  );
}

/**
 * A network named through a variable (`networks: ["${NETWORK_TYPE:-ipv4}"]`) may name any network
 * the text can expand to: each variable stands for any text, the rest must match as written.
 * Returns the pattern, or undefined when the entry is written without a variable.
 */
function variablePattern(origin: Origin | undefined): RegExp | undefined {
  if (!origin) return undefined;
  // Almost every entry is written without `$`: the entry's own text, never on past its end.
  const written = origin.source.text.slice(origin.start, origin.end);
  if (!written.includes('$')) return undefined;
  const text = written.replace(/^["']|["']$/g, '');
  const VARIABLE = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
  if (!VARIABLE.test(text.replace(/\$\$/g, ''))) return undefined;
  const literal = text.split(VARIABLE).map((part) => part.replace(/\$\$/g, '$').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}

type MessageId = 'unused' | 'unusedDefault';

function check(ctx: TypedRuleContext<Record<string, never>, MessageId>): void {
  const { project } = ctx;
  if (hasUnreadExtendsFile(project)) return;
  const used: Record<Kind, Set<string>> = { networks: new Set(), volumes: new Set(), secrets: new Set(), configs: new Set() };
  const chosenByVariable: RegExp[] = [];
  // Services disabled by profiles still use what they name: the resource is needed when the profile is on.
  for (const svc of [...Object.values(servicesOf(project)), ...Object.values(project.disabledServices)]) {
    if (!isDict(svc)) continue;
    addUsedBy(svc, used);
    for (const a of serviceNetworks(svc)) {
      const pattern = variablePattern(a.origin);
      if (pattern) chosenByVariable.push(pattern);
    }
  }
  for (const kind of KINDS) {
    const declared = topLevel(project, kind);
    for (const name of Object.keys(declared)) {
      if (used[kind].has(name)) continue;
      if (kind === 'networks' && chosenByVariable.some((p) => p.test(name))) continue; // the documented switch may pick it
      const cfg = declared[name];
      const external = isDict(cfg) && (cfg.external === true || isDict(cfg.external));
      const where = { origin: keyOriginOf(declared, name), value: name };
      if (kind === 'networks' && name === 'default') ctx.report({ messageId: 'unusedDefault', ...where });
      else ctx.report({ messageId: 'unused', data: { what: `${external ? 'external ' : ''}${SINGULAR[kind]}`, name }, ...where });
    }
  }
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'unused-resource',
  description: 'Declared networks, volumes, secrets and configs should be used by some service.',
  category: 'correctness',
  severity: 'info',
  fixable: false,
  messages: {
    unused: '{{what}} "{{name}}" is declared, but no service uses it; remove it, or attach it where it was meant to be used',
    unusedDefault: 'the default network is configured, but no service uses it (every service names its networks or sets network_mode); remove it, or attach it where it was meant to be used',
  },
  docs: {
    why: 'A top-level network, volume, secret or config that no service uses is dead configuration: Docker Compose skips it, and it often means a service lost the reference it was meant to have (a typo elsewhere is reported by `undefined-reference`). A declared `default` network configures the network every service without `networks` or `network_mode` joins, so it counts as used while one such service exists. Services disabled by profiles count as users. External resources are reported too: the declaration asserts something about the host that nothing in the project needs. When a service extends a file that cannot be read, nothing is reported: the missing base service may use any of them. A network a service names through a variable (`networks: ["${NETWORK_TYPE:-ipv4}"]`) may be any network the variable can name, so every network matching the written text counts as used: the variable is the documented switch between them.',
    bad: 'services:\n  db:\n    image: postgres\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n  cache:\n',
    good: 'services:\n  db:\n    image: postgres\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
  },
  check,
});
