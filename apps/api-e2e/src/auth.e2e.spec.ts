import type { ErrorBody, SessionView, UserView } from '@mentorship/contracts';
import { HttpClient, makeUser, startTestApi, TEST_PASSWORD, TestApi } from '@mentorship/testing';

describe('authentication', () => {
  let api: TestApi;
  let http: HttpClient;

  beforeAll(async () => {
    api = await startTestApi({ config: { signInFailuresPerAccount: 3, signInFailuresPerAddress: 6 } });
    http = new HttpClient(api.baseUrl);
  });
  afterAll(() => api.close());

  it('signs up, signs in and reads the signed-in person', async () => {
    const signUp = await http.post<SessionView>('/api/v1/auth/sign-up', {
      email: 'Ada@Example.org',
      password: TEST_PASSWORD,
      displayName: 'Ada',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.body.user.email).toBe('ada@example.org');

    const signIn = await http.post<SessionView>('/api/v1/auth/sign-in', { email: 'ada@example.org', password: TEST_PASSWORD });
    expect(signIn.status).toBe(200);
    const me = await http.get<UserView>('/api/v1/me', signIn.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: signUp.body.user.id, email: 'ada@example.org', displayName: 'Ada' });

    const stored = await api.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [me.body.id]);
    expect(stored[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same address, whatever its case', async () => {
    await makeUser(http, { email: 'twice@example.org' });
    const again = await http.post<ErrorBody>('/api/v1/auth/sign-up', {
      email: 'TWICE@example.org',
      password: TEST_PASSWORD,
      displayName: 'Twice',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_taken');
  });

  it('needs a valid access token on signed-in routes', async () => {
    expect((await http.get<ErrorBody>('/api/v1/me')).body.code).toBe('unauthenticated');
    const forged = await http.get<ErrorBody>('/api/v1/me', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid');
    expect(forged.status).toBe(401);
  });
});
