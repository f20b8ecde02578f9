import { MATCH_ORIGINS, MATCH_STATUSES, MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A mentor and a mentee of one cohort, from a request, a round or a coordinator. */
export class Matches1764600000000 implements MigrationInterface {
  name = 'Matches1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE matches (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         mentor_user_id uuid NOT NULL,
         mentee_user_id uuid NOT NULL,
         status text NOT NULL,
         origin text NOT NULL,
         -- The request or round it came from.
         origin_id uuid,
         -- One conversation, no trial (flash programs).
         single_conversation boolean NOT NULL DEFAULT false,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id),
         FOREIGN KEY (organization_id, mentor_user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE,
         FOREIGN KEY (organization_id, mentee_user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE,
         CONSTRAINT matches_status_valid CHECK (status = ANY (${sqlTextArray(MATCH_STATUSES)})),
         CONSTRAINT matches_origin_valid CHECK (origin = ANY (${sqlTextArray(MATCH_ORIGINS)})),
         CONSTRAINT matches_two_people CHECK (mentor_user_id <> mentee_user_id)
       )`,
      // A pair has one open match per cohort: two accepts of one request cannot both create one.
      `CREATE UNIQUE INDEX matches_open_pair_key ON matches (organization_id, cohort_id, mentor_user_id, mentee_user_id)
         WHERE status = ANY (${sqlTextArray(MATCH_STATUSES_HOLDING_A_PLACE)})`,
      // A mentor's load (places taken), counted under the mentor's lock.
      `CREATE INDEX matches_mentor_idx ON matches (organization_id, mentor_user_id, status)`,
      `CREATE INDEX matches_mentee_idx ON matches (organization_id, mentee_user_id, status)`,
      `CREATE INDEX matches_cohort_idx ON matches (organization_id, cohort_id, status)`,
      ...enableTenantRls('matches'),
      grantToRuntime('matches', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS matches`);
  }
}
