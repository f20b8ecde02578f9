import { enableTenantRls, grantToRuntime } from '@mentorship/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster's totals as tables kept exact by triggers, so a page's `total` is a sum of a few
 * counter rows instead of a count of every matching participant on each request (8,000 index
 * entries for a cohort's mentees; 9,000 for a common skill).
 *
 * - `cohort_roster_counts`: participants per cohort, role and status;
 * - `cohort_roster_skill_counts`: the same per skill of the person's profile (`skill_ids`, any
 *   kind), so a skill filter with or without role and status is a sum too.
 *
 * Statement triggers on `cohort_participants` (insert, update, delete, cascades included) add the
 * difference between the statement's old and new rows, in key order (two transactions touching
 * the same counters take their locks in one order). A counter whose cohort went in the same
 * statement (a cascade) is not written. No CHECK (participants >= 0): Postgres checks the row an
 * upsert proposes (a negative difference) before it finds the conflict. The text filter still counts its matches: no counter
 * answers a substring.
 *
 * Also: the participant's address rides in the roster order index, so the text filter (name or
 * address) reads the index alone, not each participant's heap row.
 */
export class RosterCounts1765200000000 implements MigrationInterface {
  name = 'RosterCounts1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE cohort_roster_counts (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         role text NOT NULL,
         status text NOT NULL,
         participants int NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, role, status),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE
       )`,
      `CREATE TABLE cohort_roster_skill_counts (
         organization_id uuid NOT NULL,
         cohort_id uuid NOT NULL,
         skill_id uuid NOT NULL,
         role text NOT NULL,
         status text NOT NULL,
         participants int NOT NULL,
         PRIMARY KEY (organization_id, cohort_id, skill_id, role, status),
         FOREIGN KEY (organization_id, cohort_id) REFERENCES cohorts (organization_id, id) ON DELETE CASCADE
       )`,
      ...enableTenantRls('cohort_roster_counts'),
      ...enableTenantRls('cohort_roster_skill_counts'),
      // The triggers run as the writer of the participants, so the runtime role writes counters.
      grantToRuntime('cohort_roster_counts', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
      grantToRuntime('cohort_roster_skill_counts', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']),
      // Transition tables are visible to the trigger's own function only, so each event has one,
      // generated from the same text.
      ...(['INSERT', 'UPDATE', 'DELETE'] as const).map(
        (event) => `CREATE FUNCTION cohort_roster_counts_after_${event.toLowerCase()}() RETURNS trigger
         LANGUAGE plpgsql AS $$
         BEGIN
           ${applyDeltas(event)}
           RETURN NULL;
         END $$`,
      ),
      `CREATE TRIGGER cohort_participants_counts_insert AFTER INSERT ON cohort_participants
         REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_roster_counts_after_insert()`,
      `CREATE TRIGGER cohort_participants_counts_update AFTER UPDATE ON cohort_participants
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_roster_counts_after_update()`,
      `CREATE TRIGGER cohort_participants_counts_delete AFTER DELETE ON cohort_participants
         REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION cohort_roster_counts_after_delete()`,
      // Existing rows: row-level security binds the owner too, so it is lifted for these
      // statements, inside the migration's transaction.
      `ALTER TABLE cohort_participants NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_roster_counts NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_roster_skill_counts NO FORCE ROW LEVEL SECURITY`,
      `INSERT INTO cohort_roster_counts (organization_id, cohort_id, role, status, participants)
       SELECT organization_id, cohort_id, role, status, count(*)
         FROM cohort_participants GROUP BY 1, 2, 3, 4`,
      `INSERT INTO cohort_roster_skill_counts (organization_id, cohort_id, skill_id, role, status, participants)
       SELECT cp.organization_id, cp.cohort_id, skill.id, cp.role, cp.status, count(*)
         FROM cohort_participants cp CROSS JOIN LATERAL unnest(cp.skill_ids) AS skill (id)
        GROUP BY 1, 2, 3, 4, 5`,
      `ALTER TABLE cohort_participants FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_roster_counts FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE cohort_roster_skill_counts FORCE ROW LEVEL SECURITY`,
      `DROP INDEX cohort_participants_roster_order_idx`,
      `CREATE INDEX cohort_participants_roster_order_idx
         ON cohort_participants (organization_id, cohort_id, role, sort_name, id)
         INCLUDE (status, user_id, skill_ids, email)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP INDEX IF EXISTS cohort_participants_roster_order_idx`,
      `CREATE INDEX cohort_participants_roster_order_idx
         ON cohort_participants (organization_id, cohort_id, role, sort_name, id) INCLUDE (status, user_id, skill_ids)`,
      `DROP TRIGGER IF EXISTS cohort_participants_counts_delete ON cohort_participants`,
      `DROP TRIGGER IF EXISTS cohort_participants_counts_update ON cohort_participants`,
      `DROP TRIGGER IF EXISTS cohort_participants_counts_insert ON cohort_participants`,
      `DROP FUNCTION IF EXISTS cohort_roster_counts_after_delete()`,
      `DROP FUNCTION IF EXISTS cohort_roster_counts_after_update()`,
      `DROP FUNCTION IF EXISTS cohort_roster_counts_after_insert()`,
      `DROP TABLE IF EXISTS cohort_roster_skill_counts`,
      `DROP TABLE IF EXISTS cohort_roster_counts`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }
}

/**
 * The statement's net change per counter added to the counters: +1 for each new row, -1 for each
 * old one, summed, changes that cancel (a rename) left out.
 */
function applyDeltas(event: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const sides = [
    ...(event === 'DELETE' ? [] : [{ table: 'new_rows', sign: 1 }]),
    ...(event === 'INSERT' ? [] : [{ table: 'old_rows', sign: -1 }]),
  ];
  const upsert = (table: string, key: string[], rowsOf: (side: string) => string) => {
    const changes = sides
      .map(
        (side) =>
          `SELECT ${key.map((k) => `r.${k}`).join(', ')}, ${side.sign} AS d FROM ${rowsOf(side.table)}`,
      )
      .join(' UNION ALL ');
    return `INSERT INTO ${table} AS c (${key.join(', ')}, participants)
           SELECT ${key.join(', ')}, sum(d)::int FROM (${changes}) AS r
            WHERE EXISTS (SELECT 1 FROM cohorts co WHERE co.organization_id = r.organization_id AND co.id = r.cohort_id)
            GROUP BY ${key.join(', ')} HAVING sum(d) <> 0
            ORDER BY ${key.join(', ')}
           ON CONFLICT (${key.join(', ')}) DO UPDATE SET participants = c.participants + EXCLUDED.participants;`;
  };
  return [
    upsert('cohort_roster_counts', ['organization_id', 'cohort_id', 'role', 'status'], (t) => `${t} r`),
    upsert(
      'cohort_roster_skill_counts',
      ['organization_id', 'cohort_id', 'skill_id', 'role', 'status'],
      (t) =>
        `(SELECT o.*, skill.id AS skill_id FROM ${t} o CROSS JOIN LATERAL unnest(o.skill_ids) AS skill (id)) r`,
    ),
  ].join('\n');
}
