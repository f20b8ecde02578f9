import { makeUser, TestApiHandle, useTestApi } from '@mentorship/testing';

const ADMIN_ORIGIN = 'https://admin.example.org';

/** What a browser asks before a cross-origin PATCH with a token. */
const preflight = (t: TestApiHandle, origin: string) =>
  t.http.request('OPTIONS', '/api/v1/orgs', {
    headers: {
      origin,
      'access-control-request-method': 'PATCH',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('CORS', () => {
  describe('by default', () => {
    const t = useTestApi();

    it('is closed: no page of another origin may read an answer or pass a preflight', async () => {
      const user = await makeUser(t.http);
      const read = await t.http.request('GET', '/api/v1/me', {
        token: user.token,
        headers: { origin: ADMIN_ORIGIN },
      });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
      const asked = await preflight(t, ADMIN_ORIGIN);
      expect(asked.headers.get('access-control-allow-origin')).toBeNull();
      expect(asked.headers.get('access-control-allow-methods')).toBeNull();
    });
  });

  describe('with CORS_ORIGINS', () => {
    const t = useTestApi({ config: { corsOrigins: [ADMIN_ORIGIN, 'http://localhost:4200'] } });

    it('lets the listed origins in, with the methods and headers the API uses', async () => {
      const asked = await preflight(t, ADMIN_ORIGIN);
      expect(asked.status).toBe(204);
      expect(asked.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
      expect(asked.headers.get('access-control-allow-methods')).toContain('PATCH');
      expect(asked.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(asked.headers.get('access-control-allow-credentials')).toBeNull();

      const user = await makeUser(t.http);
      const read = await t.http.request('GET', '/api/v1/me', {
        token: user.token,
        headers: { origin: 'http://localhost:4200' },
      });
      expect(read.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
      expect(read.headers.get('vary')).toContain('Origin');
    });

    it('keeps every other origin out', async () => {
      for (const origin of ['https://evil.example', 'https://admin.example.org.evil.example', 'null']) {
        const asked = await preflight(t, origin);
        expect({ origin, allowed: asked.headers.get('access-control-allow-origin') }).toEqual({
          origin,
          allowed: null,
        });
      }
    });
  });
});
