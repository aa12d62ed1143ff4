/** One compose file: read -> parse -> interpolate -> cast types -> overlay its YAML documents. */
import { LoadContext } from './context';
import { readSource } from './read';
import { describeFallback, parseYaml } from './parse';
import { interpolateTree } from './interpolate';
import { castTypes } from './typecast';
import { mergeDicts } from './merge';
import type { ComposeDict } from '../model/project';
import { formatPath } from '../schema/path';
import { dropNonStringKeys } from './keys';

/**
 * Load one compose file with the given environment. Returns undefined when the file has YAML errors
 * (they are recorded as `yaml-syntax` problems; the file's other checks are skipped), and `{}` for a
 * file without content (comments only), which ctx.documents then does not list.
 * Throws LoadError when the file cannot be read.
 */
export function loadComposeFile(ctx: LoadContext, abs: string, env: Record<string, string>): ComposeDict | undefined {
  const source = readSource(ctx, abs);
  const parsed = parseYaml(source);
  if (parsed.fallback) ctx.onDebug?.(describeFallback(source, parsed.fallback));
  if (parsed.errors.length) {
    for (const e of parsed.errors) ctx.problems.push({ rule: 'yaml-syntax', severity: 'error', message: e.message, origin: e.origin });
    return undefined;
  }
  // A file with no content adds nothing; the project loader refuses it only when every file is empty.
  if (parsed.documents.length === 0) return {};
  let result: ComposeDict | undefined;
  for (let doc of parsed.documents) {
    dropNonStringKeys(doc, (message, origin) => ctx.problems.push({ rule: 'schema', severity: 'error', message, origin }));
    if (ctx.interpolate) {
      doc = interpolateTree(doc, env, (p) => {
        if (p.kind === 'unset') ctx.unsetPaths.add(formatPath(p.path));
        ctx.problems.push({
          rule: 'interpolation',
          severity: p.kind === 'unset' ? 'warning' : 'error',
          message: p.kind === 'unset' ? `${p.message} (used in ${formatPath(p.path)})` : p.message,
          origin: p.origin,
          value: p.variable,
          service: p.path[0] === 'services' && typeof p.path[1] === 'string' ? p.path[1] : undefined,
        });
      });
      doc = castTypes(doc, (p) => ctx.problems.push({ rule: 'schema', severity: p.severity, message: p.message, origin: p.origin }));
    }
    ctx.documents.push({ source, dict: doc });
    // Merging even the first document into {} normalizes it as compose-go does (!reset, duplicates).
    result = mergeDicts(result ?? {}, doc);
  }
  return result;
}
