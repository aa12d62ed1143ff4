#!/usr/bin/env -S node --
'use strict';
// `node --` (in the shebang): Node 20 otherwise reads our own `--env-file` flag as its own option.
// boot: the one-file bundle with a V8 code cache when the build made one (start-up), else dist/ as is.
require('../dist/src/cli/boot.js').boot(process.argv);
