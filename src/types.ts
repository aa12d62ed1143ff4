/** Types shared by every stage: findings, rules and the rule context. */
import type { Origin } from './model/origin';
import type { Project } from './model/project';
import type { Graph } from './graph/types';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSeverity = Severity | 'off';
export type Category = 'correctness' | 'network' | 'security' | 'style';

/** A problem found while loading; the engine turns these into findings of the named rule. */
export interface LoadProblem {
  /** Rule id: 'yaml-syntax' | 'schema' | 'interpolation' | 'load-error' | ... */
  rule: string;
  severity: Severity;
  message: string;
  origin?: Origin;
  /** Display path when there is no origin (e.g. a file that could not be read). */
  file?: string;
  service?: string;
  value?: string;
}

/** A text edit on the original file contents (offsets into SourceFile.text). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}
/** A path into a file's parsed YAML documents: the document's index (0-based), then keys and list indexes. */
export type ModelPath = (string | number)[];

export interface Fix {
  /** Path of the file the edits apply to (SourceFile.path). */
  file: string;
  edits: TextEdit[];
  /**
   * The values the fix removes or changes. `--fix` writes a file only when the fixed text parses
   * to the same values as before everywhere else (none: the fix changes no value, e.g. it
   * removes a comment).
   */
  changes?: ModelPath[];
}

/**
 * An edit that would change what runs (e.g. add `no-new-privileges:true`), offered as in ESLint:
 * shown by `--fix-dry-run` and in SARIF `fixes`, applied only with `--fix --fix-rule <rule>`.
 */
export interface Suggestion {
  /** What the edit does, as a short imperative ("add `cap_drop: [ALL]` to web"). */
  description: string;
  fix: Fix;
}

/** A finding as formatters see it: flat, positions resolved (the json format prints these fields). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  service?: string;
  messageId?: string;
  /** The values filled into the message template of messageId (rules made with defineRule). */
  data?: Record<string, string | number>;
  /** The offending value (for stable fingerprints that survive moved lines). */
  value?: string;
  fix?: Fix;
  /** Behaviour-changing edits, applied only when the user names the rule (--fix-rule). */
  suggestions?: Suggestion[];
}

/** What a rule hands to ctx.report. */
export interface Report {
  message: string;
  messageId?: string;
  /** The values filled into the message template of messageId. */
  data?: Record<string, string | number>;
  origin?: Origin;
  service?: string;
  value?: string;
  /**
   * This finding's own severity, for a softer or harsher variant of the rule (e.g. `info` for a port
   * published only on loopback). It applies while the rule runs at its default severity; a severity
   * the user configured for the rule (config file or `--rule id:severity`) applies to every finding
   * of the rule instead, this one included. Omitted: the rule's severity.
   */
  severity?: Severity;
  fix?: Fix;
  /** Behaviour-changing edits (see Suggestion); never applied by a plain --fix. */
  suggestions?: Suggestion[];
}

export interface RuleDocs {
  /** Why the rule exists, in a few sentences of Markdown. */
  why: string;
  /** A compose file that triggers the rule. */
  bad: string;
  /** The same file, corrected. */
  good: string;
  /** Benchmarks and guides the rule follows (shown in its docs, its SARIF help and as SARIF tags). */
  references?: RuleReference[];
}

/**
 * One published source for a rule (rendered by src/report/references.ts). Give at least one of
 * `cis`, `owasp`, `cwe`, `url`:
 * - `cis`: a CIS Docker Benchmark v1.2.0 recommendation, number first ("5.4 Ensure that privileged containers are not used"); SARIF tag `external/cis-docker-benchmark/5.4`;
 * - `owasp`: an OWASP Docker Security Cheat Sheet rule as the sheet heads it ("RULE #4 - Prevent in-container privilege escalation"); tag `external/owasp-docker-security/rule-4`;
 * - `cwe`: a CWE entry, number first ("798 Use of Hard-coded Credentials"); tag `external/cwe/cwe-798` (CodeQL's convention, which GitHub shows);
 * - `url`: any other page (Docker docs), with `title` as its link text; no tag.
 */
export interface RuleReference {
  cis?: string;
  owasp?: string;
  cwe?: string;
  url?: string;
  title?: string;
}

/** Config-file facts shared by several rules (the network rules). */
export interface SharedSettings {
  /** Services declared public frontends, besides those that publish ports. */
  frontends: readonly string[];
  /** Services declared datastores, besides those recognised by image. */
  datastores: readonly string[];
}

export interface RuleContext<O = Record<string, unknown>> {
  project: Project;
  graph: Graph;
  options: O;
  /** Problems the loader found that belong to this rule (e.g. YAML errors for `yaml-syntax`). */
  loadProblems: readonly LoadProblem[];
  /** Settings every rule may read, from the config file (empty lists without one). */
  settings?: SharedSettings;
  report(r: Report): void;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  description: string;
  category: Category;
  /**
   * Default severity of the rule's findings. A user's configured severity replaces it for every
   * finding of the rule (`off` disables the rule); a report's own `severity` applies only while the
   * rule runs at this default. See Report.severity and docs/contributing.md#severity.
   */
  severity: Severity;
  fixable: boolean;
  /** false: off in the `recommended` preset (and so by default); on in `all` and `strict`. */
  recommended?: boolean;
  /**
   * Security rules: GitHub code scanning's `security-severity` (a CVSS-like score, 0.1-10.0) of a
   * finding at the rule's default severity; findings raised or lowered by exposure move from there
   * (see src/report/sarif.ts). Without it, the score follows the default severity.
   */
  securitySeverity?: number;
  /** JSON schema of the rule's options object (used for the config schema). */
  options?: Record<string, unknown>;
  /** Message ids this rule reports; each must be used by check(). */
  messages?: Record<string, string>;
  docs: RuleDocs;
  check(ctx: RuleContext<O>): void;
}
