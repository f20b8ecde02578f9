import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OrganizationView } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import {
  openPreferredOrganizationGuard,
  organizationMemberGuard,
  organizationRoleGuard,
} from './organization.guards';

const CREATED = '2026-01-01T00:00:00.000Z';

@Component({ template: 'page' })
class PageStub {}

const ADMIN_OF: OrganizationView = {
  id: 'o-a',
  name: 'Alpha',
  roles: ['admin'],
  createdAt: CREATED,
  lastUsedAt: null,
  deletion: null,
};
const MENTEE_OF: OrganizationView = {
  id: 'o-b',
  name: 'Beta',
  roles: ['mentee'],
  createdAt: CREATED,
  lastUsedAt: null,
  deletion: null,
};

describe('organization guards', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          {
            path: 'orgs',
            pathMatch: 'full',
            canActivate: [openPreferredOrganizationGuard],
            component: PageStub,
          },
          {
            path: 'orgs/:orgId',
            canActivate: [organizationMemberGuard],
            children: [
              { path: 'home', component: PageStub },
              { path: 'members', canActivate: [organizationRoleGuard('admin')], component: PageStub },
            ],
          },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = undefined;
    signInForTest(backend, { id: 'u1' });
  });

  afterEach(() => backend.verify());

  let harness: RouterTestingHarness | undefined;

  async function open(url: string): Promise<string> {
    harness ??= await RouterTestingHarness.create();
    let done = false;
    const navigation = harness.navigateByUrl(url).finally(() => (done = true));
    // The guards ask for the list once the navigation reaches them: answer it when it is asked.
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve));
      backend.match('/api/v1/orgs').forEach((request) => request.flush({ items: [ADMIN_OF, MENTEE_OF] }));
    }
    await navigation;
    // Entering an organization remembers it at the API.
    backend.match((request) => request.url.endsWith('/visits')).forEach((request) => request.flush(null));
    return TestBed.inject(Router).url;
  }

  it('opens a page of one of the user’s organizations and makes it current', async () => {
    expect(await open('/orgs/o-b/home')).toBe('/orgs/o-b/home');
    expect(TestBed.inject(OrganizationStore).current()).toMatchObject({ id: MENTEE_OF.id });
  });

  it('sends any other organization id back to /orgs', async () => {
    expect(await open('/orgs/o-unknown/home')).toBe('/orgs/o-a/members');
  });

  it('sends a member without the role a page needs to the organization’s home', async () => {
    expect(await open('/orgs/o-b/members')).toBe('/orgs/o-b/home');
  });

  it('opens the organization used last from /orgs', async () => {
    await open('/orgs/o-b/home');
    expect(await open('/orgs')).toBe('/orgs/o-b/home');
  });
});
