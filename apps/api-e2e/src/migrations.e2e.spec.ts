import { collectMigrations, runMigrations, withPlatformMigrations } from '@mentorship/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestServices, dropTestServices, TestServices } from '@mentorship/testing';

/** `npm run migrate` on a database from before the schema was split by context. */
describe('migrations', () => {
  let services: TestServices;
  beforeAll(async () => (services = await createTestServices()));
  afterAll(() => dropTestServices(services));

  const recorded = async () =>
    (await services.db.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp')).map(
      (row) => row.name,
    );

  const ownerDataSource = () =>
    new DataSource({
      type: 'postgres',
      url: services.db.ownerUrl,
      migrations: collectMigrations(withPlatformMigrations(services.contexts)),
      migrationsTransactionMode: 'each',
    });

  it('are up to date on a fresh template, and a second run applies nothing', async () => {
    const everything = await recorded();
    expect(everything).toContain('Organizations1763770000200');
    expect(await runMigrations(services.db.ownerUrl, services.contexts)).toEqual([]);
    expect(await recorded()).toEqual(everything);
  });

  it('adopt a database migrated by the one foundation migration of old, and bring it up to date', async () => {
    const everything = await recorded();
    // The state such a database is in: the foundation's schema (identical to the split
    // migrations' up to 1763770000400, compared with pg_dump) recorded under one name, and
    // nothing that came after it (each later migration is undone by its own down()).
    const later = everything.filter((name) => Number(/(\d{13})$/.exec(name)?.[1]) > 1763770000400);
    expect(later).toContain('JobOutbox1764300000000');
    const owner = ownerDataSource();
    await owner.initialize();
    try {
      for (let i = 0; i < later.length; i++) await owner.undoLastMigration();
    } finally {
      await owner.destroy();
    }
    expect(await recorded()).toEqual(everything.slice(0, everything.length - later.length));
    await services.db.query('DELETE FROM migrations');
    await services.db.query(
      `INSERT INTO migrations (timestamp, name) VALUES (1763770000000, 'Foundation1763770000000')`,
    );

    expect(await runMigrations(services.db.ownerUrl, services.contexts)).toEqual(later);
    expect(await recorded()).toEqual(everything);
    expect(await runMigrations(services.db.ownerUrl, services.contexts)).toEqual([]);
  });

  it('count cohorts closed before the survey invitations existed as invited, so the schedule does not invite them years late', async () => {
    const organizationId = randomUUID();
    const programId = randomUUID();
    const [closedLongAgo, runningThen] = [randomUUID(), randomUUID()];
    await services.db.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Closed cohorts')`, [
      organizationId,
    ]);
    await services.db.query(
      `INSERT INTO programs (organization_id, id, name, settings) VALUES ($1, $2, 'P', $3)`,
      [
        organizationId,
        programId,
        JSON.stringify({ kind: 'one-to-one', matchingMode: 'coordinator', defaultMentorCapacity: 1 }),
      ],
    );
    for (const [id, status] of [
      [closedLongAgo, 'closed'],
      [runningThen, 'running'],
    ])
      await services.db.query(
        `INSERT INTO cohorts (organization_id, id, program_id, name, status, starts_on, ends_on, settings_snapshot)
         VALUES ($1, $2, $3, 'Cohort of 2024, ' || $4, $4, '2024-01-01', '2024-06-30', (SELECT settings FROM programs WHERE id = $3))`,
        [organizationId, id, programId, status],
      );
    const toEnd = async () =>
      (
        await services.db.query<{ cohort_id: string }>(
          `SELECT cohort_id FROM cohorts_to_end_by(current_date) WHERE organization_id = $1`,
          [organizationId],
        )
      ).map((row) => row.cohort_id);

    // The database as it was before the invitations: the survey migration (and any later one)
    // undone, then everything run again, the survey migration first.
    const survey = 'CohortSurveyInvitations1765100000000';
    const owner = ownerDataSource();
    await owner.initialize();
    try {
      expect(await recorded()).toContain(survey);
      while ((await recorded()).includes(survey)) await owner.undoLastMigration();
    } finally {
      await owner.destroy();
    }
    expect((await runMigrations(services.db.ownerUrl, services.contexts))[0]).toBe(survey);

    expect(await toEnd()).toEqual([]);
    // A cohort closed after the migration is still invited by the schedule.
    await services.db.query(`UPDATE cohorts SET status = 'closed' WHERE id = $1`, [runningThen]);
    expect(await toEnd()).toEqual([runningThen]);
  });
});
