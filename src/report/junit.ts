/**
 * JUnit XML for CI test reports: one testsuite per linted file, one failing testcase per finding,
 * and a single passing testcase for a clean file so it still shows up as checked.
 */
import type { Finding } from '../types';
import type { FormatContext } from './types';
import { groupByFile } from './group';
import { ruleDocsUrl } from './rule-url';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml';

/** Name of the passing testcase reported for a file without findings. */
export const CLEAN_TESTCASE = 'compose-lint';

function failureCase(f: Finding, path: string): string {
  const at = `${f.line}:${f.column}`;
  const body = `${f.severity}: ${f.message}\nat ${path}:${at}\n${ruleDocsUrl(f.rule)}`;
  return (
    `    <testcase name="${xmlAttr(`${f.rule} ${at}`)}" classname="${xmlAttr(path)}">\n` +
    `      <failure message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(body)}</failure>\n` +
    '    </testcase>\n'
  );
}

export function format(findings: Finding[], ctx: FormatContext): string {
  const groups = groupByFile(findings, ctx.cwd, ctx.files);
  let suites = '';
  let tests = 0;
  for (const { path, findings: list } of groups) {
    const cases = list.length ? list.map((f) => failureCase(f, path)).join('') : `    <testcase name="${CLEAN_TESTCASE}" classname="${xmlAttr(path)}"/>\n`;
    const count = Math.max(list.length, 1);
    tests += count;
    suites += `  <testsuite name="${xmlAttr(path)}" tests="${count}" failures="${list.length}" errors="0">\n` + `${cases}  </testsuite>\n`;
  }
  return `${XML_DECLARATION}\n` + `<testsuites name="compose-lint" tests="${tests}" failures="${findings.length}" errors="0">\n` + `${suites}</testsuites>\n`;
}
