/** compose-lint's version (the library's: src/util/version.ts reads it from package.json). */
export { VERSION } from '../util/version';
