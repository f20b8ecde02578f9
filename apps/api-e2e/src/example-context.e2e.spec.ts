import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrganizationView } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  HttpClient,
  makeMember,
  makeOrganization,
  makeUser,
  SignedUpUser,
  TestApi,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';
import { kudosContext } from './example-context/kudos';

const PLATFORM_SRC = join(__dirname, '../../../libs/server/platform/src');

function filesBelow(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * DEVELOPMENT.md's "Adding a bounded context", done: `example-context/kudos` is a context of its
 * own (module, controller, service, exception, entity, DTO, repository, job, migration, audit
 * actions, registration) composed next to the product's with no file of libs/server/platform
 * changed. Its table gets RLS from the platform's helper, its queries the tenant from the
 * repository base, its audit rows the caller, its job the outbox, the worker and validation.
 */
describe('an example bounded context (kudos)', () => {
  const system = useTestSystem({ extraContexts: [kudosContext] });
  let api: TestApi;
  let http: HttpClient;
  let admin: SignedUpUser;
  let mentor: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    ({ api, http } = system);
    const tokens = api.app.get(InvitationTokens);
    admin = await makeUser(http);
    org = await makeOrganization(http, admin, 'Kudos Org');
    mentor = await makeMember(http, admin, org.id, ['mentor'], (id) => tokens.issue(org.id, id));
  });

  it('gets its table from its own migration, with row-level security enabled and forced', async () => {
    expect(
      await api.db.query(`SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'kudos'`),
    ).toEqual([{ relrowsecurity: true, relforcerowsecurity: true }]);
  });

  it('serves its routes for members, writes in the tenant with the caller, and runs its job once committed', async () => {
    const given = await http.post<{ id: string }>(
      `/api/v1/orgs/${org.id}/kudos`,
      { toUserId: mentor.id, message: 'Thanks for the review!' },
      admin.token,
    );
    expect(given.status).toBe(201);
    const received = await http.get(`/api/v1/orgs/${org.id}/kudos/mine`, mentor.token);
    expect(received.body).toEqual([
      { id: given.body.id, fromUserId: admin.id, toUserId: mentor.id, message: 'Thanks for the review!' },
    ]);
    expect(
      await api.db.query(
        `SELECT actor_user_id, action, target_id FROM audit_events WHERE action = 'kudos.given'`,
      ),
    ).toEqual([{ actor_user_id: admin.id, action: 'kudos.given', target_id: given.body.id }]);
    await waitFor(async () => {
      const [row] = await api.db.query<{ announced_at: Date | null }>(
        'SELECT announced_at FROM kudos WHERE id = $1',
        [given.body.id],
      );
      return row?.announced_at != null;
    }, 'the kudos announcement job');
  });

  it('answers its own error code, and another organization gets 404', async () => {
    const toSelf = await http.post(
      `/api/v1/orgs/${org.id}/kudos`,
      { toUserId: admin.id, message: 'Me!' },
      admin.token,
    );
    expect({ status: toSelf.status, code: (toSelf.body as { code: string }).code }).toEqual({
      status: 400,
      code: 'kudos_to_self',
    });
    const outsider = await makeUser(http);
    await makeOrganization(http, outsider, 'Elsewhere');
    expect((await http.get(`/api/v1/orgs/${org.id}/kudos/mine`, outsider.token)).status).toBe(404);
  });

  it('is unknown to the platform, which names no table any context creates', () => {
    const tables = system.services.contexts
      .flatMap((context) => filesBelow(context.migrations.directory))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!));
    expect(tables).toEqual(expect.arrayContaining(['kudos', 'memberships', 'users']));
    const platformCode = filesBelow(PLATFORM_SRC)
      .map((file) => readFileSync(file, 'utf8'))
      // What the platform says in its comments is prose; only its code could depend on a table.
      .map((source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''))
      .join('\n');
    // A table is named where SQL reaches it (or a repository binds to it), not in prose such as
    // the API's description ("mentoring programs").
    const reaches = (table: string) =>
      new RegExp(`\\b(from|join|into|update|table|references|on)\\s+"?${table}\\b|['"\`]${table}['"\`]`, 'i');
    const named = tables.filter((table) => reaches(table).test(platformCode));
    expect(named).toEqual([]);
  });
});
