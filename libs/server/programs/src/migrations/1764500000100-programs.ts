import { COHORT_STATUSES, MATCHING_MODES, PROGRAM_KINDS } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs and their cohorts. A program's settings are one JSON document (kind, matching mode,
 * the engine's criteria, trial, cadence, duration, capacity, group size); a cohort freezes a copy
 * of it when it leaves draft.
 */
export class Programs1764500000100 implements MigrationInterface {
  name = 'Programs1764500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE programs (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         name text NOT NULL,
         description text NOT NULL DEFAULT '',
         settings jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         CONSTRAINT programs_kind_valid CHECK (settings->>'kind' = ANY (${sqlTextArray(PROGRAM_KINDS)})),
         CONSTRAINT programs_matching_mode_valid
           CHECK (settings->>'matchingMode' = ANY (${sqlTextArray(MATCHING_MODES)}))
       )`,
      `CREATE UNIQUE INDEX programs_name_key ON programs (organization_id, lower(name))`,
      ...enableTenantRls('programs'),
      grantToRuntime('programs', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE cohorts (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         program_id uuid NOT NULL,
         name text NOT NULL,
         status text NOT NULL DEFAULT 'draft',
         enrollment_opens_on date,
         enrollment_closes_on date,
         starts_on date NOT NULL,
         ends_on date NOT NULL,
         settings_snapshot jsonb,
         settings_frozen_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, program_id) REFERENCES programs (organization_id, id),
         CONSTRAINT cohorts_status_valid CHECK (status = ANY (${sqlTextArray(COHORT_STATUSES)})),
         CONSTRAINT cohorts_dates_valid CHECK (starts_on < ends_on
           AND (enrollment_opens_on IS NULL OR enrollment_closes_on IS NULL OR enrollment_opens_on <= enrollment_closes_on)),
         CONSTRAINT cohorts_snapshot_after_draft CHECK ((status = 'draft') = (settings_snapshot IS NULL) OR status = 'closed')
       )`,
      `CREATE UNIQUE INDEX cohorts_name_key ON cohorts (organization_id, program_id, lower(name))`,
      ...enableTenantRls('cohorts'),
      grantToRuntime('cohorts', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cohorts', 'programs']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
