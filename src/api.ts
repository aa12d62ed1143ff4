/**
 * The library entry point: lint files, directories or text and get findings plus the resolved
 * projects. The CLI is a thin layer over this.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadProject, LoadOptions } from './load/project';
import { planProjects as planTargets } from './load/targets';
import { buildGraph } from './graph/build';
import { runRules, compareFindings } from './engine/run';
import { NO_SHARED_SETTINGS, RuleSettings } from './engine/settings';
import { ConfigError, ConfigResolver, EffectiveConfig, isIgnored, printableConfig } from './engine/config';
import { applyDirectives, applyExcludes } from './engine/suppression-pass';
import { UNUSED_DISABLE } from './engine/unused-disable';
import { ruleMetas } from './engine/catalog';
import { applyEdits, checkFixes, editsOf, fixKey, planFileFixes, staleReason, writeFileAtomic } from './engine/fix';
import type { SuppressedFinding } from './engine/suppress';
import { allRules } from '../rules';
import { LintCache, type ProjectOutcome } from './engine/lint-cache';
import { cacheFileFor, type RunInputs } from './engine/cache-file';
import { makeSource } from './model/source';
import { pathKind, runSnapshot, withRunSnapshot } from './load/inputs';
import { VERSION } from './util/version';
import { WORKER_THRESHOLD } from './util/worker-threshold';

/** Every built-in rule, in id order (the catalog the API hands to the engine). */
export { allRules };
import unusedDisableRule from '../rules/unused-disable';
import type { Finding, Fix, Rule } from './types';
import { servicesOf, type Project, type ProjectInputs } from './model/project';
import type { SourceFile } from './model/source';
import { LoadError, type LoadProblem } from './load/context';
import type { Graph } from './graph/types';
import type { RuleMeta } from './report/types';
import { displayPath, relativePath } from './util/display-path';

export type { Finding, Rule, Severity, Report, RuleContext } from './types';
export type { Project } from './model/project';
export type { LoadProblem } from './load/context';
export type { SuppressedFinding, Suppression } from './engine/suppress';
export { LoadError } from './load/context';
export { ConfigError } from './engine/config';
export { unifiedDiff } from './engine/diff';

export interface LintOptions {
  cwd?: string;
  /**
   * Files, directories or quoted globs; '-' is stdin. Each is linted inside the project Compose
   * forms in its directory (`.env`'s COMPOSE_FILE, a base with its override, an override with its
   * base); targets of one project are linted once, together.
   */
  targets?: string[];
  /** `-f` files: one project, merged in order (disables discovery). */
  files?: string[];
  projectName?: string;
  projectDirectory?: string;
  envFiles?: string[];
  profiles?: string[];
  /** Environment for interpolation (default process.env). */
  env?: Record<string, string>;
  /** Text for the '-' target/file. */
  stdin?: string;
  /** Lint this text as if it were the file at `path` (editors: unsaved buffers). */
  text?: { path: string; content: string };
  /** Rule settings for every project; given, config files and `ruleFlags` are not read. */
  settings?: RuleSettings;
  rules?: readonly Rule[];
  /** A config file for every project; false: none; default: the nearest to each project. */
  config?: string | false;
  /** `--rule` specs ('id: severity' or 'id: [severity, {options}]'), over the config file. */
  ruleFlags?: string[];
  /** Report suppression comments that suppress nothing (rule `unused-disable`). */
  reportUnusedDisableDirectives?: boolean;
  /** false: the config's `ignore` patterns are not applied (`--no-ignore`). */
  ignore?: boolean;
  /**
   * false (`--no-error-on-unmatched-pattern`): a target that is a glob matching nothing or a
   * directory without a compose file is skipped; the other targets are linted. Default true: such a
   * target throws LoadError, as in ESLint.
   */
  errorOnUnmatchedPattern?: boolean;
  /** Receives one line per step (files loaded, config used, milliseconds per stage): `--debug`. */
  onDebug?: (line: string) => void;
  /** Time each rule's check: LintResult.ruleTimes (the CLI's TIMING variable, as in ESLint). With `cache`, every project is linted (no cache hits). */
  timing?: boolean;
  /**
   * `--cache`: reuse each project's findings from this cache file while none of its inputs changed
   * (see src/engine/lint-cache.ts), and write the file back. `location`: a file, or a directory to
   * hold `.compose-lint-cache` (default: that file in `cwd`). Never used for `stdin` or `text`.
   * Projects taken from the cache are not in `LintResult.projects`. `deferSave`: the file is not
   * written; the result's `saveCache` writes it (the CLI first adds a record of the whole run).
   */
  cache?: { location?: string; deferSave?: boolean };
  /**
   * Worker threads to lint projects in (the cores to use); at most 1: none. Used only when at least
   * `workerThreshold` projects (default WORKER_THRESHOLD) are to be linted, never for stdin, `text`
   * or custom `rules`. Projects linted in a worker are not in `LintResult.projects`; findings are
   * the same, in the same order. `'auto'`: one per core on machines with more than two (on two shared
   * cores, workers did not pay even at 500 projects: scripts/bench.js, issue 13), asked only when
   * there are enough projects (so `os` is not loaded at start-up).
   */
  concurrency?: number | 'auto';
  workerThreshold?: number;
}

