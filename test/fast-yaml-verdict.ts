/**
 * Comparing the fast YAML path with the yaml package path, and the mutated inputs to compare them
 * on (shared by the unit and property tests and by `npm run test:corpus`, which loads this file
 * through scripts/ts-require.js).
 */
import { fastRead } from '../src/load/fast-yaml';
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

/**
 * 'declined' when the fast path declines, 'same' when it agrees with the slow path, else the
 * differences. Throws what the fast path threw when it crashed (a bug, never a verdict).
 */
export function verdict(src: SourceFile): string {
  const r = fastRead(src);
  if (r.outcome === 'crashed') throw r.error;
  if (r.outcome === 'declined') return 'declined';
  const fast = r.documents;
  const slow = parseWithYamlPackage(src);
  if (slow.errors.length) return `accepted a file the yaml package rejects: ${slow.errors.map((e) => e.message).join('; ')}`;
  if (fast.length !== slow.documents.length) return `${fast.length} vs ${slow.documents.length} documents`;
  const diffs: string[] = [];
  fast.forEach((d, i) => treeDifferences(d, slow.documents[i], `$${i}`, diffs));
  diffs.push(...sharedContainers(fast));
  return diffs.length ? diffs.join('\n') : 'same';
}

// ---- inputs ----

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failing case is reproducible from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['"', "'", '\t', ':', ': ', '#', ' #', ' # c', '&', '&a ', '*', '*a', '!', '!reset ', '|', '>', '-', '- ', '[', '{', ',', ' ', '\n', '? ', '~', '\\', '---\n', '\r'];

/** `count` variants of a file, each one small edit away: lines deleted, duplicated, re-indented, characters inserted, comments added. */
export function mutations(text: string, count: number, seed: number): { name: string; text: string }[] {
  const lines = text.split('\n');
  const rnd = random(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const ops: [string, (ls: string[], i: number) => void][] = [
    ['delete', (ls, i) => ls.splice(i, 1)],
    ['duplicate', (ls, i) => ls.splice(i, 0, ls[i])],
    ['indent', (ls, i) => (ls[i] = '  ' + ls[i])],
    ['indent by one', (ls, i) => (ls[i] = ' ' + ls[i])],
    ['dedent', (ls, i) => (ls[i] = ls[i].replace(/^ {1,2}/, ''))],
    ['comment line', (ls, i) => ls.splice(i, 0, ' '.repeat(pick(9)) + '# note')],
    ['blank line', (ls, i) => ls.splice(i, 0, ' '.repeat(pick(5)))],
    ['trailing comment', (ls, i) => (ls[i] += ' # note')],
    ['truncate', (ls, i) => ls.splice(i + 1)],
    [
      'insert',
      (ls, i) => {
        const col = pick(ls[i].length + 1);
        ls[i] = ls[i].slice(0, col) + INSERTS[pick(INSERTS.length)] + ls[i].slice(col);
      },
    ],
  ];
  const out: { name: string; text: string }[] = [];
  while (out.length < count) {
    const [name, f] = ops[pick(ops.length)];
    const ls = lines.slice();
    const i = pick(ls.length);
    f(ls, i);
    out.push({ name: `${name} at line ${i + 1}`, text: ls.join('\n') });
  }
  return out;
}
