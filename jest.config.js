// Tests read YAML strictly: a crash of the fast YAML reader throws instead of falling back to the
// yaml package (src/load/parse.ts), so a bug there fails a test. Workers inherit the environment.
process.env.COMPOSE_LINT_FAST_YAML ??= 'strict';

/**
 * `npm test`: the unit and CLI tests, the inner loop (under a minute on two cores). Slow end-to-end
 * tests live in test/e2e/ and run with `npm run test:e2e` (jest.e2e.config.js), which CI also runs.
 * ts-jest only transpiles (isolatedModules in tsconfig.json); type errors are caught by
 * `npm run typecheck`, which global-setup runs before any test.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // src/schema/validator.ts requires the build's standalone validator by a path relative to dist/src;
  // from src/ that file does not exist and every test file would compile the schema with ajv
  // (1.5 s of CPU each). Point it at the one the build wrote (global-setup keeps dist/ fresh);
  // test/schema-validator.test.ts still covers the compiled path.
  moduleNameMapper: { '^\\.\\./\\.\\./schema/compose-spec\\.validate\\.js$': '<rootDir>/dist/schema/compose-spec.validate.js' },
  testTimeout: 60000,
  // Jest's default (cores - 1) runs one worker on a two-core machine; the parent process is idle while
  // workers run, so use every core.
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
};
