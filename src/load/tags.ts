/**
 * Compose's merge tags, remembered per (container, key) after parsing:
 *   !reset    — drop the inherited value when merging (the key disappears)
 *   !override — replace the inherited value instead of merging into it
 */
export type MergeTag = 'reset' | 'override';

const tags = new WeakMap<object, Map<string | number, MergeTag>>();

export function setMergeTag(container: object, key: string | number, tag: MergeTag): void {
  let m = tags.get(container);
  if (!m) tags.set(container, (m = new Map<string | number, MergeTag>()));
  m.set(key, tag);
}

export function mergeTagOf(container: unknown, key: string | number): MergeTag | undefined {
  return container !== null && typeof container === 'object' ? tags.get(container)?.get(key) : undefined;
}

/** Whether any key of this container carries a merge tag (lets merges skip a per-key lookup). */
export function hasMergeTags(container: object): boolean {
  return (tags.get(container)?.size ?? 0) > 0;
}
