/**
 * Formatter registry. Each format lives in its own module and is required only when chosen,
 * so start-up never pays for SARIF or XML code it will not use.
 */
import type { Formatter } from './types';
import { didYouMean, type Synonyms } from '../schema/suggest';

export type { FormatContext, Formatter, RuleMeta } from './types';

interface FormatModule {
  format: Formatter;
}

/**
 * Each format's module, required on first use. Literal `require` calls (not a table of paths) so
 * the bundler (scripts/build-bundle.js) sees them and keeps each one lazy inside the bundle.
 */
const FORMAT_MODULES = {
  stylish: () => require('./stylish') as FormatModule,
  compact: () => require('./compact') as FormatModule,
  json: () => require('./json') as FormatModule,
  sarif: () => require('./sarif') as FormatModule,
  github: () => require('./github') as FormatModule,
  codeclimate: () => require('./codeclimate') as FormatModule,
  junit: () => require('./junit') as FormatModule,
  checkstyle: () => require('./checkstyle') as FormatModule,
} as const satisfies Record<string, () => FormatModule>;

export type FormatName = keyof typeof FORMAT_MODULES;
export const DEFAULT_FORMAT: FormatName = 'stylish';
export const FORMAT_NAMES = Object.keys(FORMAT_MODULES) as readonly FormatName[];

/**
 * Names users of other tools type for a format that exists here under another name, with why it
 * fits: GitLab's code quality report is Code Climate JSON (GitLab docs, "Code Quality"); `github`
 * writes GitHub Actions workflow commands (annotations); ESLint's `unix` formatter prints what
 * `compact` does, and its `json-with-metadata` is `json` with rule metadata; an XML report here is
 * JUnit or Checkstyle.
 */
const GITLAB = { choices: ['codeclimate'], why: 'GitLab code quality reads Code Climate JSON' };
const ACTIONS = { choices: ['github'], why: 'it writes GitHub Actions annotations' };
const LINES = { choices: ['compact'], why: 'it prints file:line:col: severity: message' };
const FORMAT_SYNONYMS: Synonyms = {
  gitlab: GITLAB,
  'gitlab-ci': GITLAB,
  'code-quality': GITLAB,
  codequality: GITLAB,
  'github-actions': ACTIONS,
  actions: ACTIONS,
  gha: ACTIONS,
  unix: LINES,
  gcc: LINES,
  text: { choices: ['stylish'] },
  'json-with-metadata': { choices: ['json'] },
  xunit: { choices: ['junit'] },
  'junit-xml': { choices: ['junit'] },
  xml: { choices: ['junit', 'checkstyle'] },
};

export class UnknownFormatError extends Error {
  constructor(readonly format: string) {
    super(`unknown format "${format}"${didYouMean(format, FORMAT_NAMES, FORMAT_SYNONYMS)}; use one of: ${FORMAT_NAMES.join(', ')}`);
    this.name = 'UnknownFormatError';
  }
}

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMAT_MODULES, name);
}

export function loadFormatter(name: string): Formatter {
  if (!isFormatName(name)) throw new UnknownFormatError(name);
  return FORMAT_MODULES[name]().format;
}
