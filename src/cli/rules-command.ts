/** `compose-lint rules` and `compose-lint explain <id>`: the catalog, offline. */
import { ruleCatalog } from '../api';
import type { RuleMeta } from '../report/types';
import { writeOut } from './exit';
import { didYouMean } from '../schema/suggest';
import { UsageError } from './exit';

/** The severity a rule has when no config changes it. */
const defaultSeverity = (m: RuleMeta): string => (m.recommended === false ? 'off' : m.severity);

export function runRulesList(): void {
  const metas = ruleCatalog();
  const w = Math.max(...metas.map((m) => m.id.length));
  const lines = metas.map((m) => `${m.id.padEnd(w)}  ${m.category.padEnd(11)}  ${defaultSeverity(m).padEnd(7)}  ${m.fixable ? 'fixable' : '       '}  ${m.description}`);
  writeOut(`${'rule'.padEnd(w)}  ${'category'.padEnd(11)}  ${'severity'.padEnd(7)}  fix      description\n${lines.join('\n')}\n`);
}

export function runExplain(id: string): void {
  const m = ruleCatalog().find((r) => r.id === id);
  if (!m) {
    throw new UsageError(
      `unknown rule "${id}"${didYouMean(
        id,
        ruleCatalog().map((r) => r.id),
      )}; \`compose-lint rules\` lists them`,
    );
  }
  const d = m.docs;
  const indent = (s: string): string =>
    s
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  writeOut(`${m.id} (${m.category}, ${defaultSeverity(m)}${m.fixable ? ', fixable' : ''})\n\n${m.description}\n` + (d ? `\n${d.why}\n\nBad:\n${indent(d.bad)}\n\nGood:\n${indent(d.good)}\n` : ''));
}
