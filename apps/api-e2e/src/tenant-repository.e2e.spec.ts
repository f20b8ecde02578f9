import { randomUUID } from 'node:crypto';
import { TenantContext, TenantRepository } from '@mentorship/platform';
import { createTestDatabase, TestDatabase } from '@mentorship/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

/** A tenant table WITHOUT row-level security: whatever isolation shows here is the repository's own. */
@Entity({ name: 'repository_probe_notes' })
class NoteEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;
  @PrimaryColumn('uuid')
  id!: string;
  @Column('text')
  body!: string;
}

class NoteRepository extends TenantRepository<NoteEntity> {
  constructor() {
    super(NoteEntity);
  }
  add(id: string, body: string) {
    return this.insert({ id, body });
  }
  all() {
    return this.find({}, { order: { body: 'ASC' } });
  }
  withBody(body: string) {
    return this.query('note').andWhere('note.body = :body', { body }).getMany();
  }
  lock(id: string) {
    return this.findOneForUpdate({ id });
  }
  rename(id: string, body: string) {
    return this.update({ id }, { body });
  }
  remove(id: string) {
    return this.delete({ id });
  }
  /** The tenant column is the repository's to set: naming it does not compile. */
  other(organizationId: string) {
    // @ts-expect-error organizationId comes from the tenant context, never from the caller
    return this.find({ organizationId });
  }
}

/** The first wall: every query of a tenant repository names the tenant, RLS or not. */
describe(TenantRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const notes = new NoteRepository();
  const mine = randomUUID();
  const theirs = randomUUID();
  const shared = randomUUID();

  const inTenant = <T>(organizationId: string, work: () => Promise<T>) =>
    dataSource.transaction((manager) =>
      TenantContext.run({ organizationId, manager, afterCommit: [], atCommit: [] }, work),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    // The owner role owns the table and no policy applies to it.
    dataSource = new DataSource({ type: 'postgres', url: db.ownerUrl, entities: [NoteEntity] });
    await dataSource.initialize();
    await dataSource.query(
      `CREATE TABLE repository_probe_notes (organization_id uuid, id uuid, body text, PRIMARY KEY (organization_id, id))`,
    );
    await dataSource.query(
      `INSERT INTO repository_probe_notes VALUES ($1, $3, 'theirs'), ($1, $2, 'same id, theirs')`,
      [theirs, shared, randomUUID()],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const stored = () =>
    db.query<{ organization_id: string; body: string }>(
      'SELECT organization_id, body FROM repository_probe_notes ORDER BY body',
    );

  it('sets the tenant on insert and reads only the tenant’s rows', async () => {
    await inTenant(mine, () => notes.add(shared, 'same id, mine'));
    expect(await inTenant(mine, () => notes.all())).toEqual([
      { organizationId: mine, id: shared, body: 'same id, mine' },
    ]);
    expect(await inTenant(mine, () => notes.withBody('theirs'))).toEqual([]);
    expect(await inTenant(mine, () => notes.lock(shared))).toMatchObject({ organizationId: mine });
  });

  it('updates and deletes only the tenant’s rows, even when another organization has the same id', async () => {
    await inTenant(mine, () => notes.rename(shared, 'renamed, mine'));
    await inTenant(mine, () => notes.remove(shared));
    expect(await stored()).toEqual([
      { organization_id: theirs, body: 'same id, theirs' },
      { organization_id: theirs, body: 'theirs' },
    ]);
  });

  it('refuses to run outside a tenant', async () => {
    await expect(notes.all()).rejects.toThrow(/No tenant context/);
  });
});
