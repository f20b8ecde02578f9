import type {
  ErrorBody,
  InvitationView,
  OrganizationRole,
  OrganizationView,
  SessionView,
} from '@mentorship/contracts';
import { randomBytes } from 'node:crypto';
import type { TestDatabase } from './test-database';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client for tests: real requests, real tokens, JSON in and out. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: {
      token?: string;
      body?: unknown;
      /** Sent as it is: malformed JSON, or compressed bytes with a Content-Encoding header. */
      rawBody?: string | Uint8Array;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }
  post<T = unknown>(path: string, body: unknown, token?: string) {
    return this.request<T>('POST', path, { body, token });
  }
  put<T = unknown>(path: string, body: unknown, token?: string) {
    return this.request<T>('PUT', path, { body, token });
  }
  patch<T = unknown>(path: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', path, { body, token });
  }
  delete<T = unknown>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }
  /** Uploads `file` as the body, the way a browser sends a CSV file (`text/csv`). */
  postCsv<T = unknown>(path: string, file: string | Uint8Array, token?: string) {
    return this.request<T>('POST', path, { rawBody: file, token, headers: { 'content-type': 'text/csv' } });
  }
}

export type ErrorResult = HttpResult<ErrorBody>;

export const TEST_PASSWORD = 'correct horse battery staple';

export interface SignedUpUser {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

/** What a test may say about a person; everything else gets a default. */
export interface UserOverrides {
  email?: string;
  displayName?: string;
  password?: string;
}

/** A person with an account; only what a test cares about needs saying. */
export async function makeUser(http: HttpClient, overrides: UserOverrides = {}): Promise<SignedUpUser> {
  const email = overrides.email ?? `person-${randomBytes(4).toString('hex')}@example.test`;
  const result = await http.post<SessionView>('/api/v1/auth/sign-up', {
    email,
    password: overrides.password ?? TEST_PASSWORD,
    displayName: overrides.displayName ?? 'Test Person',
  });
  // Without the browser app's X-Refresh-Cookie header the token comes in the body.
  if (result.status !== 201 || !result.body.refreshToken)
    throw new Error(`sign-up failed: ${result.status} ${JSON.stringify(result.body)}`);
  return {
    id: result.body.user.id,
    email: result.body.user.email,
    token: result.body.accessToken,
    refreshToken: result.body.refreshToken,
  };
}

/** An organization whose admin is `admin`. */
export async function makeOrganization(
  http: HttpClient,
  admin: SignedUpUser,
  name = 'Test Org',
): Promise<OrganizationView> {
  const result = await http.post<OrganizationView>('/api/v1/orgs', { name }, admin.token);
  if (result.status !== 201)
    throw new Error(`create organization failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** A pending invitation of `email` with `roles`, sent by `admin`. */
export async function makeInvitation(
  http: HttpClient,
  admin: SignedUpUser,
  organizationId: string,
  email: string,
  roles: OrganizationRole[],
): Promise<InvitationView> {
  const invitation = await http.post<InvitationView>(
    `/api/v1/orgs/${organizationId}/invitations`,
    { email, roles },
    admin.token,
  );
  if (invitation.status !== 201)
    throw new Error(`invite failed: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  return invitation.body;
}

/**
 * Adds a new member with `roles` through the real invitation flow (invite, accept),
 * so the member exists exactly as it would in production. `overrides` describe the member.
 */
export async function makeMember(
  http: HttpClient,
  admin: SignedUpUser,
  organizationId: string,
  roles: OrganizationRole[],
  acceptToken: (invitationId: string) => string,
  overrides: UserOverrides = {},
): Promise<SignedUpUser> {
  const member = await makeUser(http, overrides);
  const invitation = await makeInvitation(http, admin, organizationId, member.email, roles);
  const accepted = await http.post(
    `/api/v1/orgs/${organizationId}/invitations/accept`,
    { token: acceptToken(invitation.id) },
    member.token,
  );
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return member;
}

/** What a member made in bulk looks like to a test. */
export interface BulkMember {
  id: string;
  email: string;
  displayName: string;
}

/**
 * `count` members of an organization in two statements, as the superuser (volume tests and
 * benchmarks: signing up 10,000 people one by one would take minutes of password hashing).
 * Their accounts have no usable password.
 */
export async function makeMembersInBulk(
  db: Pick<TestDatabase, 'query'>,
  organizationId: string,
  count: number,
  prefix: string,
  roles: OrganizationRole[] = ['mentee'],
): Promise<BulkMember[]> {
  const people = await db.query<BulkMember & Record<string, unknown>>(
    `INSERT INTO users (id, email, display_name, password_hash)
     SELECT gen_random_uuid(), $1 || '-' || lpad(i::text, 6, '0') || '@example.test', initcap($1) || ' ' || i, 'no-password'
       FROM generate_series(1, $2::int) AS i
     RETURNING id, email, display_name AS "displayName"`,
    [prefix, count],
  );
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, roles) SELECT $1, unnest($2::uuid[]), $3::text[]`,
    [organizationId, people.map((person) => person.id), roles],
  );
  return people.sort((a, b) => a.email.localeCompare(b.email));
}
