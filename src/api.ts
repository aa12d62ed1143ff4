/**
 * The library entry point: lint files, directories or text and get findings plus the resolved
 * projects. The CLI is a thin layer over this.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadProject, LoadOptions } from './load/project';
import { LoadError } from './load/context';
import { baseOfOverride, discoverBelow } from './load/discover';
import { buildGraph } from './graph/build';
import { runRules, compareFindings } from './engine/run';
import { defaultSettings, RuleSettings } from './engine/settings';
import { allRules } from '../rules';
import type { Finding, Rule } from './types';
import type { Project } from './model/project';

export type { Finding, Rule, Severity, Report, RuleContext } from './types';
export type { Project } from './model/project';
export { LoadError } from './load/context';

export interface LintOptions {
  cwd?: string;
  /** Files or directories, each its own project (an override file joins its base). '-' is stdin. */
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
  /** Rule settings (default: every rule at its default severity). */
  settings?: RuleSettings;
  rules?: readonly Rule[];
}

export interface LintResult {
  findings: Finding[];
  projects: Project[];
  /** Every compose file linted (display paths), clean ones included. */
  files: string[];
}

/** Work out which projects the options name: each is a LoadOptions for loadProject. */
export function planProjects(o: LintOptions): LoadOptions[] {
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const common = {
    cwd,
    projectName: o.projectName,
    projectDirectory: o.projectDirectory,
    envFiles: o.envFiles,
    profiles: o.profiles,
    osEnv: o.env,
    stdin: o.text ? o.text.content : o.stdin,
  };
  if (o.text) return [{ ...common, files: ['-'], projectDirectory: o.projectDirectory ?? path.dirname(path.resolve(cwd, o.text.path)) }];
  if (o.files?.length) return [{ ...common, files: o.files }];
  if (!o.targets?.length) return [{ ...common }];
  const groups: string[][] = [];
  const seen = new Set<string>();
  const add = (g: string[]): void => {
    const key = g.join('\0');
    if (!seen.has(key)) {
      seen.add(key);
      groups.push(g);
    }
  };
  for (const t of o.targets) {
    if (t === '-') {
      add(['-']);
      continue;
    }
    const abs = path.resolve(cwd, t);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new LoadError(`${t}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const found = discoverBelow(abs);
      if (!found.length) throw new LoadError(`${t}: no compose file found in this directory (looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml)`);
      found.forEach(add);
    } else {
      const base = baseOfOverride(abs);
      add(base && base !== abs ? [base, abs] : [abs]);
    }
  }
  // A base named on its own and again with its override: keep only the merged pair.
  const pairs = new Set(groups.filter((g) => g.length === 2).map((g) => g[0]));
  return groups.filter((g) => !(g.length === 1 && pairs.has(g[0]))).map((files) => ({ ...common, files }));
}

/** Lint synchronously. Throws LoadError for fatal problems (missing file, unreadable env file, ...). */
export function lintSync(o: LintOptions = {}): LintResult {
  const rules = o.rules ?? allRules;
  const settings = o.settings ?? defaultSettings(rules);
  const findings: Finding[] = [];
  const projects: Project[] = [];
  const files = new Set<string>();
  for (const plan of planProjects(o)) {
    const { project, problems } = loadProject(plan);
    if (o.text) relabelStdin(project, o.text.path, plan.cwd);
    for (const d of project.documents) files.add(d.source.path);
    for (const p of problems) if (p.origin) files.add(p.origin.source.path);
    projects.push(project);
    findings.push(...runRules(project, buildGraph(project), rules, settings, problems));
  }
  return { findings: dedupe(findings).sort(compareFindings), projects, files: [...files].sort() };
}

export async function lint(o: LintOptions = {}): Promise<LintResult> {
  return lintSync(o);
}

/** The same file can be reached from several projects (a base linted alone and with an override). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function relabelStdin(project: Project, virtualPath: string, cwd: string): void {
  const rel = path.relative(cwd, path.resolve(cwd, virtualPath)) || virtualPath;
  for (const s of project.sources) if (s.path === '<stdin>') s.path = rel.split(path.sep).join('/');
}
