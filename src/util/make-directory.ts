/** Creating the folders above a file the run writes (`--output-file`, the `--cache` file). */
import * as fs from 'fs';
import * as path from 'path';

/**
 * `mkdir -p dir`: each missing folder from the top down. Throws the error of the first folder that
 * cannot be made (ENOENT, ENOTDIR, EACCES, EEXIST for a file in the way...), as mkdirSync does.
 * Node 20's own `mkdirSync(dir, { recursive: true })` never returns when the kernel answers
 * ENOENT for a folder whose parent exists (under /proc, for one): it tries the parent again, forever.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let p = path.resolve(dir); !fs.existsSync(p); p = path.dirname(p)) {
    missing.push(p);
    if (path.dirname(p) === p) break;
  }
  for (const p of missing.reverse()) fs.mkdirSync(p);
}
