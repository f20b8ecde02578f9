import type { ErrorBody, SessionView, UserView } from '@mentorship/contracts';
import { makeUser, TEST_PASSWORD, useTestApi } from '@mentorship/testing';

describe('authentication', () => {
  const t = useTestApi({ config: { signInFailuresPerAccount: 3, signInFailuresPerAddress: 6 } });

  it('signs up, signs in and reads the signed-in person', async () => {
    const signUp = await t.http.post<SessionView>('/api/v1/auth/sign-up', {
      email: 'Ada@Example.org',
      password: TEST_PASSWORD,
      displayName: 'Ada',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.body.user.email).toBe('ada@example.org');

    const signIn = await t.http.post<SessionView>('/api/v1/auth/sign-in', {
      email: 'ada@example.org',
      password: TEST_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const me = await t.http.get<UserView>('/api/v1/me', signIn.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: signUp.body.user.id, email: 'ada@example.org', displayName: 'Ada' });

    const stored = await t.api.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [me.body.id],
    );
    expect(stored[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same address, whatever its case', async () => {
    await makeUser(t.http, { email: 'twice@example.org' });
    const again = await t.http.post<ErrorBody>('/api/v1/auth/sign-up', {
      email: 'TWICE@example.org',
      password: TEST_PASSWORD,
      displayName: 'Twice',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_taken');
  });

  it('needs a valid access token on signed-in routes', async () => {
    expect((await t.http.get<ErrorBody>('/api/v1/me')).body.code).toBe('unauthenticated');
    const forged = await t.http.get<ErrorBody>('/api/v1/me', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid');
    expect(forged.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  const t = useTestApi();

  it('rotates: each refresh token works once and returns the next', async () => {
    const user = await makeUser(t.http);
    const first = await t.http.post<SessionView>('/api/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    const second = await t.http.post<SessionView>('/api/v1/auth/refresh', {
      refreshToken: first.body.refreshToken,
    });
    expect(second.status).toBe(200);
    expect((await t.http.get('/api/v1/me', second.body.accessToken)).status).toBe(200);
  });

  it('replaying a used refresh token revokes the whole family', async () => {
    const user = await makeUser(t.http);
    const rotated = await t.http.post<SessionView>('/api/v1/auth/refresh', {
      refreshToken: user.refreshToken,
    });
    expect(rotated.status).toBe(200);

    const replay = await t.http.post<ErrorBody>('/api/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('invalid_refresh_token');
    // The legitimate holder's newer token is dead too.
    const newer = await t.http.post<ErrorBody>('/api/v1/auth/refresh', {
      refreshToken: rotated.body.refreshToken,
    });
    expect(newer.status).toBe(401);
    const live = await t.api.db.query(
      'SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [user.id],
    );
    expect(live).toHaveLength(0);
  });

  it('sign-out revokes the session; other sessions of the person keep working', async () => {
    const user = await makeUser(t.http);
    const other = await t.http.post<SessionView>('/api/v1/auth/sign-in', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect((await t.http.post('/api/v1/auth/sign-out', { refreshToken: user.refreshToken })).status).toBe(
      204,
    );
    expect((await t.http.post('/api/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect(
      (await t.http.post('/api/v1/auth/refresh', { refreshToken: other.body.refreshToken })).status,
    ).toBe(200);
  });

  it('rejects an unknown refresh token', async () => {
    const result = await t.http.post<ErrorBody>('/api/v1/auth/refresh', { refreshToken: 'x'.repeat(43) });
    expect(result.status).toBe(401);
  });
});

describe('passwords', () => {
  const t = useTestApi();

  const signUp = (password: string) =>
    t.http.post<ErrorBody>('/api/v1/auth/sign-up', {
      email: `p${Math.random()}@example.test`,
      password,
      displayName: 'P',
    });

  it('accepts 12 to 128 characters and refuses shorter or longer with a clear 400', async () => {
    expect((await signUp('a'.repeat(11))).status).toBe(400);
    const tooLong = await signUp('a'.repeat(129));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('validation_failed');
    expect(JSON.stringify(tooLong.body.details)).toContain('password');
    expect((await signUp('a'.repeat(12))).status).toBe(201);
    expect((await signUp('a'.repeat(128))).status).toBe(201);
    // Characters, not UTF-16 units: 12 emoji are 12 characters.
    expect((await signUp('🙂'.repeat(12))).status).toBe(201);
  });

  it('does not truncate: a password differing only in its last character fails', async () => {
    const password = 'p'.repeat(127) + 'A';
    const user = await makeUser(t.http, { password });
    const wrong = await t.http.post('/api/v1/auth/sign-in', {
      email: user.email,
      password: 'p'.repeat(127) + 'B',
    });
    expect(wrong.status).toBe(401);
    const right = await t.http.post('/api/v1/auth/sign-in', { email: user.email, password });
    expect(right.status).toBe(200);
  });
});

describe('sign-in rate limits', () => {
  const t = useTestApi({ config: { signInFailuresPerAccount: 3, signInFailuresPerAddress: 6 } });

  const signInFrom = (address: string, email: string, password: string) =>
    t.http.request<ErrorBody>('POST', '/api/v1/auth/sign-in', {
      body: { email, password },
      headers: { 'x-forwarded-for': address },
    });

  it('locks the attacked account with 429, not another account', async () => {
    const victim = await makeUser(t.http);
    const bystander = await makeUser(t.http);
    for (let i = 0; i < 3; i++)
      expect((await signInFrom('10.0.0.1', victim.email, 'wrong password!!')).status).toBe(401);

    const locked = await signInFrom('10.0.0.1', victim.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password from elsewhere waits: the account is under attack.
    expect((await signInFrom('10.0.0.2', victim.email, TEST_PASSWORD)).status).toBe(429);
    // Another account is not locked out.
    expect((await signInFrom('10.0.0.3', bystander.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('limits one address spraying many accounts', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => makeUser(t.http)));
    for (const person of people.slice(0, 6)) {
      expect((await signInFrom('10.0.0.9', person.email, 'wrong password!!')).status).toBe(401);
    }
    expect((await signInFrom('10.0.0.9', people[6]!.email, TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom('10.0.0.10', people[6]!.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('treats unknown accounts like known ones', async () => {
    const result = await signInFrom('10.0.0.20', 'nobody@example.test', TEST_PASSWORD);
    expect(result.status).toBe(401);
    expect(result.body.code).toBe('invalid_credentials');
  });
});
