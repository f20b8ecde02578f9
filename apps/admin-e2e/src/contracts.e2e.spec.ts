import { ERROR_CODES, FIELD_LIMITS, type ErrorBody } from '@mentorship/contracts';
import { TEST_PASSWORD, makeInvitation, makeOrganization, makeUser, useTestApi } from '@mentorship/testing';
import { uniqueEmail } from './support/browser-e2e';

/** An address of exactly `length` characters that is still valid (local part <= 64, labels <= 63). */
function emailOfLength(length: number): string {
  const local = 'l'.repeat(64);
  const labels: string[] = [];
  let remaining = length - local.length - '@'.length - '.example'.length;
  while (remaining > 0) {
    const label = Math.min(63, remaining - (labels.length > 0 ? 1 : 0));
    labels.push('d'.repeat(label));
    remaining -= label + (labels.length > 1 ? 1 : 0);
  }
  return `${local}@${labels.join('.')}.example`;
}

/**
 * The admin's forms check lengths from FIELD_LIMITS and branch on ERROR_CODES, both from
 * `@mentorship/contracts`. These tests prove the real API enforces and answers exactly those.
 */
describe('contracts the admin relies on', () => {
  const server = useTestApi();
  const http = () => server.http;

  function expectFieldRefused(result: { status: number; body: unknown }, field: string): void {
    expect(result.status).toBe(400);
    const body = result.body as ErrorBody;
    expect(body.code).toBe(ERROR_CODES.validationFailed);
    expect(body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }

  const signUp = (overrides: Record<string, string>) =>
    http().post('/api/v1/auth/sign-up', {
      email: uniqueEmail('limits'),
      password: TEST_PASSWORD,
      displayName: 'Limit Tester',
      ...overrides,
    });

  it('accepts passwords and display names at their limits and refuses one character past them', async () => {
    const { password, displayName } = FIELD_LIMITS;
    expect((await signUp({ password: 'p'.repeat(password.min) })).status).toBe(201);
    expect((await signUp({ password: 'p'.repeat(password.max) })).status).toBe(201);
    expectFieldRefused(await signUp({ password: 'p'.repeat(password.min - 1) }), 'password');
    expectFieldRefused(await signUp({ password: 'p'.repeat(password.max + 1) }), 'password');

    expect((await signUp({ displayName: 'n'.repeat(displayName.min) })).status).toBe(201);
    expect((await signUp({ displayName: 'n'.repeat(displayName.max) })).status).toBe(201);
    expectFieldRefused(await signUp({ displayName: 'n'.repeat(displayName.min - 1) }), 'displayName');
    expectFieldRefused(await signUp({ displayName: 'n'.repeat(displayName.max + 1) }), 'displayName');
  });

  it('accepts an email address at the limit and refuses a longer one', async () => {
    const atLimit = emailOfLength(FIELD_LIMITS.email.max);
    expect(atLimit).toHaveLength(FIELD_LIMITS.email.max);
    expect((await signUp({ email: atLimit })).status).toBe(201);
    expectFieldRefused(await signUp({ email: emailOfLength(FIELD_LIMITS.email.max + 1) }), 'email');
  });

  it('accepts organization names at their limits and refuses one character past them', async () => {
    const { organizationName } = FIELD_LIMITS;
    const admin = await makeUser(http());
    const create = (name: string) => http().post('/api/v1/orgs', { name }, admin.token);
    expect((await create('o'.repeat(organizationName.min))).status).toBe(201);
    expect((await create('o'.repeat(organizationName.max))).status).toBe(201);
    expectFieldRefused(await create('o'.repeat(organizationName.min - 1)), 'name');
    expectFieldRefused(await create('o'.repeat(organizationName.max + 1)), 'name');
  });

  it('answers the error codes the admin branches on', async () => {
    const admin = await makeUser(http());
    const taken = await signUp({ email: admin.email });
    expect(taken.status).toBe(409);
    expect((taken.body as ErrorBody).code).toBe(ERROR_CODES.emailTaken);

    const organization = await makeOrganization(http(), admin);
    const invitee = uniqueEmail('codes');
    await makeInvitation(http(), admin, organization.id, invitee, ['mentee']);
    const again = await http().post(
      `/api/v1/orgs/${organization.id}/invitations`,
      { email: invitee, roles: ['mentee'] },
      admin.token,
    );
    expect((again.body as ErrorBody).code).toBe(ERROR_CODES.invitationPending);

    const lastAdmin = await http().delete(`/api/v1/orgs/${organization.id}/members/${admin.id}`, admin.token);
    expect((lastAdmin.body as ErrorBody).code).toBe(ERROR_CODES.lastAdmin);

    const stranger = await makeUser(http());
    const notFound = await http().post(
      `/api/v1/orgs/${organization.id}/invitations/accept`,
      { token: 'x'.repeat(40) },
      stranger.token,
    );
    expect((notFound.body as ErrorBody).code).toBe(ERROR_CODES.invitationNotFound);
  });
});
