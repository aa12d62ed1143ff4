/**
 * Image references the schema accepts but Docker refuses: the schema types `image` as any string,
 * and compose-go loads it as written; `docker compose pull`/`up` then fails on an empty tag or
 * digest (`nginx:`, `nginx@`) with "invalid reference format". A value left that way by a variable
 * that is unset is the interpolation rule's finding (it names the variable), not reported here.
 */
import { writtenWithUnknownVariable } from '../load/template';
import { emptyReferencePart, imageForMessage } from '../model/image';
import { originOf } from '../model/origin';
import { formatPath } from './path';
import type { SchemaProblem } from './validate';

/**
 * Each service whose `image` ends in an empty tag or digest, at its value. `env`: the project's
 * variables; `unsetPaths`: paths of values that used an unset variable (LoadContext.unsetPaths),
 * to tell a value an unset variable emptied (its origin's text names the variable, or the value
 * came through a YAML alias from one that does).
 */
export function validateImageReferences(model: Record<string, unknown>, env: Record<string, string>, unsetPaths: ReadonlySet<string>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const services = model.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return problems;
  for (const [name, svc] of Object.entries(services as Record<string, unknown>)) {
    if (!svc || typeof svc !== 'object') continue;
    const image = (svc as Record<string, unknown>).image;
    if (typeof image !== 'string') continue;
    const empty = emptyReferencePart(image);
    if (!empty) continue; // the common case: nothing more to look up (10,000 services, issue 13)
    const origin = originOf(svc, 'image');
    const path = ['services', name, 'image'];
    if (writtenWithUnknownVariable(origin, env) || unsetPaths.has(formatPath(path))) continue;
    const fix = empty === 'tag' ? `write a tag, or drop the ':' for ${imageForMessage(image)}:latest` : "write the digest (sha256:...), or drop the '@'";
    const mark = empty === 'tag' ? ':' : '@';
    problems.push({
      message: `${formatPath(path)}: ${JSON.stringify(image)} is not a valid image reference: its ${empty} after '${mark}' is empty, so \`docker compose up\` fails ("invalid reference format"); ${fix}`,
      origin,
      path,
    });
  }
  return problems;
}
