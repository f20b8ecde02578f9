import { MAX_MENTOR_CAPACITY, SENIORITY, SKILL_LEVEL, SKILL_STATUSES } from '@mentorship/contracts';
import { enableTenantRls, grantToRuntime, sqlTextArray } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The skills catalogue and one profile per membership, with the skills a person offers (as a
 * mentor) and wants (as a mentee). Keys and foreign keys include organization_id; a profile
 * goes with its membership.
 */
export class People1764500000000 implements MigrationInterface {
  name = 'People1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE skills (
         organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
         id uuid NOT NULL,
         name text NOT NULL,
         status text NOT NULL DEFAULT 'active',
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, id),
         CONSTRAINT skills_status_valid CHECK (status = ANY (${sqlTextArray(SKILL_STATUSES)}))
       )`,
      // Names are unique per organization whatever their case, retired skills included.
      `CREATE UNIQUE INDEX skills_name_key ON skills (organization_id, lower(name))`,
      ...enableTenantRls('skills'),
      grantToRuntime('skills', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),

      `CREATE TABLE profiles (
         organization_id uuid NOT NULL,
         user_id uuid NOT NULL,
         time_zone text,
         languages text[] NOT NULL DEFAULT '{}',
         seniority smallint,
         department text,
         manager_email text,
         goals text[] NOT NULL DEFAULT '{}',
         topics text[] NOT NULL DEFAULT '{}',
         offered_mentor_types text[] NOT NULL DEFAULT '{}',
         wanted_mentor_types text[] NOT NULL DEFAULT '{}',
         availability jsonb NOT NULL DEFAULT '[]',
         mentor_capacity smallint,
         paused boolean NOT NULL DEFAULT false,
         pause_ends_on date,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (organization_id, user_id),
         FOREIGN KEY (organization_id, user_id) REFERENCES memberships (organization_id, user_id) ON DELETE CASCADE,
         CONSTRAINT profiles_seniority_valid CHECK (seniority BETWEEN ${SENIORITY.min} AND ${SENIORITY.max}),
         CONSTRAINT profiles_capacity_valid CHECK (mentor_capacity BETWEEN 0 AND ${MAX_MENTOR_CAPACITY})
       )`,
      ...enableTenantRls('profiles'),
      grantToRuntime('profiles', ['SELECT', 'INSERT', 'UPDATE']),

      `CREATE TABLE profile_skills (
         organization_id uuid NOT NULL,
         user_id uuid NOT NULL,
         kind text NOT NULL,
         skill_id uuid NOT NULL,
         level smallint NOT NULL,
         PRIMARY KEY (organization_id, user_id, kind, skill_id),
         FOREIGN KEY (organization_id, user_id) REFERENCES profiles (organization_id, user_id) ON DELETE CASCADE,
         FOREIGN KEY (organization_id, skill_id) REFERENCES skills (organization_id, id) ON DELETE CASCADE,
         CONSTRAINT profile_skills_kind_valid CHECK (kind IN ('offered', 'wanted')),
         CONSTRAINT profile_skills_level_valid CHECK (level BETWEEN ${SKILL_LEVEL.min} AND ${SKILL_LEVEL.max})
       )`,
      // Who offers or wants a skill: roster and profile filters, and merges.
      `CREATE INDEX profile_skills_skill_idx ON profile_skills (organization_id, skill_id, user_id)`,
      ...enableTenantRls('profile_skills'),
      grantToRuntime('profile_skills', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['profile_skills', 'profiles', 'skills'])
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