export interface LintResult {
  findings: Finding[];
  /** Findings dropped by a suppression comment or a config `exclude`, with the reason given. */
  suppressed: SuppressedFinding[];
  projects: Project[];
  /** Every compose file linted (display paths), clean ones included. */
  files: string[];
  /**
   * Files of `files` whose YAML does not parse (display paths, sorted): the rules could not check
   * them (their `yaml-syntax` findings say why). SARIF lists them as tool execution notifications.
   */
  unparsed: string[];
  /** Files named explicitly (a file target, `-f`, the text's path) that the config's `ignore` skipped (display paths). */
  ignored: string[];
  /** Problems that do not stop the run, one line each for stderr: a config file ignored beside the one used. */
  warnings: string[];
  /** Why `--cache` could not write its file (one line), when it could not: the findings are still complete. */
  cacheProblem?: string;
  /**
   * With `timing`: milliseconds (wall, fractional) per rule id, summed over the projects linted in
   * this run (and, for fixSync, over its lint passes).
   */
  ruleTimes?: Record<string, number>;
  /** With `cache.deferSave`: every input of the run (files, paths, listings, and the variables projects looked up), for a record of it. */
  runInputs?: RunInputs & { env: Record<string, string | null> };
  /**
   * With `cache.deferSave`: writes the cache file, with `run` (a record of the whole run) when given;
   * returns what `cacheProblem` would have said.
   */
  saveCache?: (run?: unknown) => string | undefined;
}

/**
 * Work out which projects the options name, as Docker Compose would form them (see
 * load/targets.ts): each is a LoadOptions for loadProject. Commands that load projects (lint,
 * config, graph) share it. Throws LoadError for a missing target or a glob matching nothing.
 */
export function planProjects(o: LintOptions): LoadOptions[] {
  return planTargets({
    cwd: path.resolve(o.cwd ?? process.cwd()),
    targets: o.targets,
    files: o.files,
    projectName: o.projectName,
    projectDirectory: o.projectDirectory,
    envFiles: o.envFiles,
    profiles: o.profiles,
    osEnv: plainEnv(o.env),
    stdin: o.stdin,
    text: o.text,
    onDebug: o.onDebug,
    errorOnUnmatchedPattern: o.errorOnUnmatchedPattern,
  });
}

/**
 * The environment as a plain object: `process.env` is copied once, as every read of it is a
 * getenv() and each project's environment copies it (500 projects: about 170 ms).
 */
function plainEnv(env: Record<string, string> | undefined): Record<string, string> {
  return env === undefined || env === process.env ? ({ ...process.env } as Record<string, string>) : env;
}

/** Lint synchronously. Throws LoadError / ConfigError for fatal problems (missing file, bad config, ...). */
export function lintSync(options: LintOptions = {}): LintResult {
  // One view of the disk per run: planning, loading and the cache's checks stat and read each path once.
  return withRunSnapshot(() => lintSnapshot(options));
}

