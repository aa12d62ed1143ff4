/**
 * Stable identities for findings (SARIF partialFingerprints, Code Climate fingerprint).
 * They hash what the finding is about, not where it is, so they survive edits that only move
 * lines: rule, file, service and offending value (or message id, never the message text, which
 * may embed line numbers). Findings that share all of these are told apart by occurrence order.
 */
import { createHash } from 'crypto';
import type { Finding } from '../types';
import { relativePath } from '../util/display-path';

export function stableFingerprints(findings: Finding[], cwd: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = JSON.stringify([f.rule, relativePath(cwd, f.file), f.service ?? '', f.value ?? f.messageId ?? '']);
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return createHash('sha256').update(`${identity}#${occurrence}`).digest('hex');
  });
}
