/**
 * Compiling the compose-spec schema with ajv: used by the build (scripts/compile-schema.js writes the
 * standalone module) and, only when that module is missing, by validator.ts at run time. Both paths
 * run the very same generated code, so they report the same errors.
 */
import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import type { ErrorObject, Options } from 'ajv';

/** A compiled compose-spec validator: true when valid; `errors` holds ajv's errors after a failed call. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const AJV_OPTIONS: Options = {
  // Every violation, not just the first.
  allErrors: true,
  // The compose schema uses keywords and unions that strict mode complains about.
  strict: false,
  // Errors carry their parent schema: the message builder reads allowed keys and oneOf branches there.
  verbose: true,
  // We write our own messages; ajv's would only make the generated module bigger.
  messages: false,
  // One function per $defs entry instead of copies at every use: a smaller module that loads faster.
  inlineRefs: false,
  code: { source: true },
};

/** Source text of a CommonJS module exporting the validator; it needs only ajv's small runtime helpers. */
export function standaloneModule(schema: object): string {
  const ajv = new Ajv2020(AJV_OPTIONS);
  const validate = ajv.compile(withoutAnnotations(schema) as object);
  return appendErrorsInPlace(standaloneCode(ajv, validate as Parameters<typeof standaloneCode>[1]));
}

/**
 * The schema without its annotations (`description`, `title`, `$comment` text): they validate
 * nothing, and the module embeds the schema objects for `verbose` errors, so every run would build
 * the 375 descriptions of the compose schema (about a quarter of the module's text) at start-up
 * (issue 13). A property named `description` (an object) stays.
 */
export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'description' || key === 'title' || key === '$comment') && typeof value === 'string') continue;
    out[key] = withoutAnnotations(value);
  }
  return out;
}

/** A ready validator, compiled now (hundreds of milliseconds: the fallback, not the normal path). */
export function compileSchema(schema: object): SchemaValidator {
  const mod: { exports: { default?: SchemaValidator } } = { exports: {} };
  // The module's only require()s are ajv's runtime helpers, which resolve from here as well.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs ajv's generated module, the code the build writes to dist/schema
  const factory = new Function('require', 'module', 'exports', standaloneModule(schema)) as (req: NodeJS.Require, m: typeof mod, e: object) => void;
  factory(require, mod, mod.exports);
  return mod.exports.default ?? (mod.exports as SchemaValidator);
}

/**
 * ajv gathers the errors of each sub-validator with `vErrors = vErrors.concat(sub.errors)`, which
 * copies the whole list every time: quadratic, seconds for a file with 10 000 broken services.
 * Append in place instead. The sub-validator's list was made during that call and is not used
 * again, so reusing it is safe. If ajv ever writes this differently, nothing is replaced.
 */
export function appendErrorsInPlace(code: string): string {
  return code.replace(
    /vErrors = vErrors === null \? ([\w$.]+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    (_, fn: string) => `if (vErrors === null) {vErrors = ${fn}.errors;} else if (vErrors !== ${fn}.errors) {for (const subError of ${fn}.errors) vErrors.push(subError);}`,
  );
}
