import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/*.generated.ts', '**/bench/**/*.js'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // The architecture, enforced: apps compose, server libs serve the API and the worker,
      // the admin only sees shared pure libraries. No '*' -> '*' escape hatch.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:server', 'scope:shared'],
            },
            {
              sourceTag: 'scope:worker',
              onlyDependOnLibsWithTags: ['scope:worker', 'scope:server', 'scope:shared'],
            },
            { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'] },
            // End-to-end tests drive the whole system: the server's test harness and the apps' contracts.
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:testing', 'type:feature', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:feature', 'type:data-access', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
            },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Configuration is read once, in the platform's config schema.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through AppConfig (libs/server/platform/src/config).',
        },
      ],
    },
  },
  {
    files: [
      'libs/server/platform/src/config/**/*.ts',
      'scripts/**/*.ts',
      '**/*.spec.ts',
      'apps/*-e2e/**/*.ts',
      'libs/server/testing/**/*.ts',
      '**/bench/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Request parameters are read strictly: Number() takes `0x10` for 16 and `1e300` for a number.
    files: ['libs/server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Decorator CallExpression[callee.name='Type'] > ArrowFunctionExpression > Identifier[name='Number']",
          message:
            'Use @IntegerParam({ min, max }) (libs/server/platform/src/http/integer-param.ts) for numeric parameters.',
        },
      ],
    },
  },
  {
    // The matching engine is pure: no framework may leak into it.
    files: ['libs/shared/matching-engine/src/**/*.ts', 'libs/shared/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', '@angular/*', 'bullmq', 'ioredis', 'pg'] },
      ],
    },
  },
];
