#!/usr/bin/env node
/**
 * The GitHub Action's input splitter (action.yml): splits `files` / `args` into words the way a
 * shell would, without evaluating anything: blanks and newlines separate words, "..." and '...'
 * group (a path with spaces or an apostrophe stays whole), a backslash outside single quotes
 * escapes the next character. Writes each word followed by a NUL byte, for `mapfile -d ''`.
 * An unclosed quote is an error (exit 2), rather than a guess.
 */
'use strict';

/** @param {string} input @returns {string[]} */
function words(input) {
  /** @type {string[]} */
  const out = [];
  /** @type {string | null} */
  let word = null;
  /** @type {string | null} */
  let quote = null;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && (input[i + 1] === '"' || input[i + 1] === '\\')) word += input[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word = word ?? '';
    } else if (c === '\\' && i + 1 < input.length) word = (word ?? '') + input[++i];
    else if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${input}`);
  if (word !== null) out.push(word);
  return out;
}

if (require.main === module) {
  try {
    process.stdout.write(
      words(process.argv[2] ?? '')
        .map((w) => `${w}\0`)
        .join(''),
    );
  } catch (e) {
    process.stderr.write(`compose-lint action: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
module.exports = { words };
