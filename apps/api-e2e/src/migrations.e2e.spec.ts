import { collectMigrations, runMigrations, withPlatformMigrations } from '@mentorship/platform';
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
    const owner = new DataSource({
      type: 'postgres',
      url: services.db.ownerUrl,
      migrations: collectMigrations(withPlatformMigrations(services.contexts)),
      migrationsTransactionMode: 'each',
    });
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
});
