/** "Did you mean ...?" for mistyped keys: the closest allowed key by edit distance, if any is close. */

/** Edit distance where swapping two neighbours counts as one edit ("prots" -> "ports"). */
export function editDistance(a: string, b: string): number {
  // Three rolling rows of the usual table: the swap rule looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** The candidate closest to `word` (ignoring case), if within about a third of its length. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    // Lengths alone already rule most candidates out.
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Words another tool uses for a choice that exists here under another name: each maps to the choices meant, and why they fit. */
export type Synonyms = Readonly<Record<string, { choices: readonly string[]; why?: string }>>;

/**
 * ` (did you mean "x"?)` for a mistyped choice (`--format sarf`), ` (did you mean "x"? why)` for a
 * known synonym of one (`--format gitlab`), or '' when nothing is close.
 */
export function didYouMean(word: string, choices: readonly string[], synonyms: Synonyms = {}): string {
  const lower = word.toLowerCase();
  const synonym = Object.prototype.hasOwnProperty.call(synonyms, lower) ? synonyms[lower] : undefined;
  const near = synonym?.choices ?? [closestMatch(word, choices)].filter((c): c is string => c !== undefined);
  if (!near.length) return '';
  return ` (did you mean ${near.map((c) => `"${c}"`).join(' or ')}?${synonym?.why ? ` ${synonym.why}` : ''})`;
}
