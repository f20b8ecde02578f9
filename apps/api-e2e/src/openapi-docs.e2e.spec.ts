import { useTestApi } from '@mentorship/testing';

interface Operation {
  summary?: string;
  responses?: Record<string, unknown>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** Probes answer 200 or 503 and take no input: they have no 4xx to document. */
const PROBES = ['/health', '/ready'];

describe('the OpenAPI document describes every operation', () => {
  const t = useTestApi();

  it('gives each operation a summary and its 4xx answers, so a new route cannot skip them', async () => {
    const document = (await t.http.get<Document>('/api/docs/openapi.json')).body;
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      })),
    );
    expect(operations.length).toBeGreaterThan(50);
    const withoutSummary = operations
      .filter(({ operation }) => !operation.summary?.trim())
      .map(({ name }) => name);
    const withoutErrors = operations
      .filter(({ path }) => !PROBES.includes(path))
      .filter(
        ({ operation }) => !Object.keys(operation.responses ?? {}).some((status) => /^4\d\d$/.test(status)),
      )
      .map(({ name }) => name);
    expect({ withoutSummary, withoutErrors }).toEqual({ withoutSummary: [], withoutErrors: [] });
  });

  it('names the stable error codes of every 4xx answer of every operation, with the error body', async () => {
    const document = (await t.http.get<Document>('/api/docs/openapi.json')).body;
    const unnamed = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.entries(operation.responses ?? {})
          .filter(([status]) => /^4\d\d$/.test(status))
          .filter(([, response]) => {
            const text = JSON.stringify(response);
            return !/Codes: `[a-z_]+`/.test(text) || !text.includes('ErrorBodyDto');
          })
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(unnamed).toEqual([]);
    const roster = document.paths['/api/v1/orgs/{orgId}/cohorts/{cohortId}/participants']?.['get'];
    expect(JSON.stringify(roster?.responses?.['403'])).toContain('forbidden_role');
    expect(JSON.stringify(roster?.responses?.['404'])).toContain('cohort_not_found');
  });

  it('names the error codes of the account and organization routes', async () => {
    const document = (await t.http.get<Document>('/api/docs/openapi.json')).body;
    const invite = document.paths['/api/v1/orgs/{orgId}/invitations']?.['post'];
    expect(JSON.stringify(invite?.responses?.['403'])).toContain('role_not_grantable');
    expect(JSON.stringify(invite?.responses?.['409'])).toContain('invitation_pending');
  });
});

describe('API_DOCS=off', () => {
  const t = useTestApi({ config: { apiDocs: 'off' } });

  it('publishes neither the document nor its explorer', async () => {
    expect((await t.http.get('/api/docs/openapi.json')).status).toBe(404);
    expect((await t.http.get('/api/docs')).status).toBe(404);
    // The API itself is untouched.
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
