import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster's skill filter read from the roster's own index: `cohort_participants.skill_ids` is
 * the set of skills the person's profile offers or wants (any kind, sorted, no duplicates), and
 * the roster order index carries it, so a page filtered by skill walks the index in order and
 * stops at offset + page size, and its total is a count of that index range, with no join to
 * `profile_skills`, no hash of the skill's holders and no sort of every match.
 *
 * Triggers keep it: one on the participant (insert, and a change of person), statement triggers
 * on `profile_skills` (insert, update, delete, cascades included) that recompute the set of every
 * place of the people whose skills changed. A GIN index would not help: row-level security keeps
 * a non-leakproof operator such as `@>` out of index conditions.
 */
export class RosterSkills1764920000000 implements MigrationInterface {
  name = 'RosterSkills1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE cohort_participants ADD COLUMN skill_ids uuid[] NOT NULL DEFAULT '{}'`,
      `CREATE FUNCTION profile_skill_ids(organization uuid, person uuid) RETURNS uuid[]
         LANGUAGE sql STABLE AS $$
         SELECT coalesce(array_agg(DISTINCT ps.skill_id ORDER BY ps.skill_id), '{}')
           FROM profile_skills ps WHERE ps.organization_id = organization AND ps.user_id = person $$`,
      `CREATE FUNCTION cohort_participant_skill_ids() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.skill_ids := CASE WHEN NEW.user_id IS NULL THEN '{}'
                               ELSE profile_skill_ids(NEW.organization_id, NEW.user_id) END;
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER cohort_participants_skill_ids
         BEFORE INSERT OR UPDATE OF user_id ON cohort_participants
         FOR EACH ROW EXECUTE FUNCTION cohort_participant_skill_ids()`,
      // One statement per changed statement, whatever its size (an import writes 1,000 a time).
      `CREATE FUNCTION cohort_participants_follow_skills() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           UPDATE cohort_participants cp SET skill_ids = profile_skill_ids(cp.organization_id, cp.user_id)
             FROM (SELECT DISTINCT organization_id, user_id FROM changed_new) AS person
            WHERE cp.organization_id = person.organization_id AND cp.user_id = person.user_id;
         ELSIF TG_OP = 'DELETE' THEN
           UPDATE cohort_participants cp SET skill_ids = profile_skill_ids(cp.organization_id, cp.user_id)
             FROM (SELECT DISTINCT organization_id, user_id FROM changed_old) AS person
            WHERE cp.organization_id = person.organization_id AND cp.user_id = person.user_id;
         ELSE
           UPDATE cohort_participants cp SET skill_ids = profile_skill_ids(cp.organization_id, cp.user_id)
             FROM (SELECT organization_id, user_id FROM changed_new
                   UNION SELECT organization_id, user_id FROM changed_old) AS person
            WHERE cp.organization_id = person.organization_id AND cp.user_id = person.user_id;
         END IF;
         RETURN NULL;
       END $$`,
      // A statement trigger with transition tables takes one event each.
      `CREATE TRIGGER profile_skills_roster_insert AFTER INSERT ON profile_skills
         REFERENCING NEW TABLE AS changed_new
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_participants_follow_skills()`,
      `CREATE TRIGGER profile_skills_roster_update AFTER UPDATE ON profile_skills
         REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_participants_follow_skills()`,
      `CREATE TRIGGER profile_skills_roster_delete AFTER DELETE ON profile_skills
         REFERENCING OLD TABLE AS changed_old
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_participants_follow_skills()`,
      // Existing rows: row-level security binds the owner too, so it is lifted for this one
      // statement, inside the migration's transaction.
      `ALTER TABLE cohort_participants NO FORCE ROW LEVEL SECURITY`,
      `UPDATE cohort_participants SET skill_ids = profile_skill_ids(organization_id, user_id)
        WHERE user_id IS NOT NULL`,
      `ALTER TABLE cohort_participants FORCE ROW LEVEL SECURITY`,
      // The roster's order index, now with the skills beside status and person.
      `DROP INDEX cohort_participants_roster_order_idx`,
      `CREATE INDEX cohort_participants_roster_order_idx
         ON cohort_participants (organization_id, cohort_id, role, sort_name, id) INCLUDE (status, user_id, skill_ids)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP INDEX IF EXISTS cohort_participants_roster_order_idx`,
      `CREATE INDEX cohort_participants_roster_order_idx
         ON cohort_participants (organization_id, cohort_id, role, sort_name, id) INCLUDE (status, user_id)`,
      `DROP TRIGGER IF EXISTS profile_skills_roster_delete ON profile_skills`,
      `DROP TRIGGER IF EXISTS profile_skills_roster_update ON profile_skills`,
      `DROP TRIGGER IF EXISTS profile_skills_roster_insert ON profile_skills`,
      `DROP FUNCTION IF EXISTS cohort_participants_follow_skills()`,
      `DROP TRIGGER IF EXISTS cohort_participants_skill_ids ON cohort_participants`,
      `DROP FUNCTION IF EXISTS cohort_participant_skill_ids()`,
      `DROP FUNCTION IF EXISTS profile_skill_ids(uuid, uuid)`,
      `ALTER TABLE cohort_participants DROP COLUMN IF EXISTS skill_ids`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }
}
