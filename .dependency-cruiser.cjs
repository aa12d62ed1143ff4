/**
 * Layer rules for `npm run lint:deps` (dependency-cruiser, part of `npm run lint`). Type-only
 * imports count: a cycle through types still ties two layers together.
 *
 * Layers, bottom up: src/util (helpers, imports nothing of ours) -> src/model -> src/load,
 * src/schema -> src/graph -> src/types.ts, src/define-rule.ts (the rule API) -> rules/, src/engine
 * -> src/report -> src/api.ts -> src/cli. The engine is handed the rule catalog by src/api.ts.
 */
/** A forbidden import: modules matching `from` may not import modules matching `to`. @param {string} name @param {string} comment @param {string} from @param {string} to */
const layer = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    { name: 'no-cycle', comment: 'Modules form a DAG, type-only imports included.', severity: 'error', from: {}, to: { circular: true } },
    layer('util-is-the-bottom', 'src/util holds small helpers and imports nothing of the project.', '^src/util/', '^(src/(?!util/)|rules/)'),
    layer(
      'model-imports-no-stage',
      'The model is data: it does not import the loader, the graph or anything above them.',
      '^src/model/',
      '^(src/(load|schema|graph|engine|report|cli)/|src/(types|define-rule|api)\\.ts|rules/)',
    ),
    layer(
      'load-imports-no-later-stage',
      'Loading comes before the graph, the engine, reports and the CLI.',
      '^src/(load|schema)/',
      '^(src/(graph|engine|report|cli)/|src/(define-rule|api)\\.ts|rules/)',
    ),
    layer('graph-imports-no-later-stage', 'The graph comes before the engine, reports and the CLI.', '^src/graph/', '^(src/(engine|report|cli)/|src/(define-rule|api)\\.ts|rules/)'),
    layer('only-the-api-imports-rules', 'The catalog of rules is handed to the engine by src/api.ts; nothing else in src/ imports rules/.', '^src/(?!api\\.ts)', '^rules/'),
    layer('rules-use-the-rule-api', 'Rules read the model and the graph through the rule API; they do not reach into the CLI, the API or the reports.', '^rules/', '^src/(cli/|report/|api\\.ts)'),
    layer('library-does-not-import-the-cli', 'The CLI sits on top of src/api.ts.', '^src/(?!cli/)', '^src/cli/'),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