function lintSnapshot(options: LintOptions): LintResult {
  const o = { ...options, env: plainEnv(options.env) };
  const rules = o.rules ?? allRules;
  const configFor = configLookup(o, rules);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const debug = o.onDebug ?? ((): void => undefined);
  const osEnv = o.env;
  const ignoredNamed = new Set<string>();
  const named = namedFiles(o, cwd);
  // stdin and editor buffers are never cached, nor linted in workers (their text is not on disk).
  const onDisk = o.text === undefined && o.stdin === undefined;
  const cache = o.cache && onDisk ? new LintCache(cacheFileFor(o.cache.location, cwd), toolFingerprint(rules), debug) : undefined;
  // Per plan, in order: skipped (ignored), an outcome (from the cache or linted here), or waiting for a worker.
  const slots: { cfg: EffectiveConfig; outcome?: ProjectOutcome; project?: Project; key?: string; plan: LoadOptions }[] = [];
  const pending: number[] = [];
  for (const plan of planProjects(o)) {
    const cfg = configFor(configDirOf(plan.files, plan.projectDirectory, cwd));
    const ignoredAbs = (abs: string): boolean => o.ignore !== false && isIgnored(cfg, abs);
    const planned = o.text ? [path.resolve(cwd, o.text.path)] : (plan.files ?? []).filter((f) => f !== '-').map((f) => path.resolve(cwd, f));
    if (planned.length && planned.length === (o.text ? 1 : plan.files?.length) && planned.every(ignoredAbs)) {
      for (const abs of planned) if (named.has(abs)) ignoredNamed.add(displayPath(cwd, abs));
      debug(`skipped ${planned.map((f) => displayPath(cwd, f)).join(', ')}: matched by \`ignore\` in ${cfg.file ? displayPath(cwd, cfg.file) : 'the config'}`);
      continue;
    }
    const slot: (typeof slots)[number] = { cfg, plan };
    slots.push(slot);
    if (cache) {
      slot.key = LintCache.key(planKey(plan), cfg, { cwd, ignore: o.ignore !== false });
      const label = `project of ${(plan.files ?? []).map((f) => displayPath(cwd, path.resolve(cwd, f))).join(', ') || displayPath(cwd, plan.projectDirectory ?? cwd)}`;
      // Timing measures the rules, so it runs them: no findings are taken from the cache (they are still stored).
      const hit = o.timing ? undefined : cache.lookup(slot.key, osEnv, label);
      if (hit) {
        slot.outcome = { ...hit, debug: [`cache: hit for ${label}`] };
        continue;
      }
    }
    pending.push(slots.length - 1);
  }
  const threads = onDisk && o.rules === undefined && pending.length >= (o.workerThreshold ?? WORKER_THRESHOLD) ? workerThreads(o.concurrency) : 1;
  if (threads > 1) {
    const t = Date.now();
    const outcomes = lintInWorkers(
      pending.map((i) => slots[i].plan),
      workerOptions(o),
      threads,
    );
    pending.forEach((i, n) => {
      const { outcome, inputs } = outcomes[n];
      slots[i].outcome = outcome;
      if (cache && inputs) cache.store(slots[i].key!, outcome, inputs, osEnv);
    });
    debug(`${pending.length} projects linted in ${Math.min(threads, pending.length)} worker threads in ${Date.now() - t} ms`);
  } else {
    for (const i of pending) {
      const slot = slots[i];
      const { project, outcome } = lintPlan(slot.plan, slot.cfg, o, rules, cwd);
      slot.project = project;
      slot.outcome = outcome;
      if (cache && project.inputs) cache.store(slot.key!, outcome, project.inputs, osEnv);
    }
  }
  const result: LintResult = { ...mergeOutcomes(slots, o, rules), ignored: [...ignoredNamed].sort(), warnings: configFor.warnings() };
  if (cache) {
    debug(`cache: ${cache.hits} ${cache.hits === 1 ? 'hit' : 'hits'}, ${cache.misses} ${cache.misses === 1 ? 'miss' : 'misses'}`);
    const snapshot = runSnapshot();
    if (o.cache?.deferSave && snapshot) {
      result.runInputs = cache.runInputs(snapshot);
      result.saveCache = (run) => cache.save(run);
    } else {
      const cacheProblem = cache.save();
      if (cacheProblem) result.cacheProblem = cacheProblem;
    }
  }
  return result;
}

/** The worker threads `concurrency` asks for (LintOptions.concurrency); 1: none. */
function workerThreads(concurrency: LintOptions['concurrency']): number {
  if (concurrency !== 'auto') return concurrency ?? 1;
  const cores = (require('os') as typeof import('os')).availableParallelism();
  return cores > 2 ? cores : 1;
}

/** The options a worker thread needs (plain data: they are copied into it). */
export type WorkerOptions = Pick<LintOptions, 'cwd' | 'config' | 'ruleFlags' | 'ignore' | 'settings' | 'timing'>;

function workerOptions(o: LintOptions): WorkerOptions {
  return { cwd: path.resolve(o.cwd ?? process.cwd()), config: o.config, ruleFlags: o.ruleFlags, ignore: o.ignore, settings: o.settings, timing: o.timing };
}

/** In a worker thread (src/cli/lint-worker.ts): lint one plan; the outcome and the project's inputs. Not part of the public API. */
export function lintPlanJob(plan: LoadOptions, o: WorkerOptions): { outcome: ProjectOutcome; inputs?: ProjectInputs } {
  const cwd = o.cwd!;
  const cfg = workerConfig(o)(configDirOf(plan.files, plan.projectDirectory, cwd));
  const { project, outcome } = lintPlan(plan, cfg, o, allRules, cwd);
  return { outcome, inputs: project.inputs };
}

