import { NOTEBOOK_ENTRY_KINDS } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a running match keeps (issue 9, points 3 to 5): its agreement and the agreement's signed
 * versions, the mentee's map and its versions (the map's history), check-ins, the shared
 * notebook, and the next meeting.
 */
export class AgreementsMapsCheckIns1764641000000 implements MigrationInterface {
  name = 'AgreementsMapsCheckIns1764641000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const match = `FOREIGN KEY (organization_id, match_id) REFERENCES matches (organization_id, id) ON DELETE CASCADE`;
    const statements = [
      // One agreement per match; an edit bumps its version and clears both signatures.
      `CREATE TABLE agreements (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         version integer NOT NULL,
         terms jsonb NOT NULL,
         mentee_signed_at timestamptz,
         mentor_signed_at timestamptz,
         -- Null when drafted by the system (the trial's end).
         updated_by uuid,
         updated_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id),
         ${match},
         CONSTRAINT agreements_version_positive CHECK (version > 0)
       )`,
      // Every version both sides signed, kept as signed.
      `CREATE TABLE agreement_versions (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         version integer NOT NULL,
         terms jsonb NOT NULL,
         mentee_signed_at timestamptz NOT NULL,
         mentor_signed_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, version),
         ${match}
       )`,
      // The mentee's plan: one per match (a match has one mentee); content is the whole map.
      `CREATE TABLE mentorship_maps (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         version integer NOT NULL,
         content jsonb NOT NULL,
         next_review_on date NOT NULL,
         -- A peer who reviews the map with the mentee: a member of the organization.
         buddy_user_id uuid,
         updated_by uuid NOT NULL,
         updated_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id),
         ${match}
       )`,
      // The map's history: each version as it was saved, and what changed.
      `CREATE TABLE map_versions (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         version integer NOT NULL,
         content jsonb NOT NULL,
         next_review_on date NOT NULL,
         buddy_user_id uuid,
         changes jsonb NOT NULL,
         changed_by uuid NOT NULL,
         changed_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id, version),
         ${match}
       )`,
      `CREATE TABLE check_ins (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         match_id uuid NOT NULL,
         held_on date NOT NULL,
         duration_minutes integer NOT NULL,
         shared_notes text NOT NULL,
         -- The writer's alone (and coordinators' where the program says so).
         private_notes text,
         action_items jsonb NOT NULL,
         milestone_progress jsonb NOT NULL,
         logged_by uuid NOT NULL,
         logged_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, id),
         ${match},
         CONSTRAINT check_ins_duration_valid CHECK (duration_minutes BETWEEN 1 AND 1440)
       )`,
      `CREATE INDEX check_ins_match_idx ON check_ins (organization_id, match_id, held_on)`,
      `CREATE TABLE notebook_entries (
         organization_id uuid NOT NULL,
         id uuid NOT NULL,
         match_id uuid NOT NULL,
         author_user_id uuid NOT NULL,
         kind text NOT NULL,
         body text NOT NULL,
         private boolean NOT NULL,
         created_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, id),
         ${match},
         CONSTRAINT notebook_entries_kind_valid CHECK (kind = ANY (${sqlTextArray(NOTEBOOK_ENTRY_KINDS)}))
       )`,
      `CREATE INDEX notebook_entries_match_idx ON notebook_entries (organization_id, match_id, created_at)`,
      // The next meeting of the match: one at a time; re-planning bumps its iCalendar sequence.
      `CREATE TABLE planned_meetings (
         organization_id uuid NOT NULL,
         match_id uuid NOT NULL,
         starts_at timestamptz NOT NULL,
         duration_minutes integer NOT NULL,
         -- The organizer's IANA zone when planned (their profile's), for the calendar file.
         time_zone text NOT NULL,
         location text NOT NULL,
         agenda text NOT NULL,
         sequence integer NOT NULL,
         planned_by uuid NOT NULL,
         planned_at timestamptz NOT NULL,
         PRIMARY KEY (organization_id, match_id),
         ${match},
         CONSTRAINT planned_meetings_duration_valid CHECK (duration_minutes BETWEEN 1 AND 1440)
       )`,
      ...['agreements', 'agreement_versions', 'mentorship_maps', 'map_versions'].flatMap((t) =>
        enableTenantRls(t),
      ),
      ...['check_ins', 'notebook_entries', 'planned_meetings'].flatMap((t) => enableTenantRls(t)),
      grantToRuntime('agreements', ['SELECT', 'INSERT', 'UPDATE']),
      grantToRuntime('agreement_versions', ['SELECT', 'INSERT']),
      grantToRuntime('mentorship_maps', ['SELECT', 'INSERT', 'UPDATE']),
      grantToRuntime('map_versions', ['SELECT', 'INSERT']),
      grantToRuntime('check_ins', ['SELECT', 'INSERT']),
      grantToRuntime('notebook_entries', ['SELECT', 'INSERT']),
      grantToRuntime('planned_meetings', ['SELECT', 'INSERT', 'UPDATE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'planned_meetings',
      'notebook_entries',
      'check_ins',
      'map_versions',
      'mentorship_maps',
      'agreement_versions',
      'agreements',
    ])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
