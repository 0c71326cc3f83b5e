// Import boundaries, checked in CI by `npm run check:boundaries` (docs/architecture.md explains the layers).
// Paths are relative to the repository root; `@/…` imports resolve through tsconfig.json.

/** Test, bench and e2e code, wherever it sits: these may import test helpers. */
const testCode =
  '^(test|bench|scripts|e2e)/|\\.(test|spec)\\.tsx?$|^lib/(governance/test-fixtures|log/testing|notify/testing|transparency/testing)\\.ts$|^(vitest|playwright)\\.config\\.m?ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'governance-is-pure',
      comment:
        'lib/governance holds the pure rules: no database, no framework, no other lib/ module, no file system or network. Time is a parameter. Load data in lib/use-cases and pass it in.',
      severity: 'error',
      from: { path: '^lib/governance/' },
      to: {
        path: [
          '^(db|app|components|scripts|bench)/',
          '^lib/(?!governance/)',
          '^node_modules/(next|next-auth|@auth|drizzle-orm|postgres|@electric-sql|nodemailer)/',
          '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster)$',
        ],
      },
    },
    {
      name: 'pages-read-through-db-read',
      comment:
        'Pages, layouts and components read data only through db/read (read models that get the database themselves). They never import the client, the schema, the queries or drizzle-orm.',
      severity: 'error',
      from: { path: ['^app/(page|layout)\\.tsx$', '^app/.*/(page|layout)\\.tsx$', '^components/'] },
      to: { path: ['^db/client\\.ts$', '^db/schema/', '^db/queries/', '^node_modules/drizzle-orm/'] },
    },
    {
      name: 'db-not-app',
      comment: 'The data layer never depends on pages, actions or components.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'lib-not-app',
      comment: 'lib/ never depends on app/ (routes, pages and actions sit on top of lib/).',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^app/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: they hide the direction of a dependency and break module initialization order.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-app',
      comment:
        'Only tests, bench, scripts and e2e may import test, bench or script code (CLIs, CI tools, and the helpers they share in scripts/support); the app never does.',
      severity: 'error',
      from: { pathNot: testCode },
      to: { path: ['^test/', '^bench/', '^scripts/', '^lib/(governance/test-fixtures|log/testing|notify/testing|transparency/testing)\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|\\.data|coverage|playwright-report|test-results)/' },
    includeOnly: { path: ['^(app|components|lib|db|scripts|test|bench|e2e)/', '^node_modules/', '^[^/]+\\.(ts|mts|cjs|mjs)$', '^(node:)?[a-z_/]+$'] },
    // `import type` counts: a page that imports a schema type is one refactor away from a query.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
