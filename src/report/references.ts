/**
 * How a rule's references (RuleDocs.references) are written: a Markdown line for its docs page and
 * short tags for SARIF `properties.tags`. Section numbers are those of the CIS Docker Benchmark
 * v1.2.0; OWASP rules are those of the OWASP Docker Security Cheat Sheet.
 */
import type { RuleReference } from '../types';

export const CIS_BENCHMARK = 'CIS Docker Benchmark v1.2.0';
export const OWASP_CHEAT_SHEET_URL = 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html';

/** One Markdown line per reference field: "CIS Docker Benchmark v1.2.0, 5.25 Ensure ...". */
export function referenceLines(r: RuleReference): string[] {
  const out: string[] = [];
  if (r.cis) out.push(`${CIS_BENCHMARK}, ${r.cis}`);
  if (r.owasp) out.push(`[OWASP Docker Security Cheat Sheet](${OWASP_CHEAT_SHEET_URL}), ${r.owasp}`);
  if (r.url) out.push(`[${r.title ?? r.url}](${r.url})`);
  return out;
}

/** Tags for SARIF: `CIS-Docker-5.25` from "5.25 Ensure ...", `OWASP-Docker-RULE-4` from "RULE #4 - ...". */
export function referenceTags(refs: readonly RuleReference[] | undefined): string[] {
  const tags: string[] = [];
  for (const r of refs ?? []) {
    const cis = r.cis && /^\d+(\.\d+)*/.exec(r.cis);
    if (cis) tags.push(`CIS-Docker-${cis[0]}`);
    const owasp = r.owasp && /RULE #(\d+)/i.exec(r.owasp);
    if (owasp) tags.push(`OWASP-Docker-RULE-${owasp[1]}`);
  }
  return tags;
}
