import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a cohort's mentor index is built from (see `CohortPeopleRepository.mentorIndexVersion`). */
export const MENTOR_INDEX_SOURCES = [
  'profiles',
  'profile_skills',
  'skills',
  'cohort_participants',
  'cohorts',
  'programs',
];

/**
 * Suggestions without a per-request stamp query nor a cohort-wide lock:
 *
 * - every statement that changes a table the mentor index is built from notifies channel
 *   `mentor_index` with its tenant (the transaction's `app.organization_id`; empty when a
 *   superuser's script wrote without one: then every organization's indexes are suspect). Postgres
 *   sends it at commit; each API replica's listener drops what it verified of that organization.
 * - the suggestion ledger counts a mentor's mentees in numbered slots: mentor M has slots
 *   0 .. free places x flood factor - 1, and a mentee shown M holds one of them. A unique key per
 *   (cohort, mentor, slot) makes taking a slot one atomic upsert (taken when free or run out), so
 *   two mentees' lists never wait on a cohort lock, only on the same slot of the same mentor. The
 *   ledger only holds lists shown in the last 72 hours: it is made anew, and every mentee's next
 *   list fills it again.
 */
export class SuggestionSlots1764700300500 implements MigrationInterface {
  name = 'SuggestionSlots1764700300500';

  async up(queryRunner: QueryRunner): Promise<void> {
    const member = (column: string) =>
      `FOREIGN KEY (organization_id, ${column}) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE`;
    const statements = [
      `CREATE FUNCTION mentor_index_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('mentor_index', coalesce(current_setting('app.organization_id', true), ''));
         RETURN NULL;
       END $$`,
      ...MENTOR_INDEX_SOURCES.map(
        (table) =>
          `CREATE TRIGGER ${table}_mentor_index_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
             FOR EACH STATEMENT EXECUTE FUNCTION mentor_index_changed()`,
      ),
      `DROP TABLE suggestion_exposures`,
      `CREATE TABLE suggestion_exposures (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         mentee_user_id uuid NOT NULL,
         mentor_user_id uuid NOT NULL,
         -- Which of the mentor's places x flood factor this mentee holds.
         slot int NOT NULL CHECK (slot >= 0),
         -- The mentor counts as shown to the mentee until then (or until the mentee's next list).
         shown_until timestamptz NOT NULL,
         -- One mentee per slot. Not unique per mentee and mentor: two lists of one mentee at once
         -- (two tabs) may both hold the mentor until the next list, which counts them twice, never less.
         -- Mentor before cohort, mentee before cohort in the index: each lookup has one index that
         -- fits it, even before the planner has statistics of this fast-changing table.
         PRIMARY KEY (organization_id, mentor_user_id, cohort_id, slot),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE,
         ${member('mentee_user_id')},
         ${member('mentor_user_id')}
       )`,
      `CREATE INDEX suggestion_exposures_mentee_idx ON suggestion_exposures (organization_id, mentee_user_id, cohort_id)`,
      ...enableTenantRls('suggestion_exposures'),
      grantToRuntime('suggestion_exposures', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of MENTOR_INDEX_SOURCES)
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_mentor_index_changed ON ${table}`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS mentor_index_changed()`);
    await queryRunner.query(`DELETE FROM suggestion_exposures`);
    await queryRunner.query(`ALTER TABLE suggestion_exposures DROP CONSTRAINT suggestion_exposures_pkey`);
    await queryRunner.query(`ALTER TABLE suggestion_exposures DROP COLUMN slot`);
    await queryRunner.query(
      `ALTER TABLE suggestion_exposures ADD PRIMARY KEY (organization_id, cohort_id, mentee_user_id, mentor_user_id)`,
    );
  }
}
