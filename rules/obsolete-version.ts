import type { TextEdit } from '../src/types';
import { defineRule } from '../src/define-rule';
import { keyOriginOf, originOf, Origin } from '../src/model/origin';
import { isBlank, lineStartAt, nextLineStartAt } from '../src/engine/line-edits';

/**
 * Remove the `version: ...` line with its trailing comment, the comment line just above when it
 * talks about the version (it belongs to the key), and one blank line after it when the removal
 * would otherwise leave a blank line at the top of the file or two in a row. Nothing else is touched.
 */
function removeVersion(key: Origin, value: Origin): TextEdit | undefined {
  const t = key.source.text;
  let start = lineStartAt(t, key.start);
  if (start !== key.start) return undefined; // only a top-level key at column 0 (not one merged in from elsewhere)
  let end = nextLineStartAt(t, value.end);
  const rest = t.slice(value.end, end).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined; // something else on the line
  if (start > 0) {
    const above = lineStartAt(t, start - 1);
    if (/^#.*\bversion\b/i.test(t.slice(above, start).trim())) start = above;
  }
  const blankBefore = start === 0 || isBlank(t, lineStartAt(t, start - 1), start);
  const after = nextLineStartAt(t, end);
  if (blankBefore && end < t.length && isBlank(t, end, after)) end = after;
  return { start, end, text: '' };
}

export default defineRule<Record<string, never>, 'obsolete'>({
  id: 'obsolete-version',
  description: 'The top-level `version` key is obsolete and ignored by Docker Compose v2.',
  category: 'style',
  severity: 'warning',
  fixable: true,
  messages: {
    obsolete: '`version` is obsolete: Docker Compose v2 ignores it; remove it',
  },
  docs: {
    why: 'Docker Compose v2 ignores the top-level `version` key and warns that it is obsolete. It suggests a file format that no longer exists and misleads readers about which features are available. Remove it. The fix removes the `version` line with its trailing comment, and the comment line just above it when that comment mentions the version; nothing else in the file changes.',
    bad: 'version: "3.8"\nservices:\n  web:\n    image: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check(ctx) {
    // The index of each document within its file: the fix names the value it removes by it.
    const documentsSeen = new Map<string, number>();
    for (const { source, dict } of ctx.project.documents) {
      const index = documentsSeen.get(source.path) ?? 0;
      documentsSeen.set(source.path, index + 1);
      if (!Object.prototype.hasOwnProperty.call(dict, 'version')) continue;
      const key = keyOriginOf(dict, 'version');
      const val = originOf(dict, 'version');
      const edit = key && val && key.source === source ? removeVersion(key, val) : undefined;
      ctx.report({
        messageId: 'obsolete',
        origin: key,
        value: typeof dict.version === 'string' || typeof dict.version === 'number' ? String(dict.version) : JSON.stringify(dict.version),
        fix: edit ? { file: source.path, edits: [edit], changes: [[index, 'version']] } : undefined,
      });
    }
  },
});
