import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { OrganizationView } from '@mentorship/contracts';
import { DomainException, OrgMember, SignedIn, TenancyService, TenantContext } from '@mentorship/platform';
import { makeOrganization, makeUser, SignedUpUser, useTestApi } from '@mentorship/testing';
import { DataSource } from 'typeorm';
import { IsBoolean, IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';

class ProbeDto {
  @IsString()
  marker!: string;
  @IsBoolean()
  fail!: boolean;
}

/**
 * Test-only routes that go through the real guards and tenant transaction: they write a
 * row, report what the transaction sees, and optionally fail after the write.
 */
@Controller('orgs/:orgId/probe')
class TenantProbeController {
  @OrgMember()
  @Post()
  async probe(@Body() body: ProbeDto) {
    const manager = TenantContext.manager();
    await manager.query(
      `INSERT INTO audit_events (organization_id, id, actor_user_id, action, target_type, target_id)
       VALUES (current_organization_id(), $1, $1, 'probe', 'probe', $2)`,
      [randomUUID(), body.marker],
    );
    const [setting] = await manager.query(`SELECT current_setting('app.organization_id', true) AS tenant`);
    const visible = await manager.query(`SELECT DISTINCT organization_id AS id FROM memberships`);
    if (body.fail) throw new DomainException('conflict', 'probe_failed', 'failing on purpose after a write');
    return { tenant: setting.tenant, visible: visible.map((r: { id: string }) => r.id) };
  }
}

@Controller('probe-untenanted')
class UntenantedProbeController {
  constructor(private readonly dataSource: DataSource) {}

  /** Not a tenant route: whatever connection the pool hands out must carry no tenant. */
  @SignedIn()
  @Get()
  async probe() {
    const [setting] = await this.dataSource.query(
      `SELECT current_setting('app.organization_id', true) AS tenant`,
    );
    const [count] = await this.dataSource.query(`SELECT count(*)::int AS n FROM memberships`);
    return { tenant: setting.tenant ?? '', memberships: count.n };
  }
}

@Module({ controllers: [TenantProbeController, UntenantedProbeController] })
class ProbeModule {}

describe('tenant context under concurrency', () => {
  const t = useTestApi({ config: { databasePoolSize: 4 }, extraModules: [ProbeModule] });
  let admins: SignedUpUser[];
  let orgs: OrganizationView[];

  beforeAll(async () => {
    admins = [await makeUser(t.http), await makeUser(t.http)];
    orgs = [
      await makeOrganization(t.http, admins[0]!, 'Org One'),
      await makeOrganization(t.http, admins[1]!, 'Org Two'),
    ];
  });

  it('500 concurrent requests alternating two tenants over 4 connections, a tenth failing mid-transaction, leak nothing', async () => {
    expect(t.api.app.get(DataSource).driver.options).toMatchObject({ extra: { max: 4 } });
    const runId = randomUUID();
    const requests = Array.from({ length: 500 }, (_, i) => {
      const side = i % 2;
      const fail = i % 10 === 7;
      return { side, fail, marker: `${runId}:${i}` };
    });
    const results = await Promise.all(
      requests.map((r) =>
        t.http.post<{ tenant: string; visible: string[]; code?: string }>(
          `/api/v1/orgs/${orgs[r.side]!.id}/probe`,
          { marker: r.marker, fail: r.fail },
          admins[r.side]!.token,
        ),
      ),
    );

    results.forEach((result, i) => {
      const request = requests[i]!;
      const expectedOrg = orgs[request.side]!.id;
      if (request.fail) {
        expect({ i, status: result.status, code: result.body.code }).toEqual({
          i,
          status: 409,
          code: 'probe_failed',
        });
      } else {
        expect({
          i,
          status: result.status,
          tenant: result.body.tenant,
          visible: result.body.visible,
        }).toEqual({
          i,
          status: 201,
          tenant: expectedOrg,
          visible: [expectedOrg],
        });
      }
    });

    // Exactly the successful writes landed, each in its own organization; the failed ones rolled back.
    const rows = await t.api.db.query<{ organization_id: string; target_id: string }>(
      `SELECT organization_id, target_id FROM audit_events WHERE action = 'probe' AND target_id LIKE $1`,
      [`${runId}:%`],
    );
    const expected = requests
      .filter((r) => !r.fail)
      .map((r) => `${orgs[r.side]!.id} ${r.marker}`)
      .sort();
    expect(rows.map((r) => `${r.organization_id} ${r.target_id}`).sort()).toEqual(expected);

    // Every pooled connection is clean afterwards.
    const after = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.http.get<{ tenant: string; memberships: number }>('/api/v1/probe-untenanted', admins[0]!.token),
      ),
    );
    for (const result of after) expect(result.body).toEqual({ tenant: '', memberships: 0 });
  });

  it('runs a tenant request, membership check included, in one transaction', async () => {
    const tenancy = t.api.app.get(TenancyService);
    // The route's guard opens the tenant (openTenant, which enterTenant also goes through) and
    // its handler completes it: one opening is one transaction.
    const enterTenant = jest.spyOn(tenancy, 'openTenant');
    try {
      const result = await t.http.post(
        `/api/v1/orgs/${orgs[0]!.id}/probe`,
        { marker: 'one-tx', fail: false },
        admins[0]!.token,
      );
      expect(result.status).toBe(201);
      expect(enterTenant).toHaveBeenCalledTimes(1);
    } finally {
      enterTenant.mockRestore();
    }
  });
});
