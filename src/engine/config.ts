/**
 * The effective configuration of a project: a preset, then the config file, then `--rule` flags,
 * each later layer winning rule by rule. An entry with only a severity keeps the options set by
 * earlier layers; an entry with options replaces them.
 */
import * as path from 'path';
import type { Rule, Severity, SharedSettings } from '../types';
import { ConfigData, FoundConfig, RuleEntry, RuleLevel, RuleOptions, findConfigFile, parseRuleFlag, readConfigFile } from './config-file';
import { ON } from './config-schema';
import { PresetName, presetSettings } from './presets';
import { RuleSetting, RuleSettings } from './settings';
import { matchesAnyGlob } from './glob';
import { displayPath, pathInside } from '../util/display-path';

export { ConfigError, CONFIG_NAMES } from './config-file';
export type { ConfigData, RuleEntry, RuleLevel } from './config-file';

export interface EffectiveConfig {
  /** The config file used (absolute), if any. */
  file?: string;
  /** Directory `ignore` globs are relative to. */
  baseDir: string;
  extends: PresetName[];
  rules: RuleSettings;
  shared: SharedSettings;
  ignore: string[];
}

export interface ConfigOptions {
  rules: readonly Rule[];
  cwd: string;
  /** A config file for every project; false: none at all; undefined: the nearest one to each project. */
  config?: string | false;
  /** `--rule` specs ('id: severity' or 'id: [severity, {options}]'), applied last, in order. */
  ruleFlags?: readonly string[];
}

/** Finds, reads and resolves configs; each config file is read once per run. */
export class ConfigResolver {
  private readonly overrides: Record<string, RuleEntry>[];
  private readonly byFile = new Map<string, EffectiveConfig>();
  /** The nearest config file per directory asked about (see findConfigFile). */
  private readonly nearest = new Map<string, FoundConfig | undefined>();
  /** Per config file used, the config files beside it that are not (`.compose-lint.yml` beside `.compose-lint.yaml`). */
  private readonly shadowed = new Map<string, string[]>();
  /** The config of directories without a config file (one object: a run's projects share it). */
  private withoutFile?: EffectiveConfig;

  constructor(private readonly o: ConfigOptions) {
    this.overrides = (o.ruleFlags ?? []).map((spec) => parseRuleFlag(spec, o.rules));
  }

  /** The effective config for compose files in `dir`. */
  forDirectory(dir: string): EffectiveConfig {
    const { config, cwd, rules } = this.o;
    const file = config === false ? undefined : config !== undefined ? path.resolve(cwd, config) : this.nearestFile(dir);
    if (!file) return (this.withoutFile ??= resolveConfig(rules, undefined, this.overrides, { baseDir: path.resolve(cwd) }));
    let resolved = this.byFile.get(file);
    if (!resolved) {
      resolved = resolveConfig(rules, readConfigFile(file, cwd, rules), this.overrides, { file, baseDir: path.dirname(file) });
      this.byFile.set(file, resolved);
    }
    return resolved;
  }

  /**
   * One line per config file used this run that has others beside it, which are ignored:
   * `using .compose-lint.yaml; .compose-lint.yml in the same directory is ignored` (paths shown
   * relative to cwd).
   */
  warnings(): string[] {
    return [...this.shadowed].map(([file, ignored]) => {
      const shown = (f: string): string => displayPath(this.o.cwd, f);
      return `using ${shown(file)}; ${ignored.map(shown).join(' and ')} in the same directory ${ignored.length > 1 ? 'are' : 'is'} ignored`;
    });
  }

  private nearestFile(dir: string): string | undefined {
    const found = findConfigFile(dir, this.nearest);
    if (found?.ignored.length) this.shadowed.set(found.file, found.ignored);
    return found?.file;
  }

  /** The effective config for one compose file. */
  forFile(file: string): EffectiveConfig {
    return this.forDirectory(path.dirname(path.resolve(this.o.cwd, file)));
  }
}

export function resolveConfig(rules: readonly Rule[], data: ConfigData | undefined, overrides: readonly Record<string, RuleEntry>[], where: { file?: string; baseDir: string }): EffectiveConfig {
  const presets = toList(data?.extends ?? 'recommended');
  let settings: RuleSettings = new Map();
  for (const p of presets) settings = presetSettings(p, rules);
  // What `on` means for each rule: the preset's severity when the preset runs it, else its own default.
  const onLevel = new Map(rules.map((r) => [r.id, onSeverity(r, settings.get(r.id))]));
  for (const layer of [data?.rules ?? {}, ...overrides]) {
    for (const [id, entry] of Object.entries(layer)) applyEntry(settings, id, entry, onLevel.get(id));
  }
  return {
    ...where,
    extends: presets,
    rules: settings,
    shared: { frontends: data?.frontends ?? [], datastores: data?.datastores ?? [] },
    ignore: data?.ignore ?? [],
  };
}

function onSeverity(rule: Rule, preset: RuleSetting | undefined): Severity {
  return preset && preset.severity !== 'off' ? preset.severity : rule.severity;
}

/**
 * A severity written in a layer is explicit (it applies to every finding of the rule); `on` is
 * not: the rule runs at `on` (its preset's or its own default severity) and each finding keeps the
 * severity the rule gives it. `[level]` keeps earlier options; `[level, {options}]` replaces them.
 */
function applyEntry(settings: RuleSettings, id: string, entry: RuleEntry, on: Severity | undefined): void {
  const previous = settings.get(id) ?? { severity: 'off', options: {} };
  const [level, options] = typeof entry === 'string' ? [entry] : entry;
  const severity = level === ON ? (on ?? 'off') : level;
  let next: RuleSetting;
  if (options === undefined) next = { severity, options: previous.options, ...(previous.exclude ? { exclude: previous.exclude } : {}) };
  else {
    const { exclude, ...own } = options;
    next = exclude?.services ? { severity, options: own, exclude: exclude.services } : { severity, options: own };
  }
  if (level !== ON) next.explicit = true;
  settings.set(id, next);
}

function toList<T>(v: T | T[]): T[] {
  return Array.isArray(v) ? v : [v];
}

/** Whether the config's `ignore` globs name this compose file. */
export function isIgnored(cfg: EffectiveConfig, absFile: string): boolean {
  if (!cfg.ignore.length) return false;
  const rel = pathInside(cfg.baseDir, absFile);
  return rel !== undefined && matchesAnyGlob(rel, cfg.ignore);
}

/**
 * `--print-config FILE`: the effective config in the config file's own shape, plus where it came
 * from. A rule that runs at its own severities (from a preset or `on`, not a severity written in
 * the config or `--rule`) is printed `on`, so the output used as a config gives the same results.
 */
export function printableConfig(cfg: EffectiveConfig, file: string, cwd: string): Record<string, unknown> {
  const rules: Record<string, RuleEntry> = {};
  for (const [id, s] of [...cfg.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const options: RuleOptions = s.exclude ? { ...s.options, exclude: { services: s.exclude } } : s.options;
    // A severity nobody wrote is the rule's own: `on` says so, and copied into a config keeps it so.
    const level: RuleLevel = s.explicit || s.severity === 'off' ? s.severity : ON;
    rules[id] = Object.keys(options).length ? [level, options] : level;
  }
  return {
    file,
    configFile: cfg.file ? displayPath(cwd, cfg.file) : null,
    ignored: isIgnored(cfg, path.resolve(cwd, file)),
    extends: cfg.extends,
    rules,
    frontends: cfg.shared.frontends,
    datastores: cfg.shared.datastores,
    ignore: cfg.ignore,
  };
}
