/** After the whole run: remove the folder global-setup.js made for this run's temporary files. */
const fs = require('fs');
const path = require('path');

module.exports = () => {
  const dir = process.env.TMPDIR;
  // Only the folder global-setup made (never a TMPDIR the user set).
  if (dir && path.basename(dir).startsWith('compose-lint-jest-')) fs.rmSync(dir, { recursive: true, force: true });
};
