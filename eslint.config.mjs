import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nx from '@nx/eslint-plugin';

const require = createRequire(import.meta.url);

/**
 * Which bounded context may import which, along DESIGN.md: organizations builds on identity,
 * writes audit rows and sends notifications; the others stand alone. A new context adds its
 * line there (the architecture tests refuse a context without one).
 */
const CONTEXT_DEPENDENCIES = JSON.parse(
  readFileSync(new URL('./tools/architecture/context-dependencies.json', import.meta.url), 'utf8'),
);
const contextConstraints = Object.entries(CONTEXT_DEPENDENCIES).map(([context, uses]) => ({
  sourceTag: `context:${context}`,
  onlyDependOnLibsWithTags: [...uses.map((use) => `context:${use}`), 'type:platform', 'scope:shared'],
}));

/** Pure libraries (the matching engine, the contracts) run in the browser, the API and benchmarks alike. */
const FRAMEWORKS = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'bullmq',
  'ioredis',
  'pg',
  'express',
  'rxjs',
  'class-validator',
  'class-transformer',
  'nestjs-pino',
  'passport*',
];
const nestCommon = require('@nestjs/common');

/** Every HTTP exception Nest exports: services throw their context's DomainException instead. */
const HTTP_EXCEPTIONS = Object.keys(nestCommon).filter(
  (name) =>
    nestCommon[name] === nestCommon.HttpException ||
    nestCommon[name]?.prototype instanceof nestCommon.HttpException,
);

/** Tables are reached through repositories: no database handle in services, controllers, jobs, interceptors. */
const DATABASE_HANDLES = [
  {
    name: 'typeorm',
    importNames: ['DataSource', 'EntityManager', 'Repository', 'QueryRunner'],
    message: 'Reach tables through a repository of the context (a TenantRepository for tenant tables).',
  },
  {
    name: '@nestjs/typeorm',
    importNames: ['InjectRepository', 'InjectDataSource', 'InjectEntityManager'],
    message: 'Reach tables through a repository of the context (a TenantRepository for tenant tables).',
  },
];
/** Request parameters are read strictly: Number() takes `0x10` for 16 and `1e300` for a number. */
const STRICT_NUMBERS = {
  selector:
    "Decorator CallExpression[callee.name='Type'] > ArrowFunctionExpression > Identifier[name='Number']",
  message:
    'Use @IntegerParam({ min, max }) (libs/server/platform/src/http/integer-param.ts) for numeric parameters.',
};
const TENANT_MANAGER = {
  selector: "MemberExpression[object.name='TenantContext'][property.name='manager']",
  message: 'TenantContext.manager() is for repositories: call a named repository method.',
};
const APPLICATION_LAYER = ['controller', 'job', 'interceptor', 'guard'].map(
  (role) => `libs/server/*/src/**/*.${role}.ts`,
);

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
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: FRAMEWORKS,
            },
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
            // Contexts import each other only along CONTEXT_DEPENDENCIES, and never the composition.
            ...contextConstraints,
            // Only entry points compose: the apps, and the test harness that starts them.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:bootstrap',
                'type:feature',
                'type:platform',
                'type:data-access',
                'type:ui',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:feature',
                'type:platform',
                'type:data-access',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:bootstrap',
                'type:feature',
                'type:platform',
                'type:data-access',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:bootstrap',
              onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:platform',
                'type:ui',
                'type:util',
              ],
            },
            // The platform knows no context.
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:util'] },
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
    // Flat config replaces a rule's options per block: the later blocks repeat STRICT_NUMBERS.
    files: ['libs/server/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', STRICT_NUMBERS] },
  },
  {
    files: ['libs/server/*/src/**/*.service.ts'],
    ignores: ['libs/server/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...DATABASE_HANDLES,
            {
              name: '@nestjs/common',
              importNames: HTTP_EXCEPTIONS,
              message: "Services throw their context's DomainException; the error filter picks the status.",
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', TENANT_MANAGER, STRICT_NUMBERS],
    },
  },
  {
    files: APPLICATION_LAYER,
    ignores: ['libs/server/platform/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: DATABASE_HANDLES }],
      'no-restricted-syntax': ['error', TENANT_MANAGER, STRICT_NUMBERS],
    },
  },
  {
    // A tenant repository's query() already says WHERE organization_id = ...: `where` would
    // replace that and `orWhere` would escape it.
    files: ['libs/server/*/src/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        STRICT_NUMBERS,
        {
          selector: 'CallExpression[callee.property.name=/^(where|orWhere)$/]',
          message:
            'Narrow repository queries with andWhere (where replaces the tenant condition, orWhere escapes it); for OR, andWhere(new Brackets(...)).',
        },
      ],
    },
  },
];
