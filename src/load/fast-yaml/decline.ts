/**
 * The fast reader's expected refusal: the text is outside its subset (or doubtful), so the `yaml`
 * package reads it instead. Any other exception thrown while reading is a bug in the fast reader.
 */
export class Decline extends Error {
  /**
   * @param reason what the reader does not handle, in a few words (shown by `--debug`)
   * @param offset where it met it: a UTF-16 offset into the source text
   */
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`outside the fast YAML subset: ${reason}`);
    this.name = 'Decline';
  }
}

/** Throw a Decline: `reason` in a few words, `offset` a UTF-16 offset into the text. */
export function decline(reason: string, offset: number): never {
  throw new Decline(reason, offset);
}
