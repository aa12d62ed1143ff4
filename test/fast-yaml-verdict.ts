/** Comparing the fast YAML path with the yaml package path (shared by the unit and property tests). */
import { fastParse } from '../src/load/fast-yaml';
import { parseWithYamlPackage } from '../src/load/parse';
import type { SourceFile } from '../src/model/source';
import { Origin, keyOriginOf, originOf, selfOrigin } from '../src/model/origin';
import { mergeTagOf } from '../src/load/tags';

// ---- comparing the two paths ----

const span = (o: Origin | undefined): string => (o ? `${o.start}-${o.end}` : 'none');

function sameOrigin(a: Origin | undefined, b: Origin | undefined): boolean {
  if (!a || !b) return a === b;
  return a.source === b.source && a.start === b.start && a.end === b.end;
}

/**
 * Every difference between two trees: values and JS types, key order, prototypes, self origins,
 * slot and key origins (and whether a container's slot origin is its own or was set explicitly, as
 * for aliases: copyOrigin carries only explicit ones), merge tags.
 */
export function treeDifferences(fast: unknown, slow: unknown, at = '$', out: string[] = []): string[] {
  if (out.length > 20) return out;
  const fastIsObj = fast !== null && typeof fast === 'object';
  const slowIsObj = slow !== null && typeof slow === 'object';
  if (!fastIsObj || !slowIsObj) {
    if (fastIsObj !== slowIsObj || !Object.is(fast, slow)) out.push(`${at}: value ${JSON.stringify(fast)} vs ${JSON.stringify(slow)}`);
    return out;
  }
  if (Array.isArray(fast) !== Array.isArray(slow)) return [...out, `${at}: array vs mapping`];
  if (Object.getPrototypeOf(fast) !== Object.getPrototypeOf(slow)) out.push(`${at}: prototype differs`);
  if (!sameOrigin(selfOrigin(fast), selfOrigin(slow))) out.push(`${at}: self origin ${span(selfOrigin(fast))} vs ${span(selfOrigin(slow))}`);
  const fk = Object.keys(fast);
  const sk = Object.keys(slow);
  if (fk.join('\u0000') !== sk.join('\u0000')) return [...out, `${at}: keys ${JSON.stringify(fk)} vs ${JSON.stringify(sk)}`];
  for (const k of fk) {
    const key: string | number = Array.isArray(fast) ? Number(k) : k;
    const here = `${at}.${k}`;
    const fv = (fast as Record<string, unknown>)[k];
    const sv = (slow as Record<string, unknown>)[k];
    const fo = originOf(fast, key);
    const so = originOf(slow, key);
    if (!sameOrigin(fo, so)) out.push(`${here}: origin ${span(fo)} vs ${span(so)}`);
    if (fv !== null && typeof fv === 'object' && sv !== null && typeof sv === 'object') {
      if ((fo !== selfOrigin(fv)) !== (so !== selfOrigin(sv))) out.push(`${here}: explicit slot origin differs`);
    }
    if (!sameOrigin(keyOriginOf(fast, key), keyOriginOf(slow, key))) {
      out.push(`${here}: key origin ${span(keyOriginOf(fast, key))} vs ${span(keyOriginOf(slow, key))}`);
    }
    if (mergeTagOf(fast, key) !== mergeTagOf(slow, key)) out.push(`${here}: merge tag ${mergeTagOf(fast, key)} vs ${mergeTagOf(slow, key)}`);
    treeDifferences(fv, sv, here, out);
  }
  return out;
}

/** Containers reachable twice: the slow path builds every value afresh, alias expansions included. */
export function sharedContainers(tree: unknown, seen = new Set<object>(), at = '$', out: string[] = []): string[] {
  if (tree === null || typeof tree !== 'object') return out;
  if (seen.has(tree)) return [...out, `${at}: container reachable twice`];
  seen.add(tree);
  for (const [k, v] of Object.entries(tree)) sharedContainers(v, seen, `${at}.${k}`, out);
  return out;
}

/** 'declined' when the fast path returns undefined, 'same' when it agrees with the slow path, else the differences. */
export function verdict(src: SourceFile): string {
  const fast = fastParse(src, true);
  if (fast === undefined) return 'declined';
  const slow = parseWithYamlPackage(src);
  if (slow.errors.length) return `accepted a file the yaml package rejects: ${slow.errors.map((e) => e.message).join('; ')}`;
  if (fast.length !== slow.documents.length) return `${fast.length} vs ${slow.documents.length} documents`;
  const diffs: string[] = [];
  fast.forEach((d, i) => treeDifferences(d, slow.documents[i], `$${i}`, diffs));
  diffs.push(...sharedContainers(fast));
  return diffs.length ? diffs.join('\n') : 'same';
}
