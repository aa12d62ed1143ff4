/** Where each rule's documentation lives; the only place that knows the URL layout. */
export const RULE_DOCS_BASE_URL = 'https://github.com/compose-lint/compose-lint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
