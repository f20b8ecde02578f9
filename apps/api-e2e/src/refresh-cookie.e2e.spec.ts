import { makeUser, TEST_PASSWORD, useTestApi } from '@mentorship/testing';

/** The browser app's way: the refresh token in an HttpOnly cookie, never in a body. */
describe('the refresh-token cookie', () => {
  const t = useTestApi();

  const call = (
    path: string,
    init: { cookie?: string; origin?: string; header?: boolean; body?: unknown } = {},
  ) =>
    fetch(`${t.api.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(init.header === false ? {} : { 'x-refresh-cookie': '1' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.origin ? { origin: init.origin } : {}),
      },
      body: JSON.stringify(init.body ?? {}),
    });
  /** `mm_refresh=<token>` from a Set-Cookie header, and the header itself. */
  const cookieOf = (response: Response) => {
    const header = response.headers.getSetCookie().find((value) => value.startsWith('mm_refresh=')) ?? '';
    return { header, pair: header.split(';')[0] ?? '' };
  };

  it('is HttpOnly, Secure, SameSite=Strict and scoped to the auth routes, with no token in the body', async () => {
    const user = await makeUser(t.http);
    const signedIn = await call('/api/v1/auth/sign-in', {
      body: { email: user.email, password: TEST_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const body = (await signedIn.json()) as Record<string, unknown>;
    expect(body).toHaveProperty('accessToken');
    expect(body).not.toHaveProperty('refreshToken');
    const { header } = cookieOf(signedIn);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
  });

  it('rotates on refresh, and a reused cookie revokes the family', async () => {
    const user = await makeUser(t.http);
    const first = cookieOf(
      await call('/api/v1/auth/sign-in', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const refreshed = await call('/api/v1/auth/refresh', { cookie: first.pair });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).not.toHaveProperty('refreshToken');
    const second = cookieOf(refreshed);
    expect(second.pair).not.toBe(first.pair);

    const reused = await call('/api/v1/auth/refresh', { cookie: first.pair });
    expect(reused.status).toBe(401);
    // The family is gone: the newest cookie stops working too.
    expect((await call('/api/v1/auth/refresh', { cookie: second.pair })).status).toBe(401);
  });

  it('refuses the cookie without the app header (CSRF) or from another origin', async () => {
    const user = await makeUser(t.http);
    const { pair } = cookieOf(
      await call('/api/v1/auth/sign-in', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    // A cross-site form post can send the cookie but not the header: the cookie is not read.
    const withoutHeader = await call('/api/v1/auth/refresh', { cookie: pair, header: false });
    expect(withoutHeader.status).toBe(401);
    const foreign = await call('/api/v1/auth/refresh', { cookie: pair, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { code: string }).code).toBe('cross_site_refresh');
    // Neither used the token up.
    expect((await call('/api/v1/auth/refresh', { cookie: pair, origin: t.api.baseUrl })).status).toBe(200);
  });

  it('signs out: the cookie is cleared and its family revoked', async () => {
    const user = await makeUser(t.http);
    const { pair } = cookieOf(
      await call('/api/v1/auth/sign-in', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const signedOut = await call('/api/v1/auth/sign-out', { cookie: pair });
    expect(signedOut.status).toBe(204);
    expect(cookieOf(signedOut).header).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await call('/api/v1/auth/refresh', { cookie: pair })).status).toBe(401);
  });
});
