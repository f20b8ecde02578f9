import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { ErrorBody, OrganizationView, Page } from '@mentorship/contracts';
import {
  ErrorResult,
  HttpResult,
  makeOrganization,
  makeUser,
  SignedUpUser,
  TEST_PASSWORD,
  useTestApi,
} from '@mentorship/testing';
import { storedState } from './support/stored-state';

/**
 * Input an attacker would send: each answered 500 once. Now each is a 4xx with the stable
 * error body, and the database holds exactly what it held before the request.
 */
describe('hostile input', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let orgId: string;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    orgId = (await makeOrganization(t.http, admin)).id;
  });

  /** Sends, expects the refusal, and checks that not one row anywhere changed. */
  async function expectRefused(
    send: () => Promise<HttpResult<unknown>>,
    statusCode: number,
    code: string,
  ): Promise<ErrorBody> {
    const before = await storedState(t.api.db);
    const result = (await send()) as ErrorResult;
    expect({ status: result.status, code: result.body.code }).toEqual({ status: statusCode, code });
    expect(Object.keys(result.body).sort()).toEqual(['code', 'details', 'message', 'statusCode']);
    expect(result.body.statusCode).toBe(statusCode);
    expect(await storedState(t.api.db)).toEqual(before);
    return result.body;
  }

  const json = (method: string, path: string, rawBody: string | Uint8Array, headers = {}) =>
    t.http.request(method, path, { rawBody, token: admin.token, headers });

  describe('a NUL character in any text', () => {
    const cases: [string, () => Promise<HttpResult<unknown>>, string][] = [
      [
        'the sign-in email (no token needed)',
        () => t.http.post('/api/v1/auth/sign-in', { email: '\u0000', password: 'xxxxxxxx' }),
        'email',
      ],
      [
        'the sign-up displayName',
        () =>
          t.http.post('/api/v1/auth/sign-up', {
            email: 'nul@example.test',
            password: TEST_PASSWORD,
            displayName: 'Ada\u0000Lovelace',
          }),
        'displayName',
      ],
      [
        'an organization name',
        () => t.http.post('/api/v1/orgs', { name: 'Acme\u0000' }, admin.token),
        'name',
      ],
      [
        'an item of a list in the body',
        () =>
          t.http.post(
            `/api/v1/orgs/${orgId}/invitations`,
            { email: 'nul@example.test', roles: ['mentee\u0000'] },
            admin.token,
          ),
        'roles.0',
      ],
      ['a query parameter', () => t.http.get(`/api/v1/orgs/${orgId}/members?role=%00`, admin.token), 'role'],
      ['a path parameter', () => t.http.get(`/api/v1/orgs/${orgId}/members/%00`, admin.token), 'userId'],
      ['the organization id', () => t.http.get(`/api/v1/orgs/a%00b/members`, admin.token), 'orgId'],
    ];

    it.each(cases)('in %s is a 400 naming the field', async (_what, send, field) => {
      const body = await expectRefused(send, 400, 'validation_failed');
      expect(body.details).toEqual([{ field, problems: [`${field} must not contain NUL characters`] }]);
    });
  });

  describe('half of a surrogate pair in any text', () => {
    // JSON can escape a lone surrogate; validator's isEmail threw on it (500, found by the fuzz test).
    const lone = (json: string) => new TextEncoder().encode(json);
    const cases: [string, () => Promise<HttpResult<unknown>>, string][] = [
      [
        'the password-reset email (no token needed)',
        () => t.http.request('POST', '/api/v1/auth/password-reset', { rawBody: lone('{"email":"\\ud800"}') }),
        'email',
      ],
      [
        'the sign-up email',
        () =>
          t.http.request('POST', '/api/v1/auth/sign-up', {
            rawBody: lone(
              `{"email":"\\udfff@example.test","password":"${TEST_PASSWORD}","displayName":"Ada"}`,
            ),
          }),
        'email',
      ],
      [
        'an invitation email',
        () =>
          t.http.request('POST', `/api/v1/orgs/${orgId}/invitations`, {
            token: admin.token,
            rawBody: lone('{"email":"a\\ud83d@example.test","roles":["mentee"]}'),
          }),
        'email',
      ],
    ];

    it.each(cases)('in %s is a 400 naming the field', async (_what, send, field) => {
      const body = await expectRefused(send, 400, 'validation_failed');
      expect(body.details).toEqual([
        { field, problems: [`${field} must be valid Unicode text (it holds half of a surrogate pair)`] },
      ]);
    });

    it('a whole pair (an emoji) is text like any other', async () => {
      const created = await t.http.post<{ name: string }>('/api/v1/orgs', { name: 'Acme 🚀' }, admin.token);
      expect(created.status).toBe(201);
      expect(created.body.name).toBe('Acme 🚀');
    });
  });

  describe('page numbers and other integer parameters', () => {
    const refused = [
      '1e17',
      '99999999999999999999',
      '1e300',
      '0x10',
      '1.5',
      '-1',
      '0',
      '1000001',
      '+1',
      '%201',
      '',
    ];

    it.each(['members', 'invitations'])(
      'on %s: anything but decimal digits within bounds is a 400',
      async (list) => {
        for (const page of refused) {
          const body = await expectRefused(
            () => t.http.get(`/api/v1/orgs/${orgId}/${list}?page=${page}&pageSize=100`, admin.token),
            400,
            'validation_failed',
          );
          expect(body.details).toEqual([
            { field: 'page', problems: ['page must be a whole number from 1 to 1000000, in decimal digits'] },
          ]);
        }
        for (const pageSize of ['0x10', '1e2', '101', '10&pageSize=20']) {
          const body = await expectRefused(
            () => t.http.get(`/api/v1/orgs/${orgId}/${list}?pageSize=${pageSize}`, admin.token),
            400,
            'validation_failed',
          );
          expect(body.details).toEqual([expect.objectContaining({ field: 'pageSize' })]);
        }
      },
    );

    it('serves the last allowed page, empty, without failing the query', async () => {
      const last = await t.http.get<Page<unknown>>(
        `/api/v1/orgs/${orgId}/members?page=1000000&pageSize=100`,
        admin.token,
      );
      expect(last.status).toBe(200);
      expect(last.body).toEqual({ items: [], page: 1000000, pageSize: 100, total: 1 });
      const leadingZeros = await t.http.get<Page<unknown>>(
        `/api/v1/orgs/${orgId}/members?page=01`,
        admin.token,
      );
      expect(leadingZeros.body.page).toBe(1);
    });
  });

  describe('deeply nested JSON', () => {
    const nestedArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

    it('is refused at parse time on sign-in, organizations and member roles', async () => {
      await expectRefused(
        () =>
          t.http.request('POST', '/api/v1/auth/sign-in', {
            rawBody: `{"email":${nestedArray(3000)},"password":"x"}`,
          }),
        400,
        'json_too_deep',
      );
      await expectRefused(
        () => json('POST', '/api/v1/orgs', `{"name":${nestedObject(5000)}}`),
        400,
        'json_too_deep',
      );
      const body = await expectRefused(
        () => json('PATCH', `/api/v1/orgs/${orgId}/members/${admin.id}`, `{"roles":${nestedArray(5000)}}`),
        400,
        'json_too_deep',
      );
      expect(body.details).toEqual({ maxDepth: 16 });
    });

    it('is parsed up to 16 levels, and brackets inside strings do not count', async () => {
      // 1 (the body) + 15 arrays: parsed, then refused by validation like any wrong type.
      const body = await expectRefused(
        () => json('POST', '/api/v1/orgs', `{"name":${nestedArray(15)}}`),
        400,
        'validation_failed',
      );
      expect(body.details).toEqual([expect.objectContaining({ field: 'name' })]);
      await expectRefused(
        () => json('POST', '/api/v1/orgs', `{"name":${nestedArray(16)}}`),
        400,
        'json_too_deep',
      );

      const bracketed = await t.http.post<OrganizationView>(
        '/api/v1/orgs',
        { name: '[{'.repeat(50) + '\\"[' },
        admin.token,
      );
      expect(bracketed.status).toBe(201);
      expect(bracketed.body.name).toBe('[{'.repeat(50) + '\\"[');
    });
  });

  describe('bodies that cannot be read', () => {
    const signIn = JSON.stringify({ email: 'a@example.test', password: 'xxxxxxxx' });

    it('a body that is not what its Content-Encoding says is a 400', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const body = await expectRefused(
          () => json('POST', '/api/v1/auth/sign-in', signIn, { 'content-encoding': encoding }),
          400,
          'undecodable_body',
        );
        expect(body.details).toEqual({ encoding });
      }
    });

    it('an unknown Content-Encoding, a charset other than UTF-8 or a body that is not JSON is a 415', async () => {
      const body = await expectRefused(
        () => json('POST', '/api/v1/auth/sign-in', signIn, { 'content-encoding': 'compress' }),
        415,
        'unsupported_content_encoding',
      );
      expect(body.details).toEqual({ encoding: 'compress' });
      for (const charset of ['latin1', 'utf-16']) {
        const refused = await expectRefused(
          () =>
            json('POST', '/api/v1/auth/sign-in', signIn, {
              'content-type': `application/json; charset=${charset}`,
            }),
          415,
          'unsupported_charset',
        );
        expect(refused.details).toEqual({ charset });
      }
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        await expectRefused(
          () => json('POST', '/api/v1/orgs', 'name=Form+Org', { 'content-type': type }),
          415,
          'unsupported_media_type',
        );
      }
    });

    it("a request Node's HTTP parser refuses still gets the stable error body", async () => {
      const tooLong = await t.http.get<ErrorBody>(`/api/v1/me?q=${'x'.repeat(20_000)}`, admin.token);
      expect({ status: tooLong.status, body: tooLong.body }).toEqual({
        status: 431,
        body: { statusCode: 431, code: 'headers_too_large', message: expect.any(String), details: null },
      });
    });

    it('gzip, deflate and br bodies that are what they say are read', async () => {
      const encoders = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
      for (const [encoding, encode] of Object.entries(encoders)) {
        const name = `Compressed ${encoding}`;
        const created = await json('POST', '/api/v1/orgs', encode(JSON.stringify({ name })), {
          'content-encoding': encoding,
        });
        expect({ status: created.status, body: created.body }).toEqual({
          status: 201,
          body: expect.objectContaining({ name }),
        });
      }
    });
  });

  describe('prototype keys', () => {
    it.each([
      ['__proto__', '{"name":"Proto Org","__proto__":{"isAdmin":true}}', '__proto__'],
      ['constructor', '{"name":"Ctor Org","constructor":{"prototype":{"isAdmin":true}}}', 'constructor'],
    ])('a top-level %s key is refused like any unknown property', async (_key, rawBody, field) => {
      const body = await expectRefused(() => json('POST', '/api/v1/orgs', rawBody), 400, 'validation_failed');
      expect(body.details).toEqual([{ field, problems: [`property ${field} should not exist`] }]);
    });

    it('is refused at any depth, and on public routes too', async () => {
      const nested = await expectRefused(
        () =>
          json(
            'POST',
            `/api/v1/orgs/${orgId}/invitations`,
            '{"email":"p@example.test","roles":[{"__proto__":{"admin":true}}]}',
          ),
        400,
        'validation_failed',
      );
      expect(nested.details).toEqual([
        { field: 'roles.0.__proto__', problems: ['property roles.0.__proto__ should not exist'] },
      ]);
      await expectRefused(
        () =>
          t.http.request('POST', '/api/v1/auth/sign-up', {
            rawBody: `{"email":"proto@example.test","password":"${TEST_PASSWORD}","displayName":"P","constructor":{}}`,
          }),
        400,
        'validation_failed',
      );
    });
  });
});
