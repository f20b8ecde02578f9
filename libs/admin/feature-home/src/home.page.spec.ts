import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OrganizationView } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { HomePage } from './home.page';

const CREATED = '2026-01-01T00:00:00.000Z';

describe(HomePage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    signInForTest(backend, { id: 'u1' });
  });

  async function render(org: OrganizationView) {
    const store = TestBed.inject(OrganizationStore);
    store.ensureLoaded().subscribe();
    backend.expectOne('/api/v1/orgs').flush({ items: [org] });
    store.select(org.id);
    const fixture = TestBed.createComponent(HomePage);
    fixture.componentRef.setInput('orgId', org.id);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('welcomes a mentee with their roles and no way into member management', async () => {
    const page = await render({
      id: 'o1',
      name: 'Northwind',
      roles: ['mentor', 'mentee'],
      createdAt: CREATED,
      lastUsedAt: null,
      deletion: null,
    });
    expect(page.querySelector('h1')?.textContent).toContain('Welcome to Northwind');
    expect([...page.querySelectorAll('[role="listitem"]')].map((chip) => chip.textContent?.trim())).toEqual([
      'Mentor',
      'Mentee',
    ]);
    expect(page.textContent).not.toContain('Manage members');
  });

  it('gives a coordinator the way to the members page', async () => {
    const page = await render({
      id: 'o1',
      name: 'Northwind',
      roles: ['coordinator'],
      createdAt: CREATED,
      lastUsedAt: null,
      deletion: null,
    });
    const link = [...page.querySelectorAll('a')].find((a) => a.textContent?.includes('Manage members'));
    expect(link?.getAttribute('href')).toBe('/orgs/o1/members');
  });
});
