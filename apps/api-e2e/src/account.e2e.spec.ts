import type { ErrorBody, SessionView, UserView } from '@mentorship/contracts';
import { makeUser, TEST_PASSWORD, useTestApi, useTestSystem, type ReceivedEmail } from '@mentorship/testing';

const NEW_PASSWORD = 'a brand new passphrase';

/** The reset link in an email as the sink received it (quoted-printable unfolded). */
function resetLinkIn(email: ReceivedEmail): URL {
  const unfolded = email.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return new URL(/http:\/\/admin\.example\.test\/reset-password\?\S+/.exec(unfolded)![0]);
}

describe('forgot password, through the SMTP sink', () => {
  const system = useTestSystem({ config: { publicUrl: 'http://admin.example.test' } });

  const requestReset = (email: string) =>
    system.http.post<ErrorBody>('/api/v1/auth/password-reset', { email });
  const confirm = (token: string, password: string) =>
    system.http.post<ErrorBody>('/api/v1/auth/password-reset/confirm', { token, password });
  const signIn = (email: string, password: string) =>
    system.http.post<SessionView & ErrorBody>('/api/v1/auth/sign-in', { email, password });

  it('emails a single-use link that sets a new password and ends every session', async () => {
    const ada = await makeUser(system.http, { email: 'ada-reset@example.test' });
    const asked = await requestReset('ADA-reset@example.test');
    expect(asked.status).toBe(202);

    const email = await system.sink.waitFor((m) => m.to.includes(ada.email));
    expect(email.raw).toContain('Subject: Reset your Mentorship Map password');
    const token = resetLinkIn(email).searchParams.get('token')!;
    // Only the token's hash is stored.
    const stored = await system.api.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM password_resets WHERE user_id = $1',
      [ada.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);

    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
    expect((await signIn(ada.email, NEW_PASSWORD)).status).toBe(200);
    expect((await signIn(ada.email, TEST_PASSWORD)).body.code).toBe('invalid_credentials');
    // The session from before the reset is over.
    const refreshed = await system.http.post<ErrorBody>('/api/v1/auth/refresh', {
      refreshToken: ada.refreshToken,
    });
    expect(refreshed.status).toBe(401);

    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('invalid_reset_token');
    expect((await signIn(ada.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await makeUser(system.http, { email: 'known-reset@example.test' });
    const unknown = await requestReset('nobody-here@example.test');
    const forKnown = await requestReset(known.email);
    expect(unknown.status).toBe(202);
    expect(unknown.status).toBe(forKnown.status);
    expect(unknown.body).toEqual(forKnown.body);
    await system.sink.waitFor((m) => m.to.includes(known.email));
    expect(system.sink.messages.filter((m) => m.to.includes('nobody-here@example.test'))).toEqual([]);
  });

  it('refuses an expired link and a forged one', async () => {
    const grace = await makeUser(system.http, { email: 'grace-reset@example.test' });
    await requestReset(grace.email);
    const token = resetLinkIn(await system.sink.waitFor((m) => m.to.includes(grace.email))).searchParams.get(
      'token',
    )!;
    await system.api.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [grace.id],
    );
    expect((await confirm(token, NEW_PASSWORD)).body.code).toBe('invalid_reset_token');
    expect((await confirm('x'.repeat(43), NEW_PASSWORD)).body.code).toBe('invalid_reset_token');
    expect((await signIn(grace.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('sends at most three links an hour to one address, and still answers the same', async () => {
    const linus = await makeUser(system.http, { email: 'linus-reset@example.test' });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await requestReset(linus.email)).status);
    expect(answers).toEqual([202, 202, 202, 202]);
    const [row] = await system.api.db.query<{ links: string }>(
      'SELECT count(*)::text AS links FROM password_resets WHERE user_id = $1',
      [linus.id],
    );
    expect(row?.links).toBe('3');
  });
});

describe('forgot password, from one network address', () => {
  const t = useTestApi();

  it('is refused with 429 after ten requests an hour', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        (await t.http.post('/api/v1/auth/password-reset', { email: `probe-${i}@example.test` })).status,
      );
    expect(answers).toEqual(Array(10).fill(202));
    const refused = await t.http.post<ErrorBody>('/api/v1/auth/password-reset', {
      email: 'probe@example.test',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_attempts');
  });
});

describe('my account', () => {
  const t = useTestApi();

  it('changes the password with the current one, ending the other sessions only', async () => {
    const ada = await makeUser(t.http);
    const otherDevice = await t.http.post<SessionView>('/api/v1/auth/sign-in', {
      email: ada.email,
      password: TEST_PASSWORD,
    });
    const wrong = await t.http.post<ErrorBody>(
      '/api/v1/me/password',
      { currentPassword: 'not my password', newPassword: NEW_PASSWORD },
      ada.token,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_password');

    const changed = await t.http.post<SessionView>(
      '/api/v1/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      ada.token,
    );
    expect(changed.status).toBe(200);
    for (const refreshToken of [ada.refreshToken, otherDevice.body.refreshToken])
      expect((await t.http.post('/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
    // This device goes on with the session it was given.
    expect(
      (await t.http.post('/api/v1/auth/refresh', { refreshToken: changed.body.refreshToken })).status,
    ).toBe(200);
    expect(
      (await t.http.post('/api/v1/auth/sign-in', { email: ada.email, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });

  it('edits my name, refusing null, blank and unknown fields', async () => {
    const ada = await makeUser(t.http, { displayName: 'Ada' });
    const renamed = await t.http.patch<UserView>('/api/v1/me', { displayName: '  Ada Lovelace ' }, ada.token);
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('Ada Lovelace');
    expect((await t.http.get<UserView>('/api/v1/me', ada.token)).body.displayName).toBe('Ada Lovelace');
    for (const body of [
      { displayName: null },
      { displayName: '   ' },
      { displayName: 'x'.repeat(101) },
      { email: 'x@y.z' },
    ]) {
      const refused = await t.http.patch<ErrorBody>('/api/v1/me', body, ada.token);
      expect(refused.status).toBe(400);
    }
    const [row] = await t.api.db.query<{ display_name: string }>(
      'SELECT display_name FROM users WHERE id = $1',
      [ada.id],
    );
    expect(row?.display_name).toBe('Ada Lovelace');
    expect((await t.http.patch('/api/v1/me', { displayName: 'Nobody' })).status).toBe(401);
  });
});
