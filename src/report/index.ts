/**
 * Formatter registry. Each format lives in its own module and is required only when chosen,
 * so start-up never pays for SARIF or XML code it will not use.
 */
import type { Formatter } from './types';

export type { FormatContext, Formatter, RuleMeta } from './types';

const FORMAT_MODULES = {
  stylish: './stylish',
  compact: './compact',
  json: './json',
  sarif: './sarif',
  github: './github',
  codeclimate: './codeclimate',
  junit: './junit',
  checkstyle: './checkstyle',
} as const;

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
  // Lazy: only the chosen formatter loads.
  const mod = require(FORMAT_MODULES[name]) as { format: Formatter };
  return mod.format;
}
