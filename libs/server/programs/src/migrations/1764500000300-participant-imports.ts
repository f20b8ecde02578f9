import { IMPORT_STATUSES } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports of participants: the file is validated into rows first (each valid, or rejected
 * with its reasons, by line), then imported as a whole or not at all.
 */
export class ParticipantImports1764500000300 implements MigrationInterface {
  name = 'ParticipantImports1764500000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE participant_imports (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         status text NOT NULL,
         delimiter text NOT NULL,
         ignored_columns text[] NOT NULL DEFAULT '{}',
         total_rows integer NOT NULL,
         valid_rows integer NOT NULL,
         rejected_rows integer NOT NULL,
         processed_rows integer NOT NULL DEFAULT 0,
         enrolled integer NOT NULL DEFAULT 0,
         invited integer NOT NULL DEFAULT 0,
         failure text,
         created_by uuid NOT NULL,
         committed_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         committed_at timestamptz,
         finished_at timestamptz,
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
         CONSTRAINT participant_imports_status_valid CHECK (status = ANY (${sqlTextArray(IMPORT_STATUSES)}))
       )`,
      `CREATE INDEX participant_imports_cohort_idx ON participant_imports (organization_id, cohort_id, created_at)`,
      ...enableTenantRls('participant_imports'),
      grantToRuntime('participant_imports', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE participant_import_rows (
         organization_id uuid NOT NULL,
         import_id uuid NOT NULL,
         line integer NOT NULL,
         valid boolean NOT NULL,
         email text,
         name text,
         role text,
         reasons text[] NOT NULL DEFAULT '{}',
         participant jsonb,
         PRIMARY KEY (organization_id, import_id, line),
         FOREIGN KEY (organization_id, import_id) REFERENCES participant_imports (organization_id, id) ON DELETE CASCADE
       )`,
      `CREATE INDEX participant_import_rows_valid_idx ON participant_import_rows (organization_id, import_id, valid, line)`,
      ...enableTenantRls('participant_import_rows'),
      grantToRuntime('participant_import_rows', ['SELECT', 'INSERT', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['participant_import_rows', 'participant_imports'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
