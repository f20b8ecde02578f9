import { provideHttpClient, withInterceptors, HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionView } from '@mentorship/contracts';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session.store';

/** As the API answers the browser app: the refresh token is in the HttpOnly cookie, not here. */
function session(accessToken: string): SessionView {
  return { user: { id: 'u1', email: 'ada@example.org', displayName: 'Ada' }, accessToken, expiresIn: 900 };
}

describe(SessionStore.name, () => {
  let store: SessionStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    store = TestBed.inject(SessionStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function signIn(): void {
    store.signIn({ email: 'ada@example.org', password: 'secret secret' }).subscribe();
    const request = backend.expectOne('/api/v1/auth/sign-in');
    expect(request.request.headers.get('X-Refresh-Cookie')).toBe('1');
    request.flush(session('access-1'));
  }

  it('keeps the access token in memory and nothing in storage a script can read', () => {
    sessionStorage.setItem('mm.admin.refreshToken', 'left by an earlier version');
    store.restore().subscribe();
    backend.expectOne('/api/v1/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
    signIn();
    expect(store.signedIn()).toBe(true);
    expect(store.accessToken()).toBe('access-1');
    expect({ ...sessionStorage }).toEqual({});
    expect({ ...localStorage }).toEqual({});
  });

  it('refreshes once for requests that fail together, and retries each with the new token', () => {
    signIn();
    const http = TestBed.inject(HttpClient);
    const answers: unknown[] = [];
    http.get('/api/v1/me').subscribe((answer) => answers.push(answer));
    http.get('/api/v1/orgs').subscribe((answer) => answers.push(answer));
    for (const request of backend.match((r) => r.url === '/api/v1/me' || r.url === '/api/v1/orgs')) {
      expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
      request.flush(null, { status: 401, statusText: 'Unauthorized' });
    }
    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({});
    expect(refresh.request.headers.get('X-Refresh-Cookie')).toBe('1');
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(session('access-2'));
    for (const retry of backend.match((r) => r.url === '/api/v1/me' || r.url === '/api/v1/orgs')) {
      expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
      retry.flush({ ok: true });
    }
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    expect({ ...sessionStorage }).toEqual({});
  });

  it('ends the session when the API refuses the refresh token, but not on a network failure', () => {
    signIn();
    store.refreshAccessToken().subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/auth/refresh').error(new ProgressEvent('error'), { status: 0 });
    expect(store.hasRefreshToken()).toBe(true);

    store.refreshAccessToken().subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/auth/refresh').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(store.signedIn()).toBe(false);
    expect(store.hasRefreshToken()).toBe(false);
  });

  it('ends the local session at once on sign-out, even when revoking fails', () => {
    signIn();
    store.signOut().subscribe();
    expect(store.signedIn()).toBe(false);
    expect(store.hasRefreshToken()).toBe(false);
    backend.expectOne('/api/v1/auth/sign-out').flush(null, { status: 500, statusText: 'Error' });
  });
});
