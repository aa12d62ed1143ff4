/** Project names as compose-go normalizes and validates them. */

/** Lowercase, drop characters outside [a-z0-9_-], then drop leading '_'/'-'. */
export function normalizeProjectName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^-_a-z0-9]+/g, '')
    .replace(/^[-_]+/, '');
}

/** Explicit names (-p, COMPOSE_PROJECT_NAME, `name:`) must already be valid. */
export function isValidProjectName(s: string): boolean {
  return /^[a-z0-9][-_a-z0-9]*$/.test(s);
}
