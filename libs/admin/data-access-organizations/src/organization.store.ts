import { Injectable, computed, inject, signal } from '@angular/core';
import type { OrganizationView } from '@mentorship/contracts';
import { Observable, map, of, tap } from 'rxjs';
import { OrganizationsApi } from './organizations.api';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { canSeeMembers } from './organization-landing';

const LAST_ORGANIZATION_KEY = 'mm.admin.lastOrganization';

interface LoadedOrganizations {
  userId: string;
  items: OrganizationView[];
}

/** The signed-in user's organizations and the one being worked on. */
@Injectable({ providedIn: 'root' })
export class OrganizationStore {
  private readonly api = inject(OrganizationsApi);
  private readonly session = inject(SessionStore);
  private readonly loaded = signal<LoadedOrganizations | null>(null);
  private readonly currentId = signal<string | null>(null);

  /** Keyed by user, so a different sign-in in the same tab never sees the previous user's list. */
  readonly organizations = computed(() => {
    const loaded = this.loaded();
    return loaded && loaded.userId === this.session.user()?.id ? loaded.items : [];
  });
  readonly current = computed(() => this.organizations().find((org) => org.id === this.currentId()) ?? null);
  readonly isAdminOfCurrent = computed(() => this.current()?.roles.includes('admin') ?? false);
  readonly canSeeMembersOfCurrent = computed(() => canSeeMembers(this.current()?.roles ?? []));

  /** The list, fetched once per signed-in user. */
  ensureLoaded(): Observable<OrganizationView[]> {
    const userId = this.session.user()?.id;
    if (!userId) return of([]);
    const loaded = this.loaded();
    if (loaded?.userId === userId) return of(loaded.items);
    return this.api.listMine().pipe(
      map(({ items }) => items),
      tap((items) => this.loaded.set({ userId, items })),
    );
  }

  /** Fetches the list again, e.g. after joining or leaving an organization. */
  reload(): Observable<OrganizationView[]> {
    this.loaded.set(null);
    return this.ensureLoaded();
  }

  /** The loaded organization with this id, or null. */
  find(orgId: string | null): OrganizationView | null {
    return this.organizations().find((org) => org.id === orgId) ?? null;
  }

  create(name: string): Observable<OrganizationView> {
    return this.api.create({ name }).pipe(
      tap((created) => {
        const userId = this.session.user()?.id;
        if (userId) this.loaded.set({ userId, items: [...this.organizations(), created] });
      }),
    );
  }

  /** Makes the organization current and remembers it for this user's next visit. */
  select(orgId: string): void {
    this.currentId.set(orgId);
    const userId = this.session.user()?.id;
    if (!userId) return;
    try {
      localStorage.setItem(`${LAST_ORGANIZATION_KEY}.${userId}`, orgId);
    } catch {
      // Storage disabled: the first organization is opened next time instead.
    }
  }

  /** The organization to open: the remembered one while still a member, else the first. */
  preferred(): OrganizationView | null {
    const organizations = this.organizations();
    const userId = this.session.user()?.id;
    let remembered: string | null = null;
    try {
      remembered = userId ? localStorage.getItem(`${LAST_ORGANIZATION_KEY}.${userId}`) : null;
    } catch {
      remembered = null;
    }
    return organizations.find((org) => org.id === remembered) ?? organizations[0] ?? null;
  }

  clear(): void {
    this.loaded.set(null);
    this.currentId.set(null);
  }
}
