import { randomUUID } from 'node:crypto';
import { RollupService } from '@mentorship/analytics';
import { TenancyService } from '@mentorship/platform';
import { useTestApi } from '@mentorship/testing';
import fc from 'fast-check';
import { randomSource, writeHistory } from './support/analytics-history';
import { naiveRollups, sorted, storedRollups } from './support/analytics-naive';

const TABLES = [
  'analytics_cohort_days',
  'analytics_time_to_match_days',
  'analytics_utilization_days',
  'analytics_exit_days',
  'analytics_retention',
  'analytics_membership_outcomes',
] as const;

describe('analytics rollups, on real Postgres', () => {
  const t = useTestApi();
  const rollUp = (organizationId: string, from: string, to: string) =>
    t.api.app
      .get(TenancyService)
      .runInTenant(organizationId, () => t.api.app.get(RollupService).rollUp(from, to));
  /** Every row of every fact table of the organization, as stored (but for when it was written). */
  const everyRow = async (organizationId: string) => {
    const rows: Record<string, unknown[]> = {};
    for (const table of TABLES)
      rows[table] = (
        await t.api.db.query(`SELECT * FROM ${table} WHERE organization_id = $1 ORDER BY 1, 2, 3, 4, 5`, [
          organizationId,
        ])
      ).map(({ rolled_up_at: _written, ...row }) => row);
    return rows;
  };
  const expectMatchesNaive = async (history: {
    organizationId: string;
    timeZone: string;
    from: string;
    to: string;
  }) => {
    const expected = await naiveRollups(
      t.api.db,
      history.organizationId,
      history.timeZone,
      history.from,
      history.to,
      new Date(),
    );
    const stored = await storedRollups(t.api.db, history.organizationId);
    for (const table of Object.keys(expected) as (keyof typeof expected)[])
      expect({ table, rows: sorted(stored[table]) }).toEqual({ table, rows: sorted(expected[table]) });
    return expected;
  };

  it('agree with a naive recomputation from the source tables on random histories, and read no other organization', async () => {
    const seen: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const random = randomSource(seed);
        const ours = await writeHistory(t.api.db, random);
        const theirs = await writeHistory(t.api.db, random);

        await rollUp(ours.organizationId, ours.from, ours.to);
        // Their rows are read by nobody but their own rollup: none exist before it runs.
        for (const table of TABLES)
          expect(
            await t.api.db.query(`SELECT 1 FROM ${table} WHERE organization_id = $1`, [
              theirs.organizationId,
            ]),
          ).toEqual([]);
        await rollUp(theirs.organizationId, theirs.from, theirs.to);

        const expected = await expectMatchesNaive(ours);
        await expectMatchesNaive(theirs);
        for (const [table, rows] of Object.entries(expected)) seen[table] = (seen[table] ?? 0) + rows.size;
      }),
      { numRuns: 5 },
    );
    // The histories were not empty: every table's comparison compared rows.
    for (const table of ['cohortDays', 'timeToMatch', 'utilization', 'exits', 'retention', 'membership'])
      expect({ table, compared: (seen[table] ?? 0) > 0 }).toEqual({ table, compared: true });
    // A bound on a hang, not a judgement of speed: ten histories and their rollups on a loaded machine.
  }, 300_000);

  it('give the same rows when run twice, and when a range inside is run again', async () => {
    const history = await writeHistory(t.api.db, randomSource(20261202));
    await rollUp(history.organizationId, history.from, history.to);
    const first = await everyRow(history.organizationId);
    expect(first.analytics_cohort_days!.length).toBeGreaterThan(0);

    await rollUp(history.organizationId, history.from, history.to);
    expect(await everyRow(history.organizationId)).toEqual(first);
    await rollUp(history.organizationId, '2026-03-01', '2026-04-15');
    expect(await everyRow(history.organizationId)).toEqual(first);
  });

  it('count a back-dated check-in once its day is rolled up again, and not before', async () => {
    const history = await writeHistory(t.api.db, randomSource(7));
    await rollUp(history.organizationId, history.from, history.to);
    const [match] = await t.api.db.query<{ id: string; cohort_id: string; mentee_user_id: string }>(
      `SELECT id, cohort_id, mentee_user_id FROM matches WHERE organization_id = $1 ORDER BY id LIMIT 1`,
      [history.organizationId],
    );
    const checkInsOn = async (day: string) =>
      (
        await t.api.db.query<{ check_ins: number }>(
          `SELECT check_ins FROM analytics_cohort_days WHERE organization_id = $1 AND cohort_id = $2 AND day = $3`,
          [history.organizationId, match!.cohort_id, day],
        )
      )[0]?.check_ins ?? 0;
    const before = await checkInsOn('2026-02-10');
    await t.api.db.query(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
         milestone_progress, logged_by, logged_at)
       VALUES ($1, $2, $3, '2026-02-10', 45, 'late', '[]', '[]', $4, now())`,
      [history.organizationId, randomUUID(), match!.id, match!.mentee_user_id],
    );
    // Another range's rollup leaves that day alone.
    await rollUp(history.organizationId, '2026-05-01', '2026-05-07');
    expect(await checkInsOn('2026-02-10')).toBe(before);

    await rollUp(history.organizationId, '2026-02-10', '2026-02-10');
    expect(await checkInsOn('2026-02-10')).toBe(before + 1);
    await expectMatchesNaive(history);
  });
});
