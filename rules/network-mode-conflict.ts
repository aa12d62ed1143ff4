import { defineRule, TypedRuleContext } from '../src/define-rule';
import { keyOriginOf, originOf } from '../src/model/origin';
import { ComposeDict, servicesOf } from '../src/model/project';
import { NetworkMode, links, networkMode, profilesOf, serviceNetworks } from '../src/model/service';
import { closestMatch } from '../src/schema/suggest';
import { isDict, listOf } from '../src/util/dict';
import { portText } from './_ports';

/** `network_mode` kinds where the container has no network of its own to publish on or link from. */
const BORROWED = new Set(['none', 'service', 'container']);

/** How a mode is named in messages: `network_mode: service:app`. */
const shown = (mode: NetworkMode): string => `network_mode: ${mode.raw}`;

type MessageId = 'networks' | 'portHost' | 'portNone' | 'portShared' | 'expose' | 'linkHost' | 'linkNone' | 'linkShared' | 'disabledService' | 'undefinedService';
type Context = TypedRuleContext<Record<string, never>, MessageId>;

function checkNetworks(ctx: Context, name: string, svc: ComposeDict, mode: NetworkMode): void {
  const attachments = isDict(svc.networks) || Array.isArray(svc.networks) ? serviceNetworks(svc) : [];
  if (!attachments.length) return;
  const aliased = attachments.some((a) => a.aliases.length > 0);
  ctx.report({
    messageId: 'networks',
    data: { mode: shown(mode), aliases: aliased ? ', and its aliases could never resolve' : '' },
    origin: keyOriginOf(svc, 'networks'),
    service: name,
  });
}

function checkPorts(ctx: Context, name: string, svc: ComposeDict, mode: NetworkMode): void {
  const ports = listOf(svc.ports);
  const onHost = mode.kind === 'host';
  if (!onHost && !BORROWED.has(mode.kind)) return;
  const messageId = onHost ? 'portHost' : mode.kind === 'none' ? 'portNone' : 'portShared';
  ports.forEach((p, i) =>
    ctx.report({ messageId, data: { port: portText(p), mode: shown(mode), target: mode.target ?? '' }, origin: originOf(ports, i), service: name, severity: onHost ? 'warning' : undefined }),
  );
  if (mode.kind !== 'service' && mode.kind !== 'container') return;
  const expose = listOf(svc.expose);
  expose.forEach((_, i) =>
    ctx.report({
      messageId: 'expose',
      data: { mode: shown(mode), target: mode.target ?? '' },
      origin: originOf(expose, i),
      service: name,
    }),
  );
}

function checkLinks(ctx: Context, name: string, svc: ComposeDict, mode: NetworkMode): void {
  const messageId = mode.kind === 'host' ? 'linkHost' : mode.kind === 'none' ? 'linkNone' : mode.kind === 'service' || mode.kind === 'container' ? 'linkShared' : undefined;
  if (!messageId) return;
  for (const link of links(svc)) ctx.report({ messageId, data: { link: link.raw, mode: shown(mode) }, origin: link.origin, service: name });
}

function checkSharedService(ctx: Context, name: string, mode: NetworkMode, services: Record<string, ComposeDict>): void {
  if (mode.kind !== 'service' || mode.target === undefined || Object.prototype.hasOwnProperty.call(services, mode.target)) return;
  const disabled = ctx.project.disabledServices[mode.target];
  const where = { origin: mode.origin, service: name, value: mode.target };
  if (disabled) {
    const active = ctx.project.profiles.length ? ctx.project.profiles.join(', ') : 'none';
    ctx.report({ messageId: 'disabledService', data: { mode: shown(mode), target: mode.target, profiles: profilesOf(disabled).join(', '), active }, ...where });
  } else {
    const suggestion = closestMatch(
      mode.target,
      Object.keys(services).filter((s) => s !== name),
    );
    ctx.report({ messageId: 'undefinedService', data: { mode: shown(mode), target: mode.target, suggestion: suggestion ? `; did you mean "${suggestion}"?` : '' }, ...where });
  }
}

function check(ctx: Context): void {
  const services = servicesOf(ctx.project);
  for (const [name, svc] of Object.entries(services)) {
    if (!isDict(svc)) continue;
    const mode = networkMode(svc);
    if (!mode) continue;
    checkNetworks(ctx, name, svc, mode);
    checkPorts(ctx, name, svc, mode);
    checkLinks(ctx, name, svc, mode);
    checkSharedService(ctx, name, mode, services);
  }
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'network-mode-conflict',
  description: '`network_mode` must not be combined with settings it overrides, and `service:X` must name a running service.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    networks: '`networks` cannot be combined with `{{mode}}`: Docker Compose refuses the service ("declares mutually exclusive network_mode and networks"){{aliases}}',
    portHost: 'port {{port}} is discarded under `{{mode}}`: the service binds host ports directly (list the port under `expose` to document it)',
    portNone: 'port {{port}} cannot be published under `{{mode}}`: there is no network to publish it on',
    portShared: 'port {{port}} cannot be published under `{{mode}}`: Docker refuses it ("conflicting options: port publishing and the container type network mode"); publish it on {{target}} instead',
    expose: '`expose` cannot be used under `{{mode}}`: Docker refuses it ("conflicting options: port exposing and the container type network mode"); expose the port on {{target}} instead',
    linkHost: 'link "{{link}}" cannot be used under `{{mode}}`: Docker refuses links with host networking ("conflicting options: host type networking can\'t be used with links")',
    linkNone: 'link "{{link}}" cannot be used under `{{mode}}`: there is no network to reach the linked service on',
    linkShared: 'link "{{link}}" cannot be used under `{{mode}}`: Docker refuses links with a shared network stack ("conflicting options: container type network can\'t be used with links")',
    disabledService: '`{{mode}}` names service "{{target}}", which is disabled by profiles (it runs with {{profiles}}; active: {{active}})',
    undefinedService: '`{{mode}}` names undefined service "{{target}}"{{suggestion}}',
  },
  docs: {
    why: "`network_mode` replaces the service's own networking, so settings that need it conflict with it. Docker Compose refuses `network_mode` together with `networks` (and their aliases). Under `network_mode: host` published `ports` are discarded (a warning: the process binds host ports directly) and links are refused. Under `none`, `service:X` or `container:X` there is nothing to publish ports or follow links on, and Docker refuses ports, `expose` and links with a shared stack. `network_mode: service:X` must name a service of the project that is enabled by the active profiles.",
    bad: 'services:\n  app:\n    image: myapp\n  sidecar:\n    image: envoyproxy/envoy\n    network_mode: service:app\n    ports:\n      - "9901:9901"\n',
    good: 'services:\n  app:\n    image: myapp\n    ports:\n      - "9901:9901"\n  sidecar:\n    image: envoyproxy/envoy\n    network_mode: service:app\n',
  },
  check,
});
