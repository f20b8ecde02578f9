import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { analyticsNightlySchedule, NightlyRollupService } from '@mentorship/analytics';
import { JobQueueService } from '@mentorship/platform';
import { serviceUrls, startTestWorker, useTestSystem, waitFor, withDatabase } from '@mentorship/testing';
import { DateTime } from 'luxon';
import { Client } from 'pg';

/** Days before today in `zone`, as a day. */
const daysAgo = (zone: string, days: number) => DateTime.now().setZone(zone).minus({ days }).toISODate()!;

describe('the nightly analytics rollup, with two workers ticking every second', () => {
  const system = useTestSystem({ config: { analyticsRollupEverySeconds: 1 } });
  let secondWorker: INestApplicationContext;
  const orgs: { org: { id: string; name: string }; zone: string; cohortId: string; checkIns: number }[] = [];

  /**
   * An organization with a cohort, one match and `checkIns` check-ins held three days ago (in its
   * zone), written in one transaction: the ticks, running already, see all of it or none.
   */
  const seed = async (name: string, zone: string, checkIns: number) => {
    const client = new Client({ connectionString: withDatabase(serviceUrls.admin, system.api.db.name) });
    await client.connect();
    const [orgId, cohortId, mentor, mentee, matchId] = Array.from({ length: 5 }, () => randomUUID());
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO organizations (id, name) VALUES ($1, $2)`, [orgId, name]);
      await client.query(`INSERT INTO analytics_settings (organization_id, time_zone) VALUES ($1, $2)`, [
        orgId,
        zone,
      ]);
      for (const person of [mentor, mentee]) {
        await client.query(
          `INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, 'P', 'x')`,
          [person, `${person}@example.test`],
        );
        await client.query(
          `INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, '{mentee}')`,
          [orgId, person],
        );
      }
      const program = await client.query<{ id: string }>(
        `INSERT INTO programs (organization_id, id, name, settings)
         VALUES ($1, gen_random_uuid(), 'P', '{"kind": "one-to-one", "matchingMode": "coordinator"}') RETURNING id`,
        [orgId],
      );
      await client.query(
        `INSERT INTO cohorts (organization_id, id, program_id, name, starts_on, ends_on)
         VALUES ($1, $2, $3, 'C', '2026-01-01', '2099-01-01')`,
        [orgId, cohortId, program.rows[0]!.id],
      );
      await client.query(
        `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin, created_at)
         VALUES ($1, $2, $3, $4, $5, 'active', 'coordinator', now() - interval '10 days')`,
        [orgId, matchId, cohortId, mentor, mentee],
      );
      for (let i = 0; i < checkIns; i++)
        await client.query(
          `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
             milestone_progress, logged_by, logged_at)
           VALUES ($1, gen_random_uuid(), $2, $3, 30, '', '[]', '[]', $4, now())`,
          [orgId, matchId, daysAgo(zone, 3), mentee],
        );
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    orgs.push({ org: { id: orgId!, name }, zone, cohortId: cohortId!, checkIns });
  };

  beforeAll(async () => {
    secondWorker = await startTestWorker(system.services);
    await seed('Night A', 'Asia/Kolkata', 3);
    await seed('Night B', 'America/New_York', 5);
  });
  afterAll(() => secondWorker?.close());

  const ticks = async () =>
    (
      await system.api.db.query<{ runs: number; slots: number }>(
        `SELECT count(*)::int AS runs, count(DISTINCT tick_at)::int AS slots FROM schedule_runs WHERE schedule = $1`,
        [analyticsNightlySchedule.name],
      )
    )[0]!;
  const nights = (organizationId: string) =>
    system.api.db.query<{ day: string; runs: number; finished: boolean }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, runs, finished_at IS NOT NULL AS finished
         FROM analytics_nightly_runs WHERE organization_id = $1`,
      [organizationId],
    );

  it("rolls each organization's night up once, in its own zone, whatever the ticks and workers", async () => {
    for (const { org } of orgs)
      await waitFor(
        async () => (await nights(org.id)).some((night) => night.finished),
        `the night of ${org.name}`,
      );
    const seen = (await ticks()).slots;
    await waitFor(async () => (await ticks()).slots >= seen + 3, 'three more ticks');

    // Each tick ran on one worker only, and one scheduler serves both workers.
    const { runs, slots } = await ticks();
    expect(runs).toBe(slots);
    const schedulers = await system.api.app
      .get(JobQueueService)
      .queue(analyticsNightlySchedule.queue)
      .getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([analyticsNightlySchedule.name]);

    for (const { org, zone, cohortId, checkIns } of orgs) {
      // One night claimed and run once: the day before the last 04:00 in the organization's zone.
      const expectedDay = DateTime.now().setZone(zone).minus({ hours: 4 }).minus({ days: 1 }).toISODate()!;
      expect(await nights(org.id)).toEqual([{ day: expectedDay, runs: 1, finished: true }]);
      // Its week was rolled up from its own rows only: its check-ins, not the other's.
      const [row] = await system.api.db.query<{ check_ins: number; active_matches: number }>(
        `SELECT check_ins, active_matches FROM analytics_cohort_days WHERE organization_id = $1 AND cohort_id = $2 AND day = $3`,
        [org.id, cohortId, daysAgo(zone, 3)],
      );
      expect(row).toEqual({ check_ins: checkIns, active_matches: 1 });
      const foreign = await system.api.db.query(
        `SELECT 1 FROM analytics_cohort_days d JOIN cohorts c ON c.id = d.cohort_id WHERE d.organization_id = $1 AND c.organization_id <> $1`,
        [org.id],
      );
      expect(foreign).toEqual([]);
    }
  });

  it('claims nothing more for a tick of the same night, and the next night once it is over', async () => {
    const nightly = system.api.app.get(NightlyRollupService);
    expect(await nightly.claimNightsOver(new Date())).toBe(0);
    // A day later: each organization's next night, once (a second look claims nothing).
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    expect(await nightly.claimNightsOver(tomorrow)).toBe(orgs.length);
    expect(await nightly.claimNightsOver(tomorrow)).toBe(0);
  });
});
