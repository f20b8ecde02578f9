import { tenantBatchHead } from './tenant-batch';

const ORG = '0b6f3c1e-8d2a-4c57-9e4f-2a1b3c4d5e6f';

describe(tenantBatchHead.name, () => {
  it('begins, sets the tenant for the transaction only, and reads no entry without one', () => {
    expect(tenantBatchHead(ORG)).toEqual([
      'START TRANSACTION',
      `SELECT set_config('app.organization_id', '${ORG}', true) AS entry`,
    ]);
  });

  it('lets the COMMIT skip the wait for the disk only when asked', () => {
    expect(tenantBatchHead(ORG, { waitForDisk: false })[1]).toBe('SET LOCAL synchronous_commit = off');
    expect(tenantBatchHead(ORG, { waitForDisk: true })).toHaveLength(2);
  });

  it('reads the entry in the statement that sets the tenant, its parameters as literals', () => {
    const [, read] = tenantBatchHead(ORG, {
      entry: { sql: 'SELECT $2 || $1 WHERE tenant.organization_id IS NOT NULL', params: ["o'brien"] },
    });
    expect(read).toMatch(
      new RegExp(
        String.raw`^SELECT \(SELECT 'o''brien' \|\| '${ORG}' WHERE tenant\.organization_id IS NOT NULL\) AS entry\s+` +
          String.raw`FROM \(SELECT set_config\('app\.organization_id', '${ORG}', true\)::uuid AS organization_id\) AS tenant$`,
      ),
    );
  });
});
