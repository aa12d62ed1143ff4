/**
 * How a rule's references (RuleDocs.references) are written, in one place for every output: a
 * Markdown line for its docs page and SARIF help, a plain line for SARIF help text, and tags for
 * SARIF `properties.tags` in CodeQL's `external/<source>/<id>` convention.
 *
 * Sources: section numbers are those of the CIS Docker Benchmark v1.2.0 (cisecurity.org); OWASP
 * rules and their headings those of the OWASP Docker Security Cheat Sheet, whose page anchors are
 * the headings slugified as MkDocs does (lower case, punctuation dropped, spaces and hyphens
 * collapsed into one `-`); CWE entries are MITRE's.
 */
import type { RuleReference } from '../types';

export const CIS_BENCHMARK = 'CIS Docker Benchmark v1.2.0';
export const CIS_BENCHMARK_URL = 'https://www.cisecurity.org/benchmark/docker';
export const OWASP_CHEAT_SHEET = 'OWASP Docker Security Cheat Sheet';
export const OWASP_CHEAT_SHEET_URL = 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html';

/** "5.4 Ensure ..." -> ["5.4", "Ensure ..."] */
const CIS_SECTION = /^(\d+(?:\.\d+)*)\s+(\S.*)$/;
/** "RULE #5a - Be careful ..." -> ["5a", "Be careful ..."] */
const OWASP_RULE = /^RULE #(\w+) - (\S.*)$/;
/** "798 Use of Hard-coded Credentials" -> ["798", "Use of ..."] */
const CWE_ENTRY = /^(\d+)\s+(\S.*)$/;

/** One cited item: what it is ("CIS Docker Benchmark v1.2.0, 5.4"), its own title, where to read it. */
export interface ReferenceItem {
  label: string;
  title?: string;
  url: string;
  /** SARIF tag, when the source has a numbering GitHub and CodeQL know. */
  tag?: string;
}

/** The items one reference names (one per field: a reference may give a CIS section and an OWASP rule). Malformed fields are skipped (gen-rules reports them). */
export function referenceItems(r: RuleReference): ReferenceItem[] {
  const out: ReferenceItem[] = [];
  const cis = r.cis !== undefined ? CIS_SECTION.exec(r.cis) : null;
  if (cis) out.push({ label: `${CIS_BENCHMARK}, ${cis[1]}`, title: cis[2], url: CIS_BENCHMARK_URL, tag: `external/cis-docker-benchmark/${cis[1]}` });
  const owasp = r.owasp !== undefined ? OWASP_RULE.exec(r.owasp) : null;
  if (owasp) {
    out.push({
      label: `${OWASP_CHEAT_SHEET}, RULE #${owasp[1]}`,
      title: owasp[2],
      url: `${OWASP_CHEAT_SHEET_URL}#${slug(r.owasp!)}`,
      tag: `external/owasp-docker-security/rule-${owasp[1].toLowerCase()}`,
    });
  }
  const cwe = r.cwe !== undefined ? CWE_ENTRY.exec(r.cwe) : null;
  if (cwe) out.push({ label: `CWE-${cwe[1]}`, title: cwe[2], url: `https://cwe.mitre.org/data/definitions/${cwe[1]}.html`, tag: `external/cwe/cwe-${cwe[1]}` });
  if (r.url) out.push({ label: r.title ?? r.url, url: r.url });
  return out;
}

/** Why a reference would render as nothing or wrongly (for gen-rules), or undefined when it is fine. */
export function referenceProblem(r: RuleReference): string | undefined {
  if (r.cis === undefined && r.owasp === undefined && r.cwe === undefined && r.url === undefined) return 'names no cis, owasp, cwe or url';
  if (r.cis !== undefined && !CIS_SECTION.test(r.cis)) return 'cis must be a section number and its title ("5.4 Ensure that privileged containers are not used")';
  if (r.owasp !== undefined && !OWASP_RULE.test(r.owasp)) return 'owasp must be the rule\'s heading ("RULE #4 - Prevent in-container privilege escalation")';
  if (r.cwe !== undefined && !CWE_ENTRY.test(r.cwe)) return 'cwe must be the entry number and its name ("798 Use of Hard-coded Credentials")';
  if (r.url !== undefined && !/^https?:\/\//.test(r.url)) return 'url must start with http:// or https://';
  if (r.title !== undefined && r.url === undefined) return 'title is the link text of a url: give the url';
  return undefined;
}

/** Markdown lines, one per item: "[CIS Docker Benchmark v1.2.0, 5.4](https://...): Ensure ...". */
export function referenceMarkdown(refs: readonly RuleReference[] | undefined): string[] {
  return (refs ?? []).flatMap(referenceItems).map((i) => `[${i.label}](${i.url})${i.title ? `: ${i.title}` : ''}`);
}

/** Plain lines, one per item: "CIS Docker Benchmark v1.2.0, 5.4: Ensure ... (https://...)". */
export function referenceText(refs: readonly RuleReference[] | undefined): string[] {
  return (refs ?? []).flatMap(referenceItems).map((i) => (i.title ? `${i.label}: ${i.title} (${i.url})` : `${i.label} (${i.url})`));
}

/** SARIF tags, without repeats: `external/cis-docker-benchmark/5.4`, `external/owasp-docker-security/rule-3`, `external/cwe/cwe-250`. */
export function referenceTags(refs: readonly RuleReference[] | undefined): string[] {
  return [...new Set((refs ?? []).flatMap(referenceItems).flatMap((i) => (i.tag ? [i.tag] : [])))];
}

/** A heading's anchor as MkDocs makes it: "RULE #5a - Be careful ... like UFW" -> "rule-5a-be-careful-...-like-ufw". */
function slug(heading: string): string {
  return heading
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}
