import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeInvitation, makeMember, makeOrganization, makeUser, useTestApi } from '@mentorship/testing';
import { storedState } from './support/stored-state';
import {
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
} from './support/openapi-operations';

/** One body field, by its dotted path (`settings.criteria.weights`), and whether null means something there. */
interface BodyField {
  path: string[];
  nullable: boolean;
}

/** Every property of a body schema, nested objects included (not inside arrays). */
function fieldsOf(schema: JsonSchema, parent: string[] = []): BodyField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = [...parent, name];
    return [{ path, nullable: property.nullable === true }, ...fieldsOf(property, path)];
  });
}

/** `{ a: { b: null } }` for the path a.b. */
function nullAt(path: string[]): Record<string, unknown> {
  return path.reduceRight<unknown>((inner, name) => ({ [name]: inner }), null) as Record<string, unknown>;
}

/**
 * `null` in a body field that may be left out but is not nullable was once waved through by
 * `@IsOptional()` to a NOT NULL column: a 500. Walks every JSON body field of every tenant
 * operation in the API's own OpenAPI document (so a new route is covered without being listed):
 * a non-nullable field sent as null is a 400 naming that field and writes nothing; a nullable one
 * is never a 5xx.
 */
describe('null in body fields', () => {
  const t = useTestApi();
  let operations: Operation[];
  let adminToken: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const document = await t.http.get<OpenApiDocument>('/api/docs/openapi.json');
    operations = operationsOf(document.body).filter(
      (operation) => operation.path.includes('{orgId}') && operation.body && !operation.takesCsv,
    );
    const admin = await makeUser(t.http);
    adminToken = admin.token;
    const orgId = (await makeOrganization(t.http, admin, 'Null Org')).id;
    const tokens = t.api.app.get(InvitationTokens);
    const mentee = await makeMember(t.http, admin, orgId, ['mentee'], (id) => tokens.issue(orgId, id));
    const pending = await makeInvitation(t.http, admin, orgId, 'pending@example.test', ['mentor']);
    const base = `/api/v1/orgs/${orgId}`;
    const skill = await t.http.post<{ id: string }>(`${base}/skills`, { name: 'Go' }, admin.token);
    const program = await t.http.post<{ id: string }>(
      `${base}/programs`,
      { name: 'Null program' },
      admin.token,
    );
    const cohort = await t.http.post<{ id: string }>(
      `${base}/programs/${program.body.id}/cohorts`,
      { name: 'Null cohort', startsOn: '2026-04-01', endsOn: '2026-09-30' },
      admin.token,
    );
    await t.http.post(`${base}/cohorts/${cohort.body.id}/status`, { status: 'enrolling' }, admin.token);
    const participant = await t.http.post<{ id: string }>(
      `${base}/cohorts/${cohort.body.id}/participants`,
      { email: mentee.email, role: 'mentee' },
      admin.token,
    );
    const imported = await t.http.postCsv<{ id: string }>(
      `${base}/cohorts/${cohort.body.id}/imports`,
      'email,name,role\nnull@example.test,Null,mentor\n',
      admin.token,
    );
    Object.assign(ids, {
      orgId,
      userId: mentee.id,
      invitationId: pending.id,
      skillId: skill.body.id,
      programId: program.body.id,
      cohortId: cohort.body.id,
      participantId: participant.body.id,
      importId: imported.body.id,
      // Body validation answers before any lookup: ids of nothing stored are enough here.
      requestId: randomUUID(),
      roundId: randomUUID(),
      matchId: randomUUID(),
    });
  });

  const fill = (path: string) =>
    path.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const id = ids[name];
      if (!id) throw new Error(`no id for ${whole} in ${path}: add one to the test's ids`);
      return id;
    });

  it('covers the people and programs bodies', () => {
    const names = operations.map((operation) => `${operation.method} ${operation.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'PATCH /api/v1/orgs/{orgId}/profiles/me',
        'PATCH /api/v1/orgs/{orgId}/skills/{skillId}',
        'POST /api/v1/orgs/{orgId}/programs',
        'PATCH /api/v1/orgs/{orgId}/programs/{programId}',
        'POST /api/v1/orgs/{orgId}/programs/{programId}/cohorts',
        'PATCH /api/v1/orgs/{orgId}/cohorts/{cohortId}',
        'POST /api/v1/orgs/{orgId}/cohorts/{cohortId}/participants',
        'POST /api/v1/orgs/{orgId}/cohorts/{cohortId}/participation',
      ]),
    );
    const fields = operations.flatMap((operation) => fieldsOf(operation.body!));
    expect(fields.filter((field) => !field.nullable).length).toBeGreaterThan(40);
  });

  it('refuses null in a field that is not nullable with 400 naming the field, and writes nothing', async () => {
    const before = await storedState(t.api.db);
    const answers: { case: string; status: number; code: string; named: boolean }[] = [];
    for (const operation of operations) {
      for (const field of fieldsOf(operation.body!).filter((f) => !f.nullable)) {
        const answer = await t.http.request<ErrorBody>(operation.method, fill(operation.path), {
          token: adminToken,
          body: nullAt(field.path),
        });
        const named = ((answer.body.details as { field: string }[] | null) ?? []).some(
          (problem) => problem.field === field.path.join('.'),
        );
        answers.push({
          case: `${operation.method} ${operation.path} ${field.path.join('.')}`,
          status: answer.status,
          code: answer.body.code,
          named,
        });
      }
    }
    expect(answers).toEqual(
      answers.map((answer) => ({ case: answer.case, status: 400, code: 'validation_failed', named: true })),
    );
    expect(await storedState(t.api.db)).toEqual(before);
  });

  it('never answers 5xx to null in a nullable field', async () => {
    const answers: { case: string; status: number }[] = [];
    for (const operation of operations) {
      for (const field of fieldsOf(operation.body!).filter((f) => f.nullable)) {
        const answer = await t.http.request(operation.method, fill(operation.path), {
          token: adminToken,
          body: nullAt(field.path),
        });
        answers.push({
          case: `${operation.method} ${operation.path} ${field.path.join('.')}`,
          status: answer.status,
        });
      }
    }
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
  });
});
