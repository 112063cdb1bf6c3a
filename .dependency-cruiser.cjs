/**
 * The house rules of ARCHITECTURE.md ("Layers and rules"), kept by dependency-cruiser.
 * Run: npm run depcheck (also in .ci/run before the tests, and in src/server/architecture.test.ts).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'routes-no-db',
      severity: 'error',
      comment:
        'Route files are HTTP only: zod schema in, service verb, presenter out. They never import the ' +
        'database layer (src/server/db/, a *.repo.ts, kysely); queries live in the module repo.',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['^src/server/db/', '\\.repo\\.ts$', '(^|/)node_modules/kysely/'] },
    },
    {
      name: 'rules-pure',
      severity: 'error',
      comment: 'rules/ holds pure engines and rulebooks: it imports nothing of the server outside rules/.',
      from: { path: '^src/server/rules/' },
      to: { path: '^src/server/', pathNot: '^src/server/rules/' },
    },
    {
      name: 'shared-not-server',
      severity: 'error',
      comment: 'src/shared/ is used by the server and the SPA: it never imports src/server/ or src/web/.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The SPA never imports server code; shared types and schemas live in src/shared/.',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'db-not-modules',
      severity: 'error',
      comment:
        'The database layer sits below the modules: src/server/db/ never imports a module, not even ' +
        'for types (demo seeds that use module services live in src/server/demo/). Tests beside ' +
        'migrations may build rows with module helpers.',
      from: { path: '^src/server/db/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles (type-only imports are erased at run time and do not count).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: { path: ['^src/', 'node_modules/kysely/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
