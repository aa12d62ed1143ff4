// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, type-aware, over
// every source, script and test. Types come from tsconfig.json (the one `npm run typecheck` uses).
const js = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');

module.exports = defineConfig(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (checkJs included) reports undefined names with their types in mind.
      'no-undef': 'off',
      // A lazy `require(...) as typeof import(...)` is how the CLI loads only the command, formatter
      // or compiler it needs (start-up time is a feature); the cast keeps it typed.
      '@typescript-eslint/no-require-imports': 'off',
      // `_name` marks a parameter kept for a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Small helpers are defined once, in src/util: import them instead of writing another copy.
      'no-restricted-syntax': [
        'error',
        ...['isDict', 'setOwn', 'displayPath', 'relativePath'].flatMap((name) => [
          { selector: `VariableDeclarator[id.name='${name}']`, message: `${name} lives in src/util: import it` },
          { selector: `FunctionDeclaration[id.name='${name}']`, message: `${name} lives in src/util: import it` },
        ]),
      ],
    },
  },
  {
    files: ['src/util/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read parsed output (JSON.parse, YAML, XML) as `any` on purpose: a wrong shape fails the
    // assertion that reads it, and typing every SARIF or JUnit document would only restate it.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript: JSDoc casts (`/** @type {T} */ (x)`) type these files for tsc, but the
    // unsafe-any rules see the expression without its cast; tsc's checkJs covers them instead.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
