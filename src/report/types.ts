/** What a formatter receives besides the findings, and the formatter signature itself. */
import type { Finding, Rule } from '../types';
import type { SuppressedFinding } from '../engine/suppress';

/** Rule metadata as the catalog describes it (formatters never import rule files). */
export type RuleMeta = Pick<Rule, 'id' | 'description' | 'category' | 'severity' | 'fixable' | 'recommended'> & Partial<Pick<Rule, 'docs' | 'securitySeverity'>>;

export interface FormatContext {
  /** Directory that paths in the output are made relative to. */
  cwd: string;
  /** compose-lint's own version (SARIF tool.driver.version). */
  version: string;
  rules: RuleMeta[];
  /** Whether ANSI colours may be used (the CLI decides from TTY and NO_COLOR/FORCE_COLOR). */
  color: boolean;
  /** Terminal width in columns when output goes to a terminal (stylish wraps to it); undefined when piped. */
  width?: number;
  /**
   * Findings a suppression comment or the config's `exclude` dropped, with the reason: `sarif`
   * keeps them as results with `suppressions`, so code scanning shows them as dismissed.
   */
  suppressed?: SuppressedFinding[];
  /** `json` adds each finding's fix (`--fix-dry-run --format json`). */
  fixes?: boolean;
  /** files linted, including clean ones (junit/checkstyle list them) */
  files: string[];
  /**
   * Display paths of linted files whose YAML does not parse (LintResult.unparsed): no rule could
   * check them. `sarif` lists them as tool execution notifications.
   */
  unparsed?: string[];
  /**
   * The exit code the process ends with (0 clean, 1 findings or too many warnings for
   * `--max-warnings`); `sarif` records it in `invocations`. Without it, 1 when an error is shown, else 0.
   */
  exitCode?: number;
}

/** Findings arrive sorted by file, line, column; the result is written to stdout as is. */
export type Formatter = (findings: Finding[], ctx: FormatContext) => string;
