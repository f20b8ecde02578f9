import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster's order as a stored column, so a page of a 10,000-person cohort is read from an
 * index in order instead of sorting every matching row on a name computed from `users`.
 *
 * `sort_name` is `lower(coalesce(users.display_name, name, email))`, the name the roster shows,
 * lower-cased. Triggers keep it: one on the participant (insert, and a change of person, name or
 * address), one on `users` for a rename. The rename trigger stays inside row-level security: it
 * takes the renamed person as the caller to read their memberships (the one policy that reads
 * across organizations) and each of their organizations as the tenant in turn, then puts the
 * caller and tenant back.
 */
export class RosterSortName1764620000000 implements MigrationInterface {
  name = 'RosterSortName1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE cohort_participants ADD COLUMN sort_name text`,
      `CREATE FUNCTION cohort_participant_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.sort_name := lower(coalesce(
           (SELECT u.display_name FROM users u WHERE u.id = NEW.user_id), NEW.name, NEW.email));
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER cohort_participants_sort_name
         BEFORE INSERT OR UPDATE OF user_id, name, email ON cohort_participants
         FOR EACH ROW EXECUTE FUNCTION cohort_participant_sort_name()`,
      `CREATE FUNCTION cohort_participants_follow_rename() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         tenant text := coalesce(current_setting('app.organization_id', true), '');
         caller text := coalesce(current_setting('app.user_id', true), '');
         organization uuid;
       BEGIN
         PERFORM set_config('app.user_id', NEW.id::text, true);
         FOR organization IN SELECT m.organization_id FROM memberships m WHERE m.user_id = NEW.id LOOP
           PERFORM set_config('app.organization_id', organization::text, true);
           UPDATE cohort_participants SET sort_name = lower(NEW.display_name)
            WHERE organization_id = organization AND user_id = NEW.id;
         END LOOP;
         PERFORM set_config('app.organization_id', tenant, true);
         PERFORM set_config('app.user_id', caller, true);
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER users_rename_roster
         AFTER UPDATE OF display_name ON users
         FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
         EXECUTE FUNCTION cohort_participants_follow_rename()`,
      // Existing rows: row-level security binds the owner too, so it is lifted for this one
      // statement, inside the migration's transaction.
      `ALTER TABLE cohort_participants NO FORCE ROW LEVEL SECURITY`,
      `UPDATE cohort_participants cp SET sort_name = lower(coalesce(
         (SELECT u.display_name FROM users u WHERE u.id = cp.user_id), cp.name, cp.email))`,
      `ALTER TABLE cohort_participants FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_participants ALTER COLUMN sort_name SET NOT NULL`,
      // The roster in its order (mentors first, then by name), filtered by role; status and the
      // person ride along so the filters and the count read the index alone.
      `CREATE INDEX cohort_participants_roster_order_idx
         ON cohort_participants (organization_id, cohort_id, role, sort_name, id) INCLUDE (status, user_id)`,
      // A person's places: a rare skill's few people find theirs here instead of a scan of the
      // cohort, and a membership's deletion finds the places it cascades to.
      `CREATE INDEX cohort_participants_user_idx ON cohort_participants (organization_id, user_id, cohort_id)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP INDEX IF EXISTS cohort_participants_user_idx`,
      `DROP INDEX IF EXISTS cohort_participants_roster_order_idx`,
      `DROP TRIGGER IF EXISTS users_rename_roster ON users`,
      `DROP FUNCTION IF EXISTS cohort_participants_follow_rename()`,
      `DROP TRIGGER IF EXISTS cohort_participants_sort_name ON cohort_participants`,
      `DROP FUNCTION IF EXISTS cohort_participant_sort_name()`,
      `ALTER TABLE cohort_participants DROP COLUMN IF EXISTS sort_name`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }
}
