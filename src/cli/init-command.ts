/**
 * `compose-lint init`: a starter `.compose-lint.yaml` for a project that already exists, so a team
 * can adopt the linter on a legacy project and burn the list down: every rule the `recommended`
 * preset runs is `on` (at its own severities, exactly as without a config: a fixed severity would
 * override the ones rules give by exposure), the others `off`; and for each service that has
 * findings today an `exclude` entry under the rule, with a `TODO: reason` placeholder to replace by
 * the real reason (or to delete once fixed).
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules, lintSync } from '../api';
import { presetSettings } from '../engine/presets';
import { CONFIG_NAMES } from '../engine/config';
import { ON } from '../engine/config-schema';
import type { Finding, Rule } from '../types';
import { toLintOptions, ProjectFlags } from './options';
import { UsageError, writeOut } from './exit';
import { VERSION } from '../util/version';
import { describeFsError } from '../load/read';

export interface InitFlags extends ProjectFlags {
  force?: boolean;
}

export const TODO_REASON = 'TODO: reason';

export function runInit(flags: InitFlags): void {
  const cwd = process.cwd();
  const existing = CONFIG_NAMES.find((n) => fs.existsSync(path.join(cwd, n)));
  if (existing && !flags.force) throw new UsageError(`${existing} already exists; use --force to overwrite it`);
  // Today's findings with every rule at its default severity: no config is read.
  const { findings } = lintSync({ ...toLintOptions(flags), config: false });
  const text = starterConfig(allRules, findings);
  const target = path.join(cwd, existing ?? CONFIG_NAMES[0]);
  try {
    fs.writeFileSync(target, text);
  } catch (e) {
    throw new UsageError(`${path.basename(target)}: cannot write: ${describeFsError(e as NodeJS.ErrnoException)}`);
  }
  const excluded = new Set(findings.filter((f) => f.service !== undefined).map((f) => f.service));
  const loose = findings.filter((f) => f.service === undefined).length;
  writeOut(
    `wrote ${path.basename(target)}: ${allRules.length} rules, ${excluded.size} service${excluded.size === 1 ? '' : 's'} excluded with "${TODO_REASON}"` +
      (loose ? `; ${loose} finding${loose === 1 ? '' : 's'} not about one service remain (run compose-lint)` : '') +
      '\n',
  );
}

/** The YAML text of the starter config for these rules and today's findings. */
export function starterConfig(rules: readonly Rule[], findings: readonly Finding[]): string {
  const settings = presetSettings('recommended', rules);
  const byRule = new Map<string, Map<string, number>>();
  for (const f of findings) {
    if (f.service === undefined) continue;
    const services = byRule.get(f.rule) ?? new Map<string, number>();
    services.set(f.service, (services.get(f.service) ?? 0) + 1);
    byRule.set(f.rule, services);
  }
  const lines = [
    `# compose-lint configuration, written by \`compose-lint init\` (compose-lint ${VERSION}).`,
    '# `on`: the rule runs at its own severities, exactly as with no config (a finding may be info,',
    '# warning or error, e.g. by how exposed its service is); `off`: it does not run (as in the',
    '# `recommended` preset). A severity written instead (info, warning or error) applies to every',
    '# finding of the rule.',
    `# Each "${TODO_REASON}" excludes a service that has findings of that rule today: write the`,
    '# real reason, or fix the service and delete the line. `compose-lint explain <rule>` says why a rule exists.',
    'extends: recommended',
    'rules:',
  ];
  for (const rule of [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const level = (settings.get(rule.id)?.severity ?? 'off') === 'off' ? 'off' : ON;
    const services = byRule.get(rule.id);
    if (!services) {
      lines.push(`  ${rule.id}: ${level}`);
      continue;
    }
    lines.push(`  ${rule.id}:`, `    - ${level}`, '    - exclude:', '        services:');
    for (const [service, n] of [...services].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`          ${/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(service) ? service : JSON.stringify(service)}: ${JSON.stringify(TODO_REASON)}   # ${n} finding${n === 1 ? '' : 's'} today`);
    }
  }
  return `${lines.join('\n')}\n`;
}