/** The worker thread's config lookup, made once per thread (config files are read once per thread). */
let workerConfigFor: ((dir: string) => EffectiveConfig) | undefined;
function workerConfig(o: WorkerOptions): (dir: string) => EffectiveConfig {
  workerConfigFor ??= configLookup(o, allRules);
  return workerConfigFor;
}

/**
 * Lint `plans` in `size` worker threads; outcomes in plan order. A worker's LoadError or
 * ConfigError is thrown again here, the first in plan order (as a serial run would throw it).
 */
function lintInWorkers(plans: LoadOptions[], o: WorkerOptions, size: number): { outcome: ProjectOutcome; inputs?: ProjectInputs }[] {
  const { runJobsSync } = require('./util/worker-pool') as typeof import('./util/worker-pool');
  // A plan is copied into the worker: functions cannot be (the fast reader's debug lines stay in the worker).
  const plain = plans.map((p) => ({ ...p, onDebug: undefined }));
  const replies = runJobsSync<LoadOptions, ReturnType<typeof lintPlanJob>>(workerScript(), o, plain, size);
  return replies.map((r) => {
    if ('result' in r) return r.result;
    if (r.error.name === 'LoadError') throw new LoadError(r.error.message);
    if (r.error.name === 'ConfigError') throw new ConfigError(r.error.message);
    throw new Error(r.error.message);
  });
}

/**
 * The worker script, dist/src/cli/lint-worker.js: beside this module when this is the CLI bundle
 * (dist/src/cli/bundle.js), below it in dist/src, or the build's when this runs from the TypeScript sources (tests).
 */
function workerScript(): string {
  const candidates = [path.join(__dirname, 'lint-worker.js'), path.join(__dirname, 'cli', 'lint-worker.js'), path.join(__dirname, '..', 'dist', 'src', 'cli', 'lint-worker.js')];
  return candidates.find((f) => fs.existsSync(f)) ?? candidates[0];
}

/** The default of LintOptions.workerThreshold (util/worker-threshold.ts): part of the API. */
export { WORKER_THRESHOLD };

/** The fields of a plan that decide a project (the environment is not one: variables count when looked up). */
function planKey(plan: LoadOptions): Record<string, unknown> {
  return { files: plan.files, projectName: plan.projectName, projectDirectory: plan.projectDirectory, envFiles: plan.envFiles, profiles: plan.profiles, launchDir: plan.launchDir, cwd: plan.cwd };
}

/**
 * What makes cached findings stale as a whole: the tool's version and the rules (metadata, message
 * templates, option schemas). A change inside a rule's check alone is not seen: the version covers
 * releases, and a development build should be run without `--cache` (or with a fresh location).
 */
function toolFingerprint(rules: readonly Rule[]): string {
  const { createHash } = require('crypto') as typeof import('crypto');
  const metas = ruleMetas(rules);
  const shape = rules.map((r, i) => [metas[i], r.messages ?? null, r.options ?? null]);
  return `${VERSION} ${createHash('sha256').update(JSON.stringify(shape)).digest('base64')}`;
}

/**
 * Load, graph and rules for one plan: the project and its outcome (see ProjectOutcome). Throws
 * LoadError for a fatal load problem. Worker threads run it through lintPlanJob.
 */
