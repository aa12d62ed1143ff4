#!/usr/bin/env -S node --
'use strict';
// `node --` (in the shebang): Node 20 otherwise reads our own `--env-file` flag as its own option.
require('../dist/src/cli/main.js').main(process.argv);
