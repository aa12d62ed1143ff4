/**
 * `require('./ts-require')` lets a script load the TypeScript sources directly (no build needed):
 * each .ts file is transpiled on require, without type checking (`npm run typecheck` does that).
 */
'use strict';
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (/** @type {NodeJS.Module} */ module, /** @type {string} */ filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  /** @type {NodeJS.Module & { _compile(code: string, file: string): void }} */ (module)._compile(outputText, filename);
};