function lintPlan(plan: LoadOptions, cfg: EffectiveConfig, o: LintOptions, rules: readonly Rule[], cwd: string): { project: Project; outcome: ProjectOutcome } {
  const lines: string[] = [];
  const debug = (line: string): void => void lines.push(line);
  const ignored = (file: string): boolean => file !== '-' && file !== '<stdin>' && o.ignore !== false && isIgnored(cfg, path.resolve(cwd, file));
  let t = Date.now();
  const { project, problems } = loadProject(plan);
  if (o.text) relabelStdin(project, o.text.path, plan.cwd);
  debug(`project "${project.name}": loaded ${project.sources.map((s) => s.path).join(', ') || '(no file)'} in ${Date.now() - t} ms`);
  debug(`project "${project.name}": config ${cfg.file ? displayPath(cwd, cfg.file) : '(none: defaults)'}, extends ${cfg.extends.join(', ')}${o.ignore === false ? ', ignore patterns off' : ''}`);
  const files = new Set<string>();
  for (const d of project.documents) if (!ignored(d.source.path)) files.add(d.source.path);
  for (const p of problems) if (p.origin && !ignored(p.origin.source.path)) files.add(p.origin.source.path);
  const unparsed = new Set<string>();
  for (const p of problems) if (p.rule === 'yaml-syntax' && p.origin) unparsed.add(p.origin.source.path);
  t = Date.now();
  const graph = buildGraph(project);
  debug(`project "${project.name}": graph in ${Date.now() - t} ms`);
  t = Date.now();
  const ruleTimes = o.timing ? {} : undefined;
  const found = runRules(project, graph, rules, cfg.rules, problems, cfg.shared, ruleTimes).filter((f) => !ignored(f.file));
  debug(`project "${project.name}": ${rules.length} rules in ${Date.now() - t} ms, ${found.length} findings`);
  const kept = applyExcludes(found, cfg.rules);
  // stdin (and an editor buffer) has no file: its display path stands in.
  const sources = project.sources.map((s) => ({ path: s.path, abs: s.abs ?? s.path, ignored: ignored(s.path), text: s.text }));
  const outcome: ProjectOutcome = { findings: kept.findings, suppressed: kept.suppressed, files: [...files], unparsed: [...unparsed], sources, debug: lines };
  if (ruleTimes) outcome.ruleTimes = ruleTimes;
  return { project, outcome };
}

/** The run-wide steps over the projects' outcomes, in plan order: dedupe, suppression comments, sorting. */
function mergeOutcomes(slots: readonly { cfg: EffectiveConfig; outcome?: ProjectOutcome; project?: Project }[], o: LintOptions, rules: readonly Rule[]): Omit<LintResult, 'ignored' | 'warnings'> {
  const debug = o.onDebug ?? ((): void => undefined);
  const raw: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const projects: Project[] = [];
  const files = new Set<string>();
  const configOfFile = new Map<string, EffectiveConfig>();
  // Files with YAML errors: no rule saw their values, so no suppression comment there is known to be unused.
  const unparsed = new Set<string>();
  const sources: SourceFile[] = [];
  const ruleTimes: Record<string, number> = {};
  for (const { cfg, outcome, project } of slots) {
    if (!outcome) continue;
    for (const line of outcome.debug) debug(line);
    for (const f of outcome.files) files.add(f);
    for (const f of outcome.unparsed) unparsed.add(f);
    // Per file, the config of the first project that read it (for unused-disable); none for ignored files.
    for (const s of outcome.sources) if (!configOfFile.has(s.path) && !s.ignored) configOfFile.set(s.path, cfg);
    // The project's own source objects when it was loaded here (its directives are parsed once).
    if (project) for (const s of project.sources) sources.push(s);
    else for (const s of outcome.sources) sources.push(makeSource(s.path, s.text ?? ''));
    if (project) projects.push(project);
    for (const item of outcome.findings) raw.push(item);
    for (const item of outcome.suppressed) suppressed.push(item);
    addRuleTimes(ruleTimes, outcome.ruleTimes);
  }
  const t = Date.now();
  const unusedRule = rules.find((r) => r.id === UNUSED_DISABLE) ?? unusedDisableRule;
  const shown = applyDirectives(dedupe(raw), {
    sources: sources.filter((s) => configOfFile.has(s.path)),
    knownRules: allRuleIds(rules),
    messages: unusedRule.messages ?? {},
    unusedSeverity: (file, unknownRule) => {
      if (unparsed.has(file)) return undefined;
      const setting = configOfFile.get(file)?.rules.get(UNUSED_DISABLE);
      const configured = setting?.severity ?? 'off';
      if (configured !== 'off') return configured;
      // A rule name that does not exist is a typo: reported unless the user turned the rule off.
      return o.reportUnusedDisableDirectives || (unknownRule && !setting?.explicit) ? unusedRule.severity : undefined;
    },
  });
  debug(`suppression comments in ${Date.now() - t} ms`);
  return {
    findings: shown.findings.sort(compareFindings),
    suppressed: dedupe([...suppressed, ...shown.suppressed]).sort(compareFindings),
    projects,
    files: [...files].sort(),
    unparsed: [...unparsed].filter((f) => files.has(f)).sort(),
    ...(o.timing ? { ruleTimes } : {}),
  };
}

/** Adds each rule's milliseconds of `more` (when given) to `into`, in place. */
function addRuleTimes(into: Record<string, number>, more: Readonly<Record<string, number>> | undefined): void {
  if (more) for (const [id, ms] of Object.entries(more)) into[id] = (into[id] ?? 0) + ms;
}

