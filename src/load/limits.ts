/** Bounds that both YAML readers (the fast path and the yaml package path) enforce alike. */

/**
 * Nodes that aliases may expand to, in total per file, before the file is refused: a multiple of
 * the nodes actually written, so a real file with thousands of `<<: *defaults` passes while a
 * "billion laughs" file (a few dozen nodes expanding to millions) stops early.
 */
export const ALIAS_EXPANSION_FACTOR = 20;
export const MIN_ALIAS_EXPANSION = 100_000;
/** Deepest nesting accepted (guards the converter's recursion). */
export const MAX_DEPTH = 500;
