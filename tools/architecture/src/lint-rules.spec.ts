import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

interface Sample {
  /** What the rule keeps out. */
  rule: string;
  /** Where the sample pretends to live (the file does not exist: boundaries go by folder). */
  file: string;
  violation: string;
  /** The same intent, done the allowed way: the rule must stay quiet about it. */
  allowed: string;
  ruleId: string;
  message: RegExp;
}

const SAMPLES: Sample[] = [
  {
    rule: 'a context imports another only along DESIGN.md’s dependencies',
    file: 'libs/server/identity/src/sample.service.ts',
    violation: `import { AuditService } from '@mentorship/audit';\nexport const m = AuditService;`,
    allowed: `import { AppConfig } from '@mentorship/platform';\nexport const m = AppConfig;`,
    ruleId: '@nx/enforce-module-boundaries',
    message:
      /tagged with "context:identity" can only depend on libs tagged with "context:notifications", "type:platform", "scope:shared"/,
  },
  {
    rule: 'a context imports another through its index.ts only, never by path',
    file: 'libs/server/organizations/src/sample.service.ts',
    violation: `import { UserEntity } from '../../identity/src/entities/user.entity';\nexport const e = UserEntity;`,
    allowed: `import { UserEntity } from '@mentorship/identity';\nexport const e = UserEntity;`,
    ruleId: '@nx/enforce-module-boundaries',
    message: /Projects cannot be imported by a relative or absolute path/,
  },
  {
    rule: 'no library imports the composition root',
    file: 'libs/server/organizations/src/sample.service.ts',
    violation: `import { CONTEXTS } from '@mentorship/bootstrap';\nexport const c = CONTEXTS;`,
    allowed: `import { identityContext } from '@mentorship/identity';\nexport const c = identityContext;`,
    ruleId: '@nx/enforce-module-boundaries',
    // Bootstrap imports every context, so Nx names the cycle before the tags.
    message: /Circular dependency between "server-organizations" and "server-bootstrap"|can only depend on/,
  },
  {
    rule: 'end-to-end tests reach the composition through the test harness',
    file: 'apps/api-e2e/src/sample.e2e.spec.ts',
    violation: `import { WorkerModule } from '@mentorship/bootstrap';\nexport const w = WorkerModule;`,
    allowed: `import { createTestWorker } from '@mentorship/testing';\nexport const w = createTestWorker;`,
    ruleId: '@nx/enforce-module-boundaries',
    message: /tagged with "type:e2e" can only depend on libs tagged with/,
  },
  {
    rule: 'the platform knows no context',
    file: 'libs/server/platform/src/sample.ts',
    violation: `import { UserEntity } from '@mentorship/identity';\nexport const e = UserEntity;`,
    allowed: `import { ORGANIZATION_ROLES } from '@mentorship/contracts';\nexport const r = ORGANIZATION_ROLES;`,
    ruleId: '@nx/enforce-module-boundaries',
    // Every context imports the platform, so Nx names the cycle before the tags.
    message:
      /Circular dependency between "server-platform" and "server-identity"|tagged with "type:platform" can only/,
  },
  {
    rule: 'pure libraries import no framework',
    file: 'libs/shared/matching-engine/src/sample.ts',
    violation: `import { Injectable } from '@nestjs/common';\nexport const i = Injectable;`,
    allowed: `import { randomInt } from 'node:crypto';\nexport const r = randomInt;`,
    ruleId: '@nx/enforce-module-boundaries',
    message: /tagged with "scope:shared" is not allowed to import "@nestjs\/common"/,
  },
  {
    rule: 'services throw their context’s exception, not an HTTP one',
    file: 'libs/server/organizations/src/sample.service.ts',
    violation: `import { NotFoundException } from '@nestjs/common';\nexport const fail = () => { throw new NotFoundException(); };`,
    allowed: `import { OrganizationsException } from './organizations.exception';\nexport const fail = () => { throw OrganizationsException.memberNotFound(); };`,
    ruleId: 'no-restricted-imports',
    message: /'NotFoundException' import from '@nestjs\/common' is restricted/,
  },
  {
    rule: 'services hold no DataSource',
    file: 'libs/server/organizations/src/sample.service.ts',
    violation: `import { DataSource } from 'typeorm';\nexport class S { constructor(readonly db: DataSource) {} }`,
    allowed: `import { MembershipRepository } from './repositories/membership.repository';\nexport class S { constructor(readonly memberships: MembershipRepository) {} }`,
    ruleId: 'no-restricted-imports',
    message: /'DataSource' import from 'typeorm' is restricted/,
  },
  {
    rule: 'controllers hold no EntityManager',
    file: 'libs/server/organizations/src/sample.controller.ts',
    violation: `import type { EntityManager } from 'typeorm';\nexport type M = EntityManager;`,
    allowed: `import type { MembersService } from './members.service';\nexport type M = MembersService;`,
    ruleId: 'no-restricted-imports',
    message: /'EntityManager' import from 'typeorm' is restricted/,
  },
  {
    rule: 'services inject no TypeORM repository',
    file: 'libs/server/identity/src/sample.service.ts',
    violation: `import { InjectRepository } from '@nestjs/typeorm';\nexport const i = InjectRepository;`,
    allowed: `import { Injectable } from '@nestjs/common';\nexport const i = Injectable;`,
    ruleId: 'no-restricted-imports',
    message: /'InjectRepository' import from '@nestjs\/typeorm' is restricted/,
  },
  {
    rule: 'services do not reach for the tenant’s EntityManager',
    file: 'libs/server/audit/src/sample.service.ts',
    violation: `import { TenantContext } from '@mentorship/platform';\nexport const m = () => TenantContext.manager();`,
    allowed: `import { TenantContext } from '@mentorship/platform';\nexport const m = () => TenantContext.caller();`,
    ruleId: 'no-restricted-syntax',
    message: /TenantContext.manager\(\) is for repositories/,
  },
  {
    rule: 'repositories narrow tenant queries with andWhere only',
    file: 'libs/server/organizations/src/repositories/sample.repository.ts',
    violation: `export const q = (b: { where(c: string): unknown }) => b.where('x = 1');`,
    allowed: `export const q = (b: { andWhere(c: string): unknown }) => b.andWhere('x = 1');`,
    ruleId: 'no-restricted-syntax',
    message: /Narrow repository queries with andWhere/,
  },
  {
    rule: 'configuration is read only through AppConfig',
    file: 'libs/server/notifications/src/sample.service.ts',
    violation: `export const url = process.env['SMTP_URL'];`,
    allowed: `import { AppConfig } from '@mentorship/platform';\nexport const url = (config: AppConfig) => config.smtpUrl;`,
    ruleId: 'no-restricted-properties',
    message: /Read configuration through AppConfig/,
  },
];

interface Problem {
  ruleId: string | null;
  message: string;
}

/** The problems ESLint finds in each sample, linted as if it were that file. */
function lint(samples: { file: string; code: string }[]): Problem[][] {
  const run = spawnSync(process.execPath, [join(__dirname, 'lint-text.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(samples),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`lint-text.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Problem[][];
}

/** Each rule of the house, caught in the act on a sample, and quiet on its allowed twin. */
describe('lint rules', () => {
  let caught: Problem[][];
  let quiet: Problem[][];

  beforeAll(() => {
    const results = lint(
      SAMPLES.flatMap((s) => [
        { file: s.file, code: s.violation },
        { file: s.file, code: s.allowed },
      ]),
    );
    caught = results.filter((_, i) => i % 2 === 0);
    quiet = results.filter((_, i) => i % 2 === 1);
  });

  it.each(SAMPLES.map((sample, index) => ({ ...sample, index })))('$rule', ({ index, ruleId, message }) => {
    expect(caught[index]).toContainEqual({ ruleId, message: expect.stringMatching(message) });
    expect(quiet[index]!.filter((problem) => problem.ruleId === ruleId)).toEqual([]);
  });
});
