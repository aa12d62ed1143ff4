/** compose-lint's version, from the package.json above this module (src/ in tests, dist/src/ when built). */
import * as fs from 'fs';
import * as path from 'path';

function findVersion(dir: string): string {
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
    const p = path.join(d, 'package.json');
    if (fs.existsSync(p)) {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'compose-lint' && pkg.version) return pkg.version;
    }
  }
  return '0.0.0';
}

export const VERSION: string = findVersion(__dirname);
