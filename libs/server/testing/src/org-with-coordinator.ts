import type { OrganizationRole } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser, type SignedUpUser, type UserOverrides } from './http';
import type { TestApiHandle } from './start-test-api';

/** The organization a describe block works in; set before its tests run. */
export interface OrgWithCoordinator {
  readonly id: string;
  /** Who created the organization, its admin. */
  readonly admin: SignedUpUser;
  /** A member with the coordinator role, who runs the programs. */
  readonly coordinator: SignedUpUser;
  /** `/api/v1/orgs/:id`, where the organization's routes start. */
  readonly base: string;
  /** The token of this organization's invitation `invitationId`, as its email link carries it. */
  accept(invitationId: string): string;
  /** A new member with `roles`, through the real invitation flow (`makeMember`). */
  member(roles: OrganizationRole[], overrides?: UserOverrides): Promise<SignedUpUser>;
  /**
   * A new cohort of program `programId`, made by the coordinator, running from 1 April 2026 to
   * 30 September 2030 unless `dates` say otherwise; taken out of draft (enrolling) unless `draft`.
   */
  cohort(programId: string, status?: 'draft' | 'enrolling', dates?: CohortDates): Promise<{ id: string }>;
}

/** What a test may say about a cohort's calendar (the API's field names). */
export interface CohortDates {
  startsOn?: string;
  endsOn?: string;
  enrollmentOpensOn?: string;
  enrollmentClosesOn?: string;
}

/**
 * Before the tests of the enclosing describe (after `useTestApi`'s start): a new organization
 * named `name`, its admin, and a coordinator who accepted the admin's invitation.
 */
export function useOrgWithCoordinator(t: TestApiHandle, name: string): OrgWithCoordinator {
  let set: { id: string; admin: SignedUpUser; coordinator: SignedUpUser; tokens: InvitationTokens } | null =
    null;
  const ready = () => {
    if (!set) throw new Error('useOrgWithCoordinator: read before its beforeAll ran');
    return set;
  };
  const org: OrgWithCoordinator = {
    get id() {
      return ready().id;
    },
    get admin() {
      return ready().admin;
    },
    get coordinator() {
      return ready().coordinator;
    },
    get base() {
      return `/api/v1/orgs/${ready().id}`;
    },
    accept: (invitationId) => ready().tokens.issue(ready().id, invitationId),
    member: (roles, overrides = {}) =>
      makeMember(t.http, ready().admin, ready().id, roles, org.accept, overrides),
    cohort: async (programId, status = 'enrolling', dates = {}) => {
      const created = await t.http.post<{ id: string }>(
        `${org.base}/programs/${programId}/cohorts`,
        {
          name: `Cohort ${Math.random().toString(36).slice(2, 8)}`,
          startsOn: '2026-04-01',
          endsOn: '2030-09-30',
          ...dates,
        },
        org.coordinator.token,
      );
      if (created.status !== 201)
        throw new Error(`create cohort failed: ${created.status} ${JSON.stringify(created.body)}`);
      if (status === 'enrolling')
        await t.http.post(`${org.base}/cohorts/${created.body.id}/status`, { status }, org.coordinator.token);
      return created.body;
    },
  };
  beforeAll(async () => {
    const admin = await makeUser(t.http);
    const { id } = await makeOrganization(t.http, admin, name);
    const tokens = t.api.app.get(InvitationTokens);
    const coordinator = await makeMember(t.http, admin, id, ['coordinator'], (invitationId) =>
      tokens.issue(id, invitationId),
    );
    set = { id, admin, coordinator, tokens };
  });
  return org;
}
