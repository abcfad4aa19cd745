// @ts-check
const { compilerOptions } = require('./tsconfig.base.json');

/** tsconfig paths → Jest module names, so tests import libraries exactly as the app does. */
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  // Global, not per project: Jest ignores testTimeout inside `projects`.
  testTimeout: 60_000,
  // Suites run one after another in one worker (2 cores), and each leaves some memory behind (its Nest app's modules,
  // its own module registry): after 70 suites the process held 2.9 GB, and the CSV memory test's forced collections
  // every 2 s then took the whole CPU (the export ran for over 5 minutes instead of 6 s). A worker past this much
  // memory between two suites is replaced by a fresh one. Setting it also makes Jest use a worker rather than run
  // in its own process.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
      setupFiles: ['reflect-metadata'],
      slowTestThreshold: 20,
    },
  ],
};
