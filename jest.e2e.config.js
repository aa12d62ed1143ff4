/**
 * `npm run test:e2e`: end-to-end tests that install things or take minutes (the pre-commit hook
 * installed from this checkout). Needs pre-commit on PATH (.ci/setup installs it) and the npm
 * registry; under CI (CI set) a missing tool fails the test instead of skipping it.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = { ...base, roots: ['<rootDir>/test/e2e'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 15 * 60 * 1000 };
