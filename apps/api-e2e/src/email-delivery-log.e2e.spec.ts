import type { ErrorBody } from '@mentorship/contracts';
import type { EmailDeliveryPageDto } from '@mentorship/notifications';
import { InvitationTokens } from '@mentorship/organizations';
import { JOB_OPTIONS } from '@mentorship/platform';
import {
  makeInvitation,
  makeMember,
  makeOrganization,
  makeUser,
  type SignedUpUser,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';

type LedgerRow = {
  status: string;
  attempts: number;
  last_error: string | null;
};

/**
 * SMTP failures on the real worker, the real queue and a real SMTP server that refuses or stalls
 * on demand: a send that times out is retried (BullMQ's attempts and back-off) and goes out once
 * the server answers again; one the server refuses on every attempt is `failed` after the last,
 * with the server's answer, in the admins' delivery log (admins only, their organization only).
 */
describe('email delivery log: retries with back-off, failures shown to admins', () => {
  // One second per SMTP step: a stalled server fails an attempt quickly.
  const system = useTestSystem({ config: { smtpTimeoutSeconds: 1 } });
  const http = () => system.http;
  let orgId: string;
  let otherOrgId: string;
  const people = {} as Record<'admin' | 'coordinator' | 'outsider', SignedUpUser>;

  const ledgerOf = async (recipient: string): Promise<LedgerRow | undefined> =>
    (
      await system.api.db.query<LedgerRow>(
        `SELECT status, attempts, last_error FROM email_deliveries WHERE organization_id = $1 AND recipient = $2`,
        [orgId, recipient],
      )
    )[0];
  const log = (who: SignedUpUser, query = '', org = orgId) =>
    http().get<EmailDeliveryPageDto & ErrorBody>(`/api/v1/orgs/${org}/email-deliveries${query}`, who.token);
  const invite = (email: string) => makeInvitation(http(), people.admin, orgId, email, ['mentee']);

  beforeAll(async () => {
    people.admin = await makeUser(http());
    orgId = (await makeOrganization(http(), people.admin, 'Mail Org')).id;
    const accept = (id: string) => system.api.app.get(InvitationTokens).issue(orgId, id);
    people.coordinator = await makeMember(http(), people.admin, orgId, ['coordinator'], accept);
    people.outsider = await makeUser(http());
    otherOrgId = (await makeOrganization(http(), people.outsider, 'Other Mail Org')).id;
    // The coordinator's invitation is out before the server starts misbehaving.
    await waitFor(
      async () => (await ledgerOf(people.coordinator.email))?.status === 'sent',
      'the first invitation sent',
    );
  });

  afterEach(() => system.sink.setMode('accept'));

  it('retries a send that timed out, with the reason, and sends it once the server answers', async () => {
    system.sink.setMode('stall');
    const to = 'stalled@example.test';
    await invite(to);
    await waitFor(async () => (await ledgerOf(to))?.status === 'retrying', 'the timed-out attempt');
    const retrying = await ledgerOf(to);
    expect(retrying?.last_error).toMatch(/timeout/i);
    expect(system.sink.messages.some((m) => m.to.includes(to))).toBe(false);

    system.sink.setMode('accept');
    await waitFor(async () => (await ledgerOf(to))?.status === 'sent', 'the retried send');
    const sent = await ledgerOf(to);
    expect(sent?.attempts).toBeGreaterThanOrEqual(2);
    expect(system.sink.messages.filter((m) => m.to.includes(to))).toHaveLength(1);

    const { body } = await log(people.admin, '?status=sent');
    const row = body.items.find((item) => item.recipient === to);
    expect(row).toMatchObject({ status: 'sent', retried: true, lastError: null });
    expect(row?.sentAt).not.toBeNull();
  });

  it('records a send the server refuses on every attempt as failed, after the last retry', async () => {
    system.sink.setMode('refuse');
    const to = 'refused@example.test';
    await invite(to);
    await waitFor(async () => (await ledgerOf(to))?.status === 'failed', 'the last attempt', 90_000);
    const failed = await ledgerOf(to);
    // Every attempt BullMQ makes reached the server (the back-off lets the server recover between).
    expect(failed?.attempts).toBe(JOB_OPTIONS.attempts);
    expect(system.sink.turnedAway.filter((m) => m.to.includes(to))).toHaveLength(JOB_OPTIONS.attempts);
    expect(system.sink.messages.some((m) => m.to.includes(to))).toBe(false);

    const { status, body } = await log(people.admin, '?status=failed');
    expect(status).toBe(200);
    expect(body.items.map((item) => item.recipient)).toEqual([to]);
    expect(body.items[0]).toMatchObject({
      status: 'failed',
      attempts: JOB_OPTIONS.attempts,
      retried: true,
      sentAt: null,
    });
    expect(body.items[0]?.lastError).toContain('451');
    expect(body.items[0]?.lastError).toContain('Mailbox busy');
  });

  it('pages the whole log newest first and filters by status', async () => {
    const all = await log(people.admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3); // the coordinator's, the stalled and the refused invitations
    expect(all.body.items[0]?.recipient).toBe('refused@example.test');
    const page = await log(people.admin, '?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 3 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]?.id).toBe(all.body.items[1]?.id);
    expect((await log(people.admin, '?status=retrying')).body.total).toBe(0);
  });

  it('is for the organization’s admins only: others are refused, another organization is not found', async () => {
    const coordinator = await log(people.coordinator);
    expect([coordinator.status, coordinator.body.code]).toEqual([403, 'forbidden_role']);
    const outsider = await log(people.outsider);
    expect([outsider.status, outsider.body.code]).toEqual([404, 'organization_not_found']);
    // Their own organization's log has none of ours.
    const own = await log(people.outsider, '', otherOrgId);
    expect(own.status).toBe(200);
    expect(own.body.items.some((item) => item.recipient.endsWith('@example.test'))).toBe(false);
    expect(own.body.total).toBe(0);
    const bad = await log(people.admin, '?status=lost');
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
  });
});
