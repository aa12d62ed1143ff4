/**
 * The rule-authoring kit: `defineRule<Options, MessageId>()` turns a rule definition with typed
 * options and message templates into the plain `Rule` the engine runs.
 *
 * - Options: declared once as a JSON schema (`options`, an object schema); each property's
 *   `default` is applied before `check` runs, so `ctx.options` is the full typed object and rules
 *   need no casts or `?? fallback` of their own. The same schema goes into the config schema.
 * - Messages: ESLint's `messageId` + `data`. `messages` maps each id to a template whose
 *   `{{name}}` placeholders are filled from `data`; a rule reports `{ messageId, data }` and the
 *   finding carries the rendered message plus both, so tests can assert the id and the data
 *   instead of whole sentences. A placeholder without data is an error (a bug in the rule).
 *
 * See docs/contributing.md for a worked example.
 */
import type { Report, Rule, RuleContext, RuleDocs, Category, Severity } from './types';

/** Values a message template may interpolate: `{{name}}` is replaced by `String(data[name])`. */
export type MessageData = Record<string, string | number>;

/** What a rule made with defineRule hands to `ctx.report`: a message id with its data instead of a sentence. */
export interface TypedReport<M extends string> extends Omit<Report, 'message' | 'messageId' | 'data'> {
  messageId: M;
  data?: MessageData;
}

/** The context `check` receives: options with defaults applied, and a report that takes message ids. */
export interface TypedRuleContext<O, M extends string> extends Omit<RuleContext<O>, 'report'> {
  report(r: TypedReport<M>): void;
}

/** A rule as written in rules/<id>.ts (see Rule for the meaning of each field). */
export interface RuleDefinition<O, M extends string> {
  id: string;
  description: string;
  category: Category;
  /**
   * The default severity of the rule's findings. A report may give its own (`ctx.report({ severity })`)
   * for a variant of the rule; that applies while the rule runs at this default. A severity the user
   * configures (config file, `--rule id:severity`) applies to every finding of the rule.
   */
  severity: Severity;
  fixable: boolean;
  /** false: off in the `recommended` preset; on in `strict` and `all`. */
  recommended?: boolean;
  /** Security rules: SARIF `security-severity` at the default severity (see Rule.securitySeverity). */
  securitySeverity?: number;
  /** JSON schema of the options object; each property's `default` is applied before check runs. */
  options?: OptionsSchema;
  /** Message templates by id; `{{name}}` placeholders are filled from a report's data. */
  messages: Record<M, string>;
  docs: RuleDocs;
  check: (ctx: TypedRuleContext<O, M>) => void;
}

/** An object schema whose properties may carry defaults. */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown> & { default?: unknown }>;
  additionalProperties?: boolean;
  [k: string]: unknown;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

/**
 * Fill a template's `{{name}}` placeholders from data.
 * @throws Error naming the rule, message id and placeholder when data lacks a value (a rule bug).
 */
export function renderMessage(ruleId: string, messageId: string, template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) {
      throw new Error(`rule ${ruleId}: message "${messageId}" needs data.${name}`);
    }
    return String(data[name]);
  });
}

/** The defaults declared in an options schema, as an object (properties without a default are left out). */
export function optionDefaults(schema: OptionsSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
    if (prop.default !== undefined) out[key] = structuredClone(prop.default);
  }
  return out;
}

/**
 * Build a Rule from a definition with typed options (O) and message ids (M).
 * The returned rule's `check` applies option defaults and renders messages; everything else is
 * passed through unchanged, so the engine, the catalog generator and formatters see a plain Rule.
 */
export function defineRule<O extends object = Record<string, never>, M extends string = string>(def: RuleDefinition<O, M>): Rule {
  const { check, ...meta } = def;
  const messages = def.messages as Record<string, string>;
  return {
    ...meta,
    messages,
    options: def.options ?? { type: 'object', properties: {}, additionalProperties: false },
    check(ctx: RuleContext) {
      const options = { ...optionDefaults(def.options), ...ctx.options } as O;
      check({
        ...ctx,
        options,
        report: ({ messageId, data, ...rest }) => {
          const template = messages[messageId];
          if (template === undefined) throw new Error(`rule ${def.id}: unknown message id "${messageId}"`);
          ctx.report({ ...rest, messageId, data, message: renderMessage(def.id, messageId, template, data) });
        },
      });
    },
  };
}
