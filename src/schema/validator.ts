/**
 * Getting the compose-spec validator. Normally it is the standalone module the build wrote
 * (dist/schema/compose-spec.validate.js): loading it costs a few milliseconds and does not load ajv's
 * compiler. Without a build (e.g. tests run from the TypeScript sources) the schema is compiled
 * with ajv at run time instead, once per process.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SchemaValidator } from './compile';

export type { SchemaValidator };

export type ValidatorKind = 'standalone' | 'compiled';

/** Where the build writes the standalone validator, seen from this file's place in dist/src/schema. */
export const STANDALONE_VALIDATOR = path.join(__dirname, '..', '..', 'schema', 'compose-spec.validate.js');

export interface LoadedValidator {
  validate: SchemaValidator;
  kind: ValidatorKind;
}

let current: LoadedValidator | undefined;

/** The validator for this process (loaded or compiled on first use). */
export function getValidator(): SchemaValidator {
  return (current ??= loadBuiltValidator()).validate;
}

/** Which of the two paths this process took (for diagnostics and benchmarks). */
export function validatorKind(): ValidatorKind {
  return (current ??= loadBuiltValidator()).kind;
}

/**
 * The build's standalone validator, required by a literal path (the same file as
 * STANDALONE_VALIDATOR) so that the bundler takes it into the CLI bundle and its V8 code cache
 * (scripts/build-bundle.js, src/cli/boot.ts); compiled now when the build made none.
 */
function loadBuiltValidator(): LoadedValidator {
  let mod: (SchemaValidator & { default?: SchemaValidator }) | undefined;
  try {
    mod = require('../../schema/compose-spec.validate.js') as SchemaValidator & { default?: SchemaValidator };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((e as Error).message).includes('compose-spec.validate.js')) throw e;
  }
  return mod ? { validate: mod.default ?? mod, kind: 'standalone' } : { validate: compileValidator(), kind: 'compiled' };
}

/** The standalone module if the build made one, else a validator compiled now. Not cached. */
export function loadValidator(standaloneFile: string = STANDALONE_VALIDATOR): LoadedValidator {
  const standalone = loadStandaloneValidator(standaloneFile);
  return standalone ? { validate: standalone, kind: 'standalone' } : { validate: compileValidator(), kind: 'compiled' };
}

/** Load a standalone validator module, or undefined when the file does not exist. */
export function loadStandaloneValidator(file: string): SchemaValidator | undefined {
  if (!fs.existsSync(file)) return undefined;
  const mod = require(file) as SchemaValidator & { default?: SchemaValidator };
  return mod.default ?? mod;
}

/** Compile the schema with ajv now. Required lazily so the normal path never loads ajv's compiler. */
export function compileValidator(): SchemaValidator {
  const { compileSchema } = require('./compile') as typeof import('./compile');
  return compileSchema(readComposeSchema());
}

/** The compose-spec schema as data (from the package's schemas/ folder). */
export function readComposeSchema(): object {
  return JSON.parse(fs.readFileSync(composeSchemaFile(), 'utf8')) as object;
}

/** schemas/compose-spec.json sits at the package root: two levels up from src/schema, three from dist/src/schema. */
export function composeSchemaFile(): string {
  for (let dir = __dirname; ;) {
    const candidate = path.join(dir, 'schemas', 'compose-spec.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`schemas/compose-spec.json not found above ${__dirname}`);
    dir = parent;
  }
}
