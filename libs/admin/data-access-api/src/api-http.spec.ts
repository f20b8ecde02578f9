import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MemberPage, OrganizationView } from '@mentorship/contracts';
import { ApiHttp, PUBLIC_ENDPOINT, expandPath } from './api-http';

describe(ApiHttp.name, () => {
  let http: ApiHttp;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(ApiHttp);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('fills and encodes the placeholders of the documented path', () => {
    http
      .delete('/api/v1/orgs/{orgId}/members/{userId}', { path: { orgId: 'org 1', userId: 'a/b' } })
      .subscribe();
    const request = backend.expectOne('/api/v1/orgs/org%201/members/a%2Fb');
    expect(request.request.method).toBe('DELETE');
    expect(request.request.context.get(PUBLIC_ENDPOINT)).toBe(false);
    request.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('sends the query without the parameters left out as null', () => {
    let answer: MemberPage | undefined;
    http
      .get('/api/v1/orgs/{orgId}/members', {
        path: { orgId: 'o1' },
        query: { page: 2, pageSize: 50, role: null },
      })
      .subscribe((page) => (answer = page));
    const request = backend.expectOne((r) => r.url === '/api/v1/orgs/o1/members');
    expect(request.request.params.keys()).toEqual(['page', 'pageSize']);
    expect(request.request.params.get('page')).toBe('2');
    const page: MemberPage = { items: [], page: 2, pageSize: 50, total: 0 };
    request.flush(page);
    expect(answer).toEqual(page);
  });

  it('posts the body and marks public endpoints so no bearer token is added', () => {
    http
      .post('/api/v1/auth/sign-in', { body: { email: 'a@example.org', password: 'secret' }, public: true })
      .subscribe();
    const request = backend.expectOne('/api/v1/auth/sign-in');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'a@example.org', password: 'secret' });
    expect(request.request.context.get(PUBLIC_ENDPOINT)).toBe(true);
    request.flush({});
  });

  it('refuses to send a request with a placeholder left unfilled', () => {
    expect(() => expandPath('/api/v1/orgs/{orgId}/members', {})).toThrow('no value for {orgId}');
  });

  // Checked by the compiler (the typecheck target compiles specs): each line below must fail
  // to compile, or `@ts-expect-error` itself is an error.
  it('does not compile a path, placeholder, body or query the OpenAPI document does not have', () => {
    const typeErrors = () => {
      // @ts-expect-error a path the document lacks
      http.get('/api/v1/orgs/{orgId}/mentors', { path: { orgId: 'o' } });
      // @ts-expect-error a method the path does not answer
      http.patch('/api/v1/orgs', { body: { name: 'x' } });
      // @ts-expect-error the {userId} placeholder is missing
      http.delete('/api/v1/orgs/{orgId}/members/{userId}', { path: { orgId: 'o' } });
      // @ts-expect-error a body with the wrong field
      http.post('/api/v1/orgs', { body: { title: 'Acme' } });
      // @ts-expect-error a body is required
      http.post('/api/v1/orgs');
      // @ts-expect-error a role the API does not know
      http.get('/api/v1/orgs/{orgId}/members', { path: { orgId: 'o' }, query: { role: 'owner' } });
      // @ts-expect-error the answer is the created organization, not a member page
      http.post('/api/v1/orgs', { body: { name: 'Acme' } }).subscribe((page: MemberPage) => page);
      // The documented answer type, as it should be.
      http.post('/api/v1/orgs', { body: { name: 'Acme' } }).subscribe((org: OrganizationView) => org);
    };
    expect(typeErrors).toBeInstanceOf(Function);
  });
});
