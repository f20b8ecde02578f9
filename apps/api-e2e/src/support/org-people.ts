import type { INestApplication } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  type HttpClient,
  makeMember,
  makeOrganization,
  makeUser,
  type SignedUpUser,
  type UserOverrides,
} from '@mentorship/testing';

/** A member's roles, or its roles and what its account overrides (e.g. its display name). */
export type MemberSpec = OrganizationRole[] | { roles: OrganizationRole[]; overrides: UserOverrides };

/**
 * A new organization named `name` with its admin in `people.admin` and, one after the other, a
 * member per entry of `members` in `people[key]`, each invitation accepted with the API's own
 * tokens (as its email link would). Returns the organization's id.
 */
export async function makeOrgWithPeople<K extends string>(
  t: { http: HttpClient; api: { app: INestApplication } },
  name: string,
  people: Record<K | 'admin', SignedUpUser>,
  members: Record<K, MemberSpec>,
): Promise<string> {
  people.admin = await makeUser(t.http);
  const orgId = (await makeOrganization(t.http, people.admin, name)).id;
  const tokens = t.api.app.get(InvitationTokens);
  const accept = (id: string) => tokens.issue(orgId, id);
  for (const [key, spec] of Object.entries(members) as [K, MemberSpec][]) {
    const { roles, overrides } = Array.isArray(spec) ? { roles: spec, overrides: undefined } : spec;
    people[key] = await makeMember(t.http, people.admin, orgId, roles, accept, overrides);
  }
  return orgId;
}
