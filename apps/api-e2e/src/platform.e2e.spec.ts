import type { ErrorBody } from '@mentorship/contracts';
import { makeOrganization, makeUser, SignedUpUser, useTestApi } from '@mentorship/testing';
import { DataSource } from 'typeorm';

describe('platform', () => {
  const t = useTestApi({ config: { bodyLimit: '2kb' } });
  let admin: SignedUpUser;
  let orgId: string;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    orgId = (await makeOrganization(t.http, admin)).id;
  });

  const expectErrorBody = (body: unknown, statusCode: number, code: string) => {
    expect(body).toEqual({ statusCode, code, message: expect.any(String), details: null });
  };

  it('answers liveness and readiness (Postgres and Redis)', async () => {
    expect((await t.http.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get<{ status: string; info: Record<string, unknown> }>('/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info).sort()).toEqual(['postgres', 'redis']);
  });

  it('serves the OpenAPI document with the tenant routes', async () => {
    const doc = await t.http.get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/docs/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orgs/{orgId}/members', '/api/v1/auth/sign-in']),
    );
    expect((await t.http.get('/api/docs')).status).toBe(200);
  });

  it('uses one error body for unknown routes, bad JSON, validation and oversize bodies', async () => {
    const missing = await t.http.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 404, 'not_found');

    const malformed = await t.http.request('POST', '/api/v1/auth/sign-in', { rawBody: '{"email": ' });
    expect(malformed.status).toBe(400);
    expectErrorBody(malformed.body, 400, 'malformed_json');

    const huge = await t.http.post('/api/v1/auth/sign-in', {
      email: 'a@example.test',
      password: 'x'.repeat(5000),
    });
    expect(huge.status).toBe(413);
    expectErrorBody(huge.body, 413, 'payload_too_large');
  });

  it('rejects unknown properties, top-level and nested, with 400 and the field named', async () => {
    const extra = await t.http.post<ErrorBody>(
      '/api/v1/orgs',
      { name: 'Fine name', isAdmin: true },
      admin.token,
    );
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('validation_failed');
    expect(JSON.stringify(extra.body.details)).toContain('isAdmin');

    const nested = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${orgId}/invitations`,
      { email: 'n@example.test', roles: [{ admin: true }] },
      admin.token,
    );
    expect(nested.status).toBe(400);

    const wrongType = await t.http.post<ErrorBody>('/api/v1/auth/sign-in', { email: ['a'], password: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
    );

    const notAnObject = await t.http.request<ErrorBody>('POST', '/api/v1/orgs', {
      rawBody: '"just a string"',
      token: admin.token,
    });
    expect(notAnObject.status).toBe(400);
    const stored = await t.api.db.query(`SELECT 1 FROM organizations WHERE name = 'Fine name'`);
    expect(stored).toHaveLength(0);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.http.request('GET', '/health', { headers: { 'x-request-id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const made = await t.http.get('/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never synchronizes the schema from entities', () => {
    const options = t.api.app.get(DataSource).options;
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
  });
});
