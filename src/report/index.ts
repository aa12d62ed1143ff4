/**
 * Formatter registry. Each format lives in its own module and is required only when chosen,
 * so start-up never pays for SARIF or XML code it will not use.
 */
import type { Formatter } from './types';

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

export class UnknownFormatError extends Error {
  constructor(readonly format: string) {
    super(`unknown format "${format}"; use one of: ${FORMAT_NAMES.join(', ')}`);
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