/** Absolute paths of the files the options name outright (not found by discovery in a directory). */
function namedFiles(o: LintOptions, cwd: string): Set<string> {
  const out = new Set<string>();
  if (o.text) out.add(path.resolve(cwd, o.text.path));
  for (const f of o.files ?? []) if (f !== '-') out.add(path.resolve(cwd, f));
  for (const t of o.targets ?? []) {
    if (t === '-') continue;
    const abs = path.resolve(cwd, t);
    if (pathKind(abs) === 'file') out.add(abs); // the run's view of the disk; an unreadable path is no file
  }
  return out;
}

/** Metadata of the rules (default: every built-in rule), for formatters and `rules` / `explain`. */
export function ruleCatalog(rules: readonly Rule[] = allRules): RuleMeta[] {
  return ruleMetas(rules);
}

/** lintSync as a promise: an error it throws rejects the promise. */
export function lint(o: LintOptions = {}): Promise<LintResult> {
  return new Promise((resolve) => resolve(lintSync(o)));
}

/** Config per directory: from files (`o.config`, `o.ruleFlags`) or the fixed `o.settings`. */
/** The effective config per directory; `warnings()`: config files found beside the one used and ignored (ConfigResolver.warnings). */
type ConfigLookup = ((dir: string) => EffectiveConfig) & { warnings: () => string[] };

function configLookup(o: LintOptions, rules: readonly Rule[]): ConfigLookup {
  const cwd = path.resolve(o.cwd ?? process.cwd());
  if (o.settings) {
    const fixed: EffectiveConfig = { baseDir: cwd, extends: [], rules: o.settings, shared: NO_SHARED_SETTINGS, ignore: [] };
    return Object.assign(() => fixed, { warnings: () => [] });
  }
  const resolver = new ConfigResolver({ rules, cwd, config: o.config, ruleFlags: o.ruleFlags });
  return Object.assign((dir: string) => resolver.forDirectory(dir), { warnings: () => resolver.warnings() });
}

/** Config discovery starts at the project's first file (its directory), else the project directory. */
function configDirOf(files: string[] | undefined, projectDirectory: string | undefined, cwd: string): string {
  const first = files?.[0];
  if (first && first !== '-') return path.dirname(path.resolve(cwd, first));
  return path.resolve(cwd, projectDirectory ?? '.');
}

/** `--print-config FILE`: the configuration that applies to a compose file, as data. */
export function effectiveConfig(o: LintOptions, file: string): Record<string, unknown> {
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const cfg = configLookup(o, o.rules ?? allRules)(path.dirname(path.resolve(cwd, file)));
  return printableConfig(cfg, file, cwd);
}

export interface FixOptions extends LintOptions {
  /** Compute the changes but write nothing. */
  dryRun?: boolean;
  /** Rules whose suggestions are applied too (`--fix-rule`): each finding's first suggestion, when it has no fix of its own. */
  fixRules?: readonly string[];
}

export interface FileChange {
  /** Display path. */
  file: string;
  before: string;
  after: string;
}

export interface FixResult extends LintResult {
  /** Files changed (or, in a dry run, that would change), with their text before and after. */
  changes: FileChange[];
  /** Files not written, and why (e.g. changed on disk since they were read). */
  skipped: { file: string; reason: string }[];
}

/** Fix passes before giving up on fixes that keep producing new fixes. */
const MAX_FIX_PASSES = 10;

/**
 * Lint, apply the fixes of the findings shown, and lint again until nothing is left to fix. The
 * result's findings are those of the fixed files; in a dry run, one pass is computed and nothing
 * is written (findings are those of the files as they are). Text given as `text` or stdin is
 * never written: it is fixed in memory, and its change (file `<stdin>`, or the text's path)
 * holds the fixed text.
 */
