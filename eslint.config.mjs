import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettierRecommended from 'eslint-plugin-prettier/recommended';
import tseslint from 'typescript-eslint';

/**
 * Which bounded context may use which (DESIGN §1): each may import only the contexts listed, through their public
 * `index.ts`, besides the shared libraries (kernel, config, db). The graph has no cycle: identity is used by all and
 * uses none; ledger is the last. README ("Layout and design") and docs/ARCHITECTURE.md say the same in words.
 */
const CONTEXT_DEPENDENCIES = {
  identity: [],
  ip: ['identity', 'media'],
  licensing: ['identity', 'ip', 'media'],
  media: ['identity'],
  catalog: ['identity', 'ip', 'licensing', 'media'],
  search: ['identity', 'catalog'],
  payments: ['identity'],
  orders: ['identity', 'catalog', 'licensing', 'payments'],
  ledger: ['identity', 'payments', 'orders'],
  'sales-reports': ['identity', 'licensing', 'catalog', 'ledger'],
};

const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...Object.entries(CONTEXT_DEPENDENCIES).map(([context, uses]) => ({
    sourceTag: `scope:${context}`,
    onlyDependOnLibsWithTags: ['scope:shared', ...uses.map((used) => `scope:${used}`)],
  })),
  // The composition root and the benchmarks wire every context; the web app talks to the API over HTTP only.
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: [] },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'tmp/',
      '.data/',
      '.nx/',
      'coverage/',
      'test-results/',
      'apps/web/src/gql/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          banTransitiveDependencies: true,
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util', 'type:data', 'type:migrations'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util', 'type:data'],
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:kernel', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            ...scopeConstraints,
          ],
        },
      ],
    },
  },
  {
    // End-to-end tests drive the app the way a client does and may assemble it from the composition root.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  // Formatting is Prettier's (.prettierrc.json, width 120): an unformatted line fails lint like any other rule, and
  // eslint-config-prettier turns off the stylistic rules that would disagree with it.
  prettierRecommended,
);
