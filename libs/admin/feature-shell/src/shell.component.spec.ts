import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OrganizationView } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { ShellComponent } from './shell.component';

describe(ShellComponent.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render(organizations: OrganizationView[], current?: string) {
    signInForTest(backend, { id: 'u1', displayName: 'Ada Lovelace' });
    const store = TestBed.inject(OrganizationStore);
    store.ensureLoaded().subscribe();
    backend.expectOne('/api/v1/orgs').flush({ items: organizations });
    if (current) store.select(current);
    const fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const navLinks = (shell: HTMLElement) =>
    [...shell.querySelectorAll('nav a')].map((link) => link.textContent?.trim());

  it('names the product once, for everyone', async () => {
    const shell = await render([{ id: 'o1', name: 'Northwind', roles: ['mentee'] }], 'o1');
    expect(shell.querySelector('.brand')?.textContent?.trim()).toBe('Mentorship Map');
    expect(shell.querySelector('header')?.textContent).not.toMatch(/admin/i);
  });

  it('shows a mentee only the organization’s home', async () => {
    const shell = await render([{ id: 'o1', name: 'Northwind', roles: ['mentee'] }], 'o1');
    expect(shell.querySelector('nav')?.getAttribute('aria-label')).toBe('Northwind');
    expect(navLinks(shell)).toEqual(['Home']);
  });

  it('shows admins and coordinators the members page too', async () => {
    const shell = await render([{ id: 'o1', name: 'Northwind', roles: ['coordinator'] }], 'o1');
    expect(navLinks(shell)).toEqual(['Home', 'Members']);
  });
});
