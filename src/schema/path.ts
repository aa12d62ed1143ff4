/** Paths into the model: from ajv's JSON pointers, and written the way users read them. */
export type PathStep = string | number;

/** "/services/web/ports/0" -> ['services', 'web', 'ports', 0] (array indexes become numbers). */
export function pointerToPath(pointer: string, root: unknown): PathStep[] {
  if (pointer === '') return [];
  const path: PathStep[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: PathStep = Array.isArray(node) ? Number(step) : step;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<PathStep, unknown>)[key] : undefined;
  }
  return path;
}

export function valueAtPath(root: unknown, path: readonly PathStep[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathStep, unknown>)[key];
  }
  return node;
}

const PLAIN_NAME = /^[A-Za-z0-9_-]+$/;

/** ['services', 'web', 'ports', 0] -> services.web.ports[0]; odd keys are quoted: labels["com.example.role"]. */
export function formatPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (PLAIN_NAME.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
