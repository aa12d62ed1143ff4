// CLI tests run the built binary: rebuild dist/ first when any source is newer than it.
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'src', 'cli', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|json|js)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

module.exports = async () => {
  const sources = Math.max(...['src', 'rules', 'schemas', 'scripts'].map((d) => newestMtime(path.join(root, d))));
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
    try {
      execSync('npm run build', { cwd: root, stdio: 'inherit' });
    } catch {
      // tsc still emits on type errors; CI's `npm ci` (prepare) is where a failing build stops things.
      console.warn('global-setup: `npm run build` reported errors; CLI tests use what was emitted');
    }
  }
};
