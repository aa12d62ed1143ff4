/**
 * One finding per written entry when several services get that entry: through `extends` or a YAML
 * anchor, services share the base's `networks:` item or `ports:` entry, and its origin. A user
 * fixes that line once, so the line gets one finding naming every service that has it.
 */
import type { TypedReport } from '../src/define-rule';
import { quotedList } from './_ports';

/** `; so do services "b" and "c", which get this entry through `extends` or a YAML anchor`, or ''. */
export function alsoServices(others: readonly string[]): string {
  if (!others.length) return '';
  const list = quotedList(others.slice(0, 4), others.length);
  return `; so ${others.length === 1 ? 'does service' : 'do services'} ${list}, which ${others.length === 1 ? 'gets' : 'get'} this entry through \`extends\` or a YAML anchor`;
}

/**
 * Collects a rule's reports and merges those at the same place with the same message id and the
 * same data apart from `service`: the first service's report is kept, and its data get `also`
 * (see alsoServices; '' when no other service shares it). Reports without an origin stay apart.
 * `flush` sends them, in the order first seen.
 */
export function sharedEntryReports<M extends string>(send: (r: TypedReport<M>) => void): { report(r: TypedReport<M>): void; flush(): void } {
  const byKey = new Map<unknown, { report: TypedReport<M>; others: string[] }>();
  return {
    report(r) {
      const { service: _service, ...rest } = r.data ?? {};
      const key = r.origin ? `${r.origin.source.path}\0${r.origin.start}\0${r.origin.end}\0${r.messageId}\0${JSON.stringify(rest)}` : r;
      const seen = byKey.get(key);
      if (seen && r.service !== undefined && r.service !== seen.report.service) seen.others.push(r.service);
      else if (!seen) byKey.set(key, { report: r, others: [] });
    },
    flush() {
      for (const { report, others } of byKey.values()) send({ ...report, data: { ...report.data, also: alsoServices(others) } });
      byKey.clear();
    },
  };
}
