import type { Rule, TextEdit } from '../src/types';
import { keyOriginOf, originOf } from '../src/model/origin';
import type { SourceFile } from '../src/model/source';

/** Remove the whole `version: ...` line (with its newline) when key and value sit on one line. */
function removeLine(src: SourceFile, start: number, end: number): TextEdit | undefined {
  const t = src.text;
  const lineStart = t.lastIndexOf('\n', start - 1) + 1;
  if (t.slice(lineStart, start).trim() !== '') return undefined; // not a block mapping key at line start
  const nl = t.indexOf('\n', end);
  const lineEnd = nl === -1 ? t.length : nl + 1;
  const rest = t.slice(end, nl === -1 ? t.length : nl).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined; // something else on the line
  return { start: lineStart, end: lineEnd, text: '' };
}

const rule: Rule = {
  id: 'obsolete-version',
  description: 'The top-level `version` key is obsolete and ignored by Docker Compose v2.',
  category: 'style',
  severity: 'warning',
  fixable: true,
  docs: {
    why: 'Docker Compose v2 ignores the top-level `version` key and warns that it is obsolete. It suggests a file format that no longer exists and misleads readers about which features are available. Remove it.',
    bad: 'version: "3.8"\nservices:\n  web:\n    image: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check(ctx) {
    for (const { source, dict } of ctx.project.documents) {
      if (!Object.prototype.hasOwnProperty.call(dict, 'version')) continue;
      const key = keyOriginOf(dict, 'version');
      const val = originOf(dict, 'version');
      const edit = key && val ? removeLine(source, key.start, val.end) : undefined;
      ctx.report({
        message: '`version` is obsolete: Docker Compose v2 ignores it; remove it',
        origin: key,
        value: String(dict.version),
        fix: edit ? { file: source.path, edits: [edit] } : undefined,
      });
    }
  },
};
export default rule;
