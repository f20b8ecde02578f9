import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionView } from '@mentorship/contracts';
import { HttpResult, makeUser, TEST_PASSWORD, useTestApi } from '@mentorship/testing';

const ROOT = join(__dirname, '../../..');
const NGINX_CONF = readFileSync(join(ROOT, 'infra/docker/nginx.conf'), 'utf8');
const NGINX_HEADERS = readFileSync(join(ROOT, 'infra/docker/nginx-security-headers.conf'), 'utf8');
const ADMIN_DOCKERFILE = readFileSync(join(ROOT, 'infra/docker/admin.Dockerfile'), 'utf8');

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
];

/** `add_header Name "value" always;` lines of the nginx snippet, by lower-cased name. */
function nginxHeaders(): Record<string, string> {
  const lines = [...NGINX_HEADERS.matchAll(/^add_header (\S+) "(.*)" always;$/gm)];
  return Object.fromEntries(lines.map(([, name, value]) => [name!.toLowerCase(), value!]));
}

describe('security headers', () => {
  const t = useTestApi({ serveAdmin: true });

  const headersOf = (result: HttpResult) => Object.fromEntries(result.headers.entries());

  it('are on every response: JSON, errors, the admin app and the API reference', async () => {
    const admin = await makeUser(t.http);
    const answers = {
      health: await t.http.get('/health'),
      me: await t.http.get('/api/v1/me', admin.token),
      unauthenticated: await t.http.get('/api/v1/me'),
      notFound: await t.http.get('/api/v1/nothing-here'),
      invalid: await t.http.post('/api/v1/auth/sign-in', { email: 'x' }),
      malformed: await t.http.request('POST', '/api/v1/auth/sign-in', { rawBody: '{' }),
      admin: await t.http.get('/orgs/new'),
      docs: await t.http.get('/api/docs'),
    };
    const statuses = Object.fromEntries(
      Object.entries(answers).map(([what, result]) => [what, result.status]),
    );
    expect(statuses).toEqual({
      health: 200,
      me: 200,
      unauthenticated: 401,
      notFound: 404,
      invalid: 400,
      malformed: 400,
      admin: 200,
      docs: 200,
    });
    for (const [what, result] of Object.entries(answers)) {
      const headers = headersOf(result);
      expect({ what, headers }).toEqual({
        what,
        headers: expect.objectContaining({
          'content-security-policy': expect.stringContaining("script-src 'self';"),
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        }),
      });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keep responses that carry tokens, and every API answer, out of every cache', async () => {
    const user = await makeUser(t.http);
    const signIn = await t.http.post<SessionView>('/api/v1/auth/sign-in', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    const refresh = await t.http.post('/api/v1/auth/refresh', { refreshToken: signIn.body.refreshToken });
    const signUp = await t.http.post('/api/v1/auth/sign-up', {
      email: `cache-${Date.now()}@example.test`,
      password: TEST_PASSWORD,
      displayName: 'Cache Test',
    });
    expect([signIn.status, refresh.status, signUp.status]).toEqual([200, 200, 201]);
    for (const result of [signIn, refresh, signUp, await t.http.get('/api/v1/orgs', user.token)])
      expect(result.headers.get('cache-control')).toBe('no-store');
    // The admin app's own files keep their caching.
    expect((await t.http.get('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('send HSTS only over HTTPS (here: a trusted proxy on loopback says so)', async () => {
    const overHttps = await t.http.request('GET', '/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await t.http.get('/health')).headers.get('strict-transport-security')).toBeNull();
  });

  it('are the same from nginx, which serves the admin app in docker compose', async () => {
    const fromApi = headersOf(await t.http.get('/orgs/new'));
    const fromNginx = nginxHeaders();
    expect(Object.keys(fromNginx)).toEqual(expect.arrayContaining(SECURITY_HEADERS));
    for (const [name, value] of Object.entries(fromNginx))
      expect({ name, value }).toEqual({ name, value: fromApi[name] });
    const helmetHeaders = Object.keys(fromApi).filter((name) =>
      /^(content-security-policy|cross-origin-|origin-agent-cluster|referrer-policy|x-)/.test(name),
    );
    expect(Object.keys(fromNginx).sort()).toEqual(
      helmetHeaders.filter((name) => name !== 'x-request-id').sort(),
    );
    // HSTS is a variable there, empty (so not sent) unless the request came over HTTPS.
    expect(NGINX_HEADERS).toMatch(/^add_header Strict-Transport-Security \$hsts always;$/m);

    // Every location that serves files includes the snippet; the image puts it where they look.
    const locations = NGINX_CONF.split(/\n\s*location /).slice(1);
    const serving = locations.filter((block) => !block.startsWith('^~ /api/'));
    expect(serving.length).toBe(2);
    for (const block of serving)
      expect(block).toContain('include /etc/nginx/snippets/security-headers.conf;');
    expect(ADMIN_DOCKERFILE).toContain(
      'COPY infra/docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf',
    );
    expect(NGINX_CONF).toMatch(/map \$scheme \$hsts \{\s+https "max-age=31536000; includeSubDomains";/);
  });
});
