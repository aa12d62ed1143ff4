/**
 * The JSON schema of `.compose-lint.yaml`. One function builds it from rule metadata, so the file
 * editors use (schemas/config.schema.json, written by scripts/gen-rules.ts from the rule modules)
 * and the validator the loader compiles (from the rules actually in use) cannot disagree.
 */
import { PRESET_NAMES } from './presets';

/** What the schema needs to know about a rule. */
export interface RuleSchemaInput {
  id: string;
  description: string;
  /** JSON schema of the rule's options object. */
  options?: Record<string, unknown>;
}

export const CONFIG_SCHEMA_ID = 'https://github.com/compose-lint/compose-lint/schemas/config.schema.json';
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
/**
 * `on`: the rule runs at its own severities (each finding keeps the one the rule gives it, e.g. a
 * warning on a public service and info elsewhere), which no fixed severity can say. Not a severity
 * the user sets: findings are not forced to one level (RuleSetting.explicit stays unset).
 */
export const ON = 'on';
/** What a config may write where a severity goes: `on` or a severity (`off` included). */
export const RULE_LEVELS = [ON, ...SEVERITIES] as const;
/** Other spellings accepted for a severity, as ESLint accepts them: `warn` is `warning`. */
export const SEVERITY_ALIASES: Readonly<Record<string, (typeof SEVERITIES)[number]>> = { warn: 'warning' };

const serviceList = (what: string): Record<string, unknown> => ({
  type: 'array',
  description: what,
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
});

/** The options object of one rule, plus `exclude` which every rule accepts (the engine consumes it). */
function optionsSchema(rule: RuleSchemaInput): Record<string, unknown> {
  const own = rule.options ?? { type: 'object', properties: {}, additionalProperties: false };
  const properties = (own.properties ?? {}) as Record<string, unknown>;
  return { ...own, type: 'object', properties: { ...properties, exclude: { $ref: '#/definitions/exclude' } } };
}

/** `<id>: severity` or `<id>: [severity, {options}]`. */
function ruleEntrySchema(rule: RuleSchemaInput): Record<string, unknown> {
  return {
    description: rule.description,
    anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }, optionsSchema(rule)], minItems: 1, additionalItems: false }],
  };
}

export function buildConfigSchema(rules: readonly RuleSchemaInput[]): Record<string, unknown> {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'compose-lint configuration (.compose-lint.yaml, .compose-lint.yml, .compose-lint.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The schema this file follows (for editors).' },
      extends: {
        description: 'Built-in preset(s) to start from, applied in order; default: recommended.',
        anyOf: [{ $ref: '#/definitions/preset' }, { type: 'array', items: { $ref: '#/definitions/preset' }, minItems: 1 }],
      },
      rules: {
        type: 'object',
        description:
          'Per-rule severity and options: `<rule>: severity` or `<rule>: [severity, {options}]`. `on` runs the rule at its own severities (a finding may be info, warning or error, e.g. by exposure); a severity written here (`info`, `warning`, `error`) applies to every finding of the rule; `off` turns it off.',
        additionalProperties: false,
        properties: Object.fromEntries(sorted.map((r) => [r.id, ruleEntrySchema(r)])),
      },
      frontends: serviceList('Services to treat as public frontends (network rules), besides those that publish ports.'),
      datastores: serviceList('Services to treat as datastores (network rules), besides those recognised by image.'),
      ignore: {
        type: 'array',
        description: 'Globs of compose files not to lint, relative to the directory of this file (`*`, `**`, `?`, `[abc]`, `{a,b}`).',
        items: { type: 'string', minLength: 1 },
      },
    },
    definitions: {
      severity: {
        type: 'string',
        description: "`on`: at the rule's own severities; `off`; or `info`, `warning` (`warn`), `error` for every finding of the rule.",
        enum: [...RULE_LEVELS, ...Object.keys(SEVERITY_ALIASES)],
      },
      preset: { type: 'string', enum: [...PRESET_NAMES] },
      exclude: {
        type: 'object',
        description: 'Findings of this rule to drop, each with the reason why.',
        additionalProperties: false,
        properties: {
          services: {
            type: 'object',
            description: 'Service name -> reason.',
            additionalProperties: { type: 'string', minLength: 1 },
          },
        },
      },
    },
  };
}