export function fixSync(o: FixOptions = {}): FixResult {
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const changes = new Map<string, FileChange>();
  // Why files or fixes were left alone, by file + rule + message + reason: a fix refused before and
  // after another fix moved it is one entry, with its latest position.
  const skipped = new Map<string, { file: string; reason: string }>();
  // Fixes refused by the check (fix-check.ts), by fixKey: never tried again.
  const refused = new Set<string>();
  // Fixing needs each project's sources (LintResult.projects): no cache, no worker threads.
  let current: LintOptions = { ...o, cache: undefined, concurrency: undefined };
  let result = lintSync(current);
  // With timing, each rule's time over every pass, as ESLint's TIMING counts a --fix run.
  const ruleTimes = result.ruleTimes && { ...result.ruleTimes };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const texts = sourceTexts(result.projects);
    let changed = false;
    for (const [file, findings] of findingsWithFixesByFile(withSuggestions(result.findings, o.fixRules ?? []))) {
      const before = texts.get(file);
      if (before === undefined) continue;
      const fixes = safeFixesOf(file, before, findings, refused, skipped);
      if (!fixes.length) continue;
      const after = applyEdits(before, editsOf(fixes));
      if (after === before) continue;
      // Text from stdin (or given as `text`) is fixed in memory: the caller prints it.
      const inMemory = o.text !== undefined || file === '<stdin>';
      if (inMemory) current = o.text ? { ...current, text: { path: o.text.path, content: after } } : { ...current, stdin: after };
      else if (!o.dryRun) {
        const abs = path.resolve(cwd, file);
        const reason = staleReason(abs, before);
        if (reason) {
          skipped.set(`${file}\0${reason}`, { file, reason });
          continue;
        }
        writeFileAtomic(abs, after);
      }
      changed = true;
      changes.set(file, { file, before: changes.get(file)?.before ?? before, after });
    }
    if (o.dryRun || !changed) break;
    result = lintSync(current);
    if (ruleTimes) addRuleTimes(ruleTimes, result.ruleTimes);
  }
  // A refused fix is not offered: the finding stays, reported as not fixable here.
  const findings = result.findings.map((f) => (f.fix && refused.has(fixKey(f.fix)) ? withoutFix(f) : f));
  return { ...result, ...(ruleTimes ? { ruleTimes } : {}), findings, changes: [...changes.values()].sort((a, b) => (a.file < b.file ? -1 : 1)), skipped: [...skipped.values()] };
}

function withoutFix(f: Finding): Finding {
  const copy = { ...f };
  delete copy.fix;
  return copy;
}

function findingsWithFixesByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix) continue;
    const list = byFile.get(f.fix.file) ?? [];
    byFile.set(f.fix.file, list);
    list.push(f);
  }
  return byFile;
}

/**
 * The fixes of one file that may be written together: planned (no overlaps) and checked; a fix
 * the check refuses is recorded in `refused` and `skipped`, and the plan is made again without it
 * (it may have kept an overlapping fix waiting).
 */
function safeFixesOf(file: string, before: string, findings: readonly Finding[], refused: Set<string>, skipped: Map<string, { file: string; reason: string }>): Fix[] {
  for (;;) {
    const open = findings.filter((f) => !refused.has(fixKey(f.fix!)));
    const planned = planFileFixes(open).get(file) ?? [];
    if (!planned.length) return [];
    const checked = checkFixes(file, before, planned);
    if (!checked.refused.length) return checked.fixes;
    for (const r of checked.refused) {
      if (!r.fix) {
        // The whole file (it has YAML errors): one line, and none of its fixes.
        for (const f of open) refused.add(fixKey(f.fix!));
        skipped.set(`${file}\0${r.reason}`, { file, reason: r.reason });
        return [];
      }
      refused.add(fixKey(r.fix));
      const by = open.find((f) => fixKey(f.fix!) === fixKey(r.fix!))!;
      const key = `${file}\0${by.rule}\0${by.message}\0${r.reason}`;
      skipped.delete(key); // re-inserted: listed in the order of the last pass
      skipped.set(key, { file, reason: `${by.rule} at ${by.line}:${by.column} is not fixable here: ${r.reason}` });
    }
  }
}

/** Findings of the named rules with their first suggestion promoted to the fix (ESLint applies a suggestion only on request). */
export function withSuggestions(findings: readonly Finding[], rules: readonly string[]): Finding[] {
  if (!rules.length) return [...findings];
  return findings.map((f) => (!f.fix && f.suggestions?.length && rules.includes(f.rule) ? { ...f, fix: f.suggestions[0].fix } : f));
}

function sourceTexts(projects: readonly Project[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const s of projects.flatMap((p): SourceFile[] => p.sources)) if (!texts.has(s.path)) texts.set(s.path, s.text);
  return texts;
}

