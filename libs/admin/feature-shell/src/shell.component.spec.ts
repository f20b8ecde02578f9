import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OrganizationView } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { of } from 'rxjs';
import { ShellComponent } from './shell.component';

/** The one organization these tests open, with the caller holding `roles` in it. */
const northwind = (roles: OrganizationView['roles']): OrganizationView => ({
  id: 'o1',
  name: 'Northwind',
  roles,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  deletion: null,
});

/** What every coordinator and admin finds in the navigation, in order. */
const COORDINATOR_PAGES = [
  'Home',
  'Members',
  'Programs',
  'Cohorts',
  'Needs attention',
  'Skills',
  'Analytics',
];

describe(ShellComponent.name, () => {
  beforeEach(() => localStorage.clear());

  /** The shell for a signed-in user with `organizations`, `current` open, on a wide or narrow screen. */
  async function render(organizations: OrganizationView[], current: string, { narrow = false } = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: narrow, breakpoints: {} }), isMatched: () => narrow },
        },
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    signInForTest(backend, { id: 'u1', displayName: 'Ada Lovelace' });
    const store = TestBed.inject(OrganizationStore);
    store.ensureLoaded().subscribe();
    backend.expectOne('/api/v1/orgs').flush({ items: organizations });
    store.select(current);
    const fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const navLinks = (shell: HTMLElement) =>
    [...shell.querySelectorAll('nav a')].map((link) => link.textContent?.trim());
  const headerButtons = (shell: HTMLElement) =>
    [...shell.querySelectorAll('header button')].map(
      (button) => button.textContent?.trim() || button.getAttribute('aria-label'),
    );

  it('names the product once, for everyone', async () => {
    const shell = await render([northwind(['mentee'])], 'o1');
    expect(shell.querySelector('.brand')?.textContent?.trim()).toBe('Mentorship Map');
    expect(shell.querySelector('header')?.textContent).not.toMatch(/admin/i);
  });

  it('shows a mentee their home, cohorts, requests and profile', async () => {
    const shell = await render([northwind(['mentee'])], 'o1');
    expect(shell.querySelector('nav')?.getAttribute('aria-label')).toBe('Northwind');
    expect(navLinks(shell)).toEqual([
      'Home',
      'My cohorts',
      'My mentorships',
      'My board',
      'My requests',
      'My profile',
    ]);
    // One link per page, not an escaped slash: `/orgs/o1/requests/sent`.
    expect(shell.querySelector('nav a[href$="requests/sent"]')?.getAttribute('href')).toBe(
      '/orgs/o1/requests/sent',
    );
  });

  it('shows coordinators the members, programs, cohorts, needs-attention and skills pages', async () => {
    const shell = await render([northwind(['coordinator'])], 'o1');
    expect(navLinks(shell)).toEqual(COORDINATOR_PAGES);
  });

  it('gives a coordinator who also mentors the requests to them and their own profile as well', async () => {
    const shell = await render([northwind(['coordinator', 'mentor'])], 'o1');
    expect(navLinks(shell)).toEqual([...COORDINATOR_PAGES, 'My mentorships', 'Requests to me', 'My profile']);
  });

  it('shows the account in the toolbar on a wide screen', async () => {
    const shell = await render([northwind(['admin'])], 'o1');
    expect(headerButtons(shell)).toEqual(['Sign out']);
    expect(shell.querySelectorAll('mat-toolbar-row')).toHaveLength(1);
    // Admins alone read the organization's email delivery log.
    expect(navLinks(shell)).toEqual([...COORDINATOR_PAGES, 'Email log']);
  });

  it('folds the account into a menu on a narrow screen and gives the switcher a row of its own', async () => {
    const shell = await render([northwind(['admin'])], 'o1', { narrow: true });
    expect(headerButtons(shell)).toEqual(['Menu']);
    expect(shell.querySelectorAll('mat-toolbar-row')[1]?.querySelector('mat-select')).not.toBeNull();
  });
});
