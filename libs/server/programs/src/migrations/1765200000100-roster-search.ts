import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Characters of each stored piece; a longer search uses its first ones, then checks the rest. */
const ROSTER_GRAM_LENGTH = 16;

/**
 * An index for the roster's text filter (part of the name or of the address, any case), so a
 * search reads the people it finds instead of every participant of the cohort.
 *
 * `cohort_roster_search` holds, per participant, every piece of `ROSTER_GRAM_LENGTH` characters
 * that starts at some position of their `sort_name` or their address (shorter at the end): a
 * search for `q` is a substring of the name or address exactly when one of its pieces starts with
 * `q`'s first characters, which is a range of the primary key. Why not pg_trgm's GIN index:
 * row-level security keeps a non-leakproof operator (`%`, `LIKE`) out of index conditions, while
 * text's `>=` and `<` are leakproof; the pieces are in the C collation, so "starts with" is a
 * range in any database collation.
 *
 * Statement triggers on `cohort_participants` keep it: a new participant's pieces are added, a
 * change of name or address replaces them, a deletion removes them (their keys are computed again
 * from the old row, so no second index is needed); a cohort's deletion cascades.
 */
export class RosterSearch1765200000100 implements MigrationInterface {
  name = 'RosterSearch1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const changed = `(SELECT o.* FROM old_rows o JOIN new_rows n ON n.organization_id = o.organization_id AND n.id = o.id
                       WHERE (o.cohort_id, o.sort_name, o.email) IS DISTINCT FROM (n.cohort_id, n.sort_name, n.email))`;
    const changedNew = changed.replace('SELECT o.*', 'SELECT n.*');
    const insertOf = (rows: string) =>
      `INSERT INTO cohort_roster_search (organization_id, cohort_id, participant_id, gram)
       SELECT r.organization_id, r.cohort_id, r.id, piece.gram
         FROM ${rows} r CROSS JOIN LATERAL roster_grams(r.sort_name, r.email) AS piece (gram)
        WHERE EXISTS (SELECT 1 FROM cohorts co WHERE co.organization_id = r.organization_id AND co.id = r.cohort_id);`;
    const deleteOf = (rows: string) =>
      `DELETE FROM cohort_roster_search s
        USING (SELECT r.organization_id, r.cohort_id, r.id, piece.gram
                 FROM ${rows} r CROSS JOIN LATERAL roster_grams(r.sort_name, r.email) AS piece (gram)) AS gone
        WHERE s.organization_id = gone.organization_id AND s.cohort_id = gone.cohort_id
          AND s.gram = gone.gram AND s.participant_id = gone.id;`;
    const statements = [
      `CREATE TABLE cohort_roster_search (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         gram text COLLATE "C" NOT NULL,
         participant_id uuid NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, gram, participant_id),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('cohort_roster_search'),
      // The triggers run as the writer of the participants.
      grantToRuntime('cohort_roster_search', ['SELECT', 'INSERT', 'DELETE']),
      // Every piece of the name and of the address, each once.
      `CREATE FUNCTION roster_grams(name text, email text) RETURNS SETOF text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT DISTINCT substr(t, i, ${ROSTER_GRAM_LENGTH}) COLLATE "C"
           FROM unnest(ARRAY[name, email]) AS t, generate_series(1, length(t)) AS i $$`,
      `CREATE FUNCTION cohort_roster_search_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${insertOf('new_rows')}
         RETURN NULL;
       END $$`,
      `CREATE FUNCTION cohort_roster_search_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${deleteOf(changed)}
         ${insertOf(changedNew)}
         RETURN NULL;
       END $$`,
      `CREATE FUNCTION cohort_roster_search_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${deleteOf('old_rows')}
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER cohort_participants_search_insert AFTER INSERT ON cohort_participants
         REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_roster_search_after_insert()`,
      `CREATE TRIGGER cohort_participants_search_update AFTER UPDATE ON cohort_participants
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_roster_search_after_update()`,
      `CREATE TRIGGER cohort_participants_search_delete AFTER DELETE ON cohort_participants
         REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_roster_search_after_delete()`,
      // Existing rows: row-level security binds the owner too, so it is lifted for this one
      // statement, inside the migration's transaction.
      `ALTER TABLE cohort_participants NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_roster_search NO FORCE ROW LEVEL SECURITY`,
      `INSERT INTO cohort_roster_search (organization_id, cohort_id, participant_id, gram)
       SELECT cp.organization_id, cp.cohort_id, cp.id, piece.gram
         FROM cohort_participants cp CROSS JOIN LATERAL roster_grams(cp.sort_name, cp.email) AS piece (gram)`,
      `ALTER TABLE cohort_participants FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_roster_search FORCE ROW LEVEL SECURITY`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TRIGGER IF EXISTS cohort_participants_search_delete ON cohort_participants`,
      `DROP TRIGGER IF EXISTS cohort_participants_search_update ON cohort_participants`,
      `DROP TRIGGER IF EXISTS cohort_participants_search_insert ON cohort_participants`,
      `DROP FUNCTION IF EXISTS cohort_roster_search_after_delete()`,
      `DROP FUNCTION IF EXISTS cohort_roster_search_after_update()`,
      `DROP FUNCTION IF EXISTS cohort_roster_search_after_insert()`,
      `DROP FUNCTION IF EXISTS roster_grams(text, text)`,
      `DROP TABLE IF EXISTS cohort_roster_search`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }
}
