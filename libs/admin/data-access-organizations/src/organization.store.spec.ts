import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OrganizationView } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { OrganizationStore } from './organization.store';

const CREATED = '2026-01-01T00:00:00.000Z';

const ALPHA: OrganizationView = {
  id: 'o-alpha',
  name: 'Alpha',
  roles: ['admin'],
  createdAt: CREATED,
  lastUsedAt: null,
  deletion: null,
};
const BETA: OrganizationView = {
  id: 'o-beta',
  name: 'Beta',
  roles: ['mentee'],
  createdAt: CREATED,
  lastUsedAt: null,
  deletion: null,
};

describe(OrganizationStore.name, () => {
  let store: OrganizationStore;
  let backend: HttpTestingController;

  const signInAs = (id: string) => signInForTest(backend, { id });

  function load(items: OrganizationView[]): void {
    store.ensureLoaded().subscribe();
    backend.expectOne('/api/v1/orgs').flush({ items });
  }

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    store = TestBed.inject(OrganizationStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('fetches the list once per signed-in user', () => {
    signInAs('u1');
    load([ALPHA, BETA]);
    store.ensureLoaded().subscribe();
    backend.expectNone('/api/v1/orgs');
    expect(store.organizations()).toEqual([ALPHA, BETA]);
  });

  it('never shows one user’s organizations to the next one signed in in the same tab', () => {
    signInAs('u1');
    load([ALPHA, BETA]);
    signInAs('u2');
    expect(store.organizations()).toEqual([]);
  });

  it('prefers the organization the API says was used last, and tells the API on a switch', () => {
    signInAs('u1');
    load([ALPHA, { ...BETA, lastUsedAt: '2026-02-01T00:00:00.000Z' }]);
    expect(store.preferred()?.id).toBe(BETA.id);
    store.select(ALPHA.id);
    const visit = backend.expectOne(`/api/v1/orgs/${ALPHA.id}/visits`);
    expect(visit.request.method).toBe('POST');
    visit.flush(null);
    expect(store.preferred()?.id).toBe(ALPHA.id);
    // The same organization again (another page of it): nothing more to remember.
    store.select(ALPHA.id);
    backend.expectNone(`/api/v1/orgs/${ALPHA.id}/visits`);

    store.reload().subscribe();
    backend.expectOne('/api/v1/orgs').flush({ items: [BETA] });
    expect(store.preferred()?.id).toBe(BETA.id);
  });

  it('opens the first organization when none was used yet', () => {
    signInAs('u1');
    load([ALPHA, BETA]);
    expect(store.preferred()).toEqual(ALPHA);
  });

  it('shares one request between callers that ask at the same time', () => {
    signInAs('u1');
    store.ensureLoaded().subscribe();
    store.ensureLoaded().subscribe();
    expect(store.isLoaded()).toBe(false);
    backend.expectOne('/api/v1/orgs').flush({ items: [ALPHA] });
    expect(store.isLoaded()).toBe(true);
  });

  it('takes the current organization from the URL, else the one used last', () => {
    signInAs('u1');
    load([ALPHA, { ...BETA, lastUsedAt: '2026-02-01T00:00:00.000Z' }]);
    // A page of no organization (e.g. /orgs/new after a reload): the one used last.
    expect(store.current()?.id).toBe(BETA.id);
    // A page of an organization: its guard makes it current.
    store.select(ALPHA.id);
    backend.expectOne(`/api/v1/orgs/${ALPHA.id}/visits`).flush(null);
    expect(store.current()?.id).toBe(ALPHA.id);
  });

  it('tells apart organizations that share a name', () => {
    signInAs('u1');
    load([ALPHA, BETA, { ...ALPHA, id: 'o-alpha-2' }]);
    expect([...store.sharedNames()]).toEqual(['Alpha']);
  });

  it('adds a created organization to the list', () => {
    signInAs('u1');
    load([ALPHA]);
    store.create('Beta').subscribe();
    const request = backend.expectOne('/api/v1/orgs');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Beta' });
    request.flush(BETA);
    expect(store.organizations()).toEqual([ALPHA, BETA]);
  });
});
