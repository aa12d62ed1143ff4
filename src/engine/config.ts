/**
 * The effective configuration of a project: a preset, then the config file, then `--rule` flags,
 * each later layer winning rule by rule. An entry with only a severity keeps the options set by
 * earlier layers; an entry with options replaces them.
 */
import * as path from 'path';
import type { Rule, SharedSettings } from '../types';
import { ConfigData, FoundConfig, RuleEntry, RuleOptions, findConfigFile, parseRuleFlag, readConfigFile } from './config-file';
import { PresetName, presetSettings } from './presets';
import { RuleSettings } from './settings';
import { matchesAnyGlob } from './glob';
import { displayPath, pathInside } from '../util/display-path';

export { ConfigError, CONFIG_NAMES } from './config-file';
export type { ConfigData, RuleEntry } from './config-file';

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
  for (const layer of [data?.rules ?? {}, ...overrides]) {
    for (const [id, entry] of Object.entries(layer)) applyEntry(settings, id, entry);
  }
  return {
    ...where,
    extends: presets,
    rules: settings,
    shared: { frontends: data?.frontends ?? [], datastores: data?.datastores ?? [] },
    ignore: data?.ignore ?? [],
  };
}

function applyEntry(settings: RuleSettings, id: string, entry: RuleEntry): void {
  const previous = settings.get(id) ?? { severity: 'off', options: {} };
  if (typeof entry === 'string') {
    settings.set(id, { ...previous, severity: entry, explicit: true });
    return;
  }
  const [severity, options] = entry;
  if (options === undefined) {
    settings.set(id, { ...previous, severity, explicit: true });
    return;
  }
  const { exclude, ...own } = options;
  settings.set(id, exclude?.services ? { severity, options: own, exclude: exclude.services, explicit: true } : { severity, options: own, explicit: true });
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

/** `--print-config FILE`: the effective config in the config file's own shape, plus where it came from. */
export function printableConfig(cfg: EffectiveConfig, file: string, cwd: string): Record<string, unknown> {
  const rules: Record<string, RuleEntry> = {};
  for (const [id, s] of [...cfg.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const options: RuleOptions = s.exclude ? { ...s.options, exclude: { services: s.exclude } } : s.options;
    rules[id] = Object.keys(options).length ? [s.severity, options] : s.severity;
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