/** The same file can be reached from several projects (a base linted alone and with an override). */
function dedupe<F extends Finding>(findings: F[]): F[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every rule id a suppression may name: the rules run, plus the built-in ones (a custom rule set does not make them typos). */
function allRuleIds(rules: readonly Rule[]): string[] {
  return [...new Set([...rules.map((r) => r.id), ...allRules.map((r) => r.id)])];
}

/**
 * Text linted as the file at `virtualPath`: its source and the project's file list take that path
 * (display: relative to cwd, as the CLI shows it; files: absolute), so paths derived from them
 * (env files beside it) read the same as when the file is linted from disk.
 */
function relabelStdin(project: Project, virtualPath: string, cwd: string): void {
  const abs = path.resolve(cwd, virtualPath);
  const rel = relativePath(cwd, abs) || virtualPath;
  for (const s of project.sources) if (s.path === '<stdin>') s.path = rel;
  project.files = project.files.map((f) => (f === '<stdin>' ? abs : f));
}

/** The one project `config` and `graph` work on: several targets must form a single project. */
function singleProject(o: LintOptions, interpolate = true): { project: Project; problems: LoadProblem[] } {
  const plans = planProjects(o);
  if (plans.length > 1) {
    const names = plans.map((p) => (p.files ?? []).map((f) => (f === '-' ? '<stdin>' : path.relative(p.cwd, f) || f)).join(' + ')).join(', ');
    throw new LoadError(`these targets form ${plans.length} projects (${names}); name the files of one project, or use -f for each file`);
  }
  const { project, problems } = loadProject({ ...plans[0], interpolate });
  if (o.text) relabelStdin(project, o.text.path, plans[0].cwd);
  return { project, problems };
}

export interface ConfigOptions extends LintOptions {
  /** Output format (default yaml). */
  format?: 'yaml' | 'json';
  /** false: `--no-interpolate` (variables printed as written, `$` not escaped). */
  interpolate?: boolean;
  /** Keep networks/volumes/secrets/configs no service uses (docker compose `--all-resources`). */
  allResources?: boolean;
  /** The home directory `~` paths expand to (default: os.homedir()). */
  home?: string;
}

export interface ConfigResult {
  project: Project;
  /** Load problems; any error means Docker Compose would refuse the project (and `text` is ''). */
  problems: LoadProblem[];
  /** The canonical model (key order is the printed order); see src/model/canonical.ts. */
  model: Record<string, unknown>;
  /** What `docker compose config` prints for it (docs/config.md lists the known differences). */
  text: string;
  /** `--services`: service names, each after the services it depends on. */
  services: string[];
  /** `--volumes`, `--networks`: top-level keys, sorted. */
  volumes: string[];
  networks: string[];
  /** `--profiles`: every profile named by a service, active or not, sorted. */
  profiles: string[];
  /** `--images`: each service's image, or `<project>-<service>` for one it builds, by service name. */
  images: string[];
}

/**
 * The project as `docker compose config` prints it. Throws LoadError when the options name no
 * compose file or name several projects.
 */
export function configOf(o: ConfigOptions = {}): ConfigResult {
  // The canonical model loads only for config.
  const { canonicalModel, servicesInDependencyOrder, imagesOf } = require('./model/canonical') as typeof import('./model/canonical');
  const { toGoJson, toGoYaml, sortedAsMaps } = require('./model/canonical-text') as typeof import('./model/canonical-text');
  const interpolate = o.interpolate !== false;
  const format = o.format ?? 'yaml';
  const { project, problems } = singleProject(o, interpolate);
  const model = canonicalModel(project, {
    home: o.home ?? (require('os') as typeof import('os')).homedir(),
    // The loader read the env files (and folded them under `environment`); config never reads the disk.
    envFile: (absPath: string) => {
      const entries = project.envFiles[absPath];
      return entries && Object.fromEntries(entries.map((e) => [e.key, e.value]));
    },
    format,
    allResources: o.allResources,
  });
  const failed = problems.some((p) => p.severity === 'error');
  // --no-interpolate prints compose-go's raw model: a map[string]any, every key sorted.
  const printed = interpolate ? model : sortedAsMaps(model);
  let text = failed ? '' : format === 'json' ? toGoJson(printed) : toGoYaml(printed);
  if (interpolate) text = text.replace(/\$/g, '$$$$'); // a literal `$` reads back as `$$`
  const keys = (k: string): string[] => Object.keys((model[k] as Record<string, unknown> | undefined) ?? {}).sort();
  const all = [...Object.values(servicesOf(project)), ...Object.values(project.disabledServices)];
  const profiles = [...new Set(all.flatMap((s) => (Array.isArray(s.profiles) ? s.profiles.map(String) : [])))].sort();
  return { project, problems, model, text, services: servicesInDependencyOrder(model), volumes: keys('volumes'), networks: keys('networks'), profiles, images: imagesOf(model, project.name) };
}

export interface GraphResult {
  project: Project;
  problems: LoadProblem[];
  graph: Graph;
}

/** The service/network graph of the one project the options name (see src/graph/). */
export function graphOf(o: LintOptions = {}): GraphResult {
  const { project, problems } = singleProject(o);
  return { project, problems, graph: buildGraph(project) };
}
