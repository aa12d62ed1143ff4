/** Checkstyle XML (version 4.3), read by Jenkins warnings-ng, reviewdog, Sonar and others. */
import type { Finding } from '../types';
import type { FormatContext } from './types';
import { groupByFile } from './group';
import { XML_DECLARATION, xmlAttr } from './xml';

function errorElement(f: Finding): string {
  return `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" ` + `message="${xmlAttr(f.message)}" source="compose-lint.${xmlAttr(f.rule)}"/>\n`;
}

export function format(findings: Finding[], ctx: FormatContext): string {
  const files = groupByFile(findings, ctx.cwd, ctx.files)
    .map(({ path, findings: list }) => (list.length ? `  <file name="${xmlAttr(path)}">\n${list.map(errorElement).join('')}  </file>\n` : `  <file name="${xmlAttr(path)}"/>\n`))
    .join('');
  return `${XML_DECLARATION}\n<checkstyle version="4.3">\n${files}</checkstyle>\n`;
}
