import { Injectable, computed, inject, signal } from '@angular/core';
import type { OrganizationView } from '@mentorship/contracts';
import { Observable, finalize, map, of, shareReplay, tap } from 'rxjs';
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
  private loading: { userId: string; request: Observable<OrganizationView[]> } | null = null;

  /** Keyed by user, so a different sign-in in the same tab never sees the previous user's list. */
  readonly organizations = computed(() => {
    const loaded = this.loaded();
    return loaded && loaded.userId === this.session.user()?.id ? loaded.items : [];
  });
  /** True once the signed-in user's list has arrived (an empty list then means: none yet). */
  readonly isLoaded = computed(() => {
    const loaded = this.loaded();
    return !!loaded && loaded.userId === this.session.user()?.id;
  });
  /**
   * The organization being worked on: the one in the URL (`/orgs/:orgId/...`, made current
   * by its guard), else — on pages of no organization, e.g. /orgs/new — the one used last.
   */
  readonly current = computed(
    () => this.organizations().find((org) => org.id === this.currentId()) ?? this.preferred(),
  );
  readonly isAdminOfCurrent = computed(() => this.current()?.roles.includes('admin') ?? false);
  readonly canSeeMembersOfCurrent = computed(() => canSeeMembers(this.current()?.roles ?? []));

  /** The list, fetched once per signed-in user; callers at the same time share one request. */
  ensureLoaded(): Observable<OrganizationView[]> {
    const userId = this.session.user()?.id;
    if (!userId) return of([]);
    const loaded = this.loaded();
    if (loaded?.userId === userId) return of(loaded.items);
    if (this.loading?.userId === userId) return this.loading.request;
    const request = this.api.listMine().pipe(
      map(({ items }) => items),
      tap((items) => this.loaded.set({ userId, items })),
      finalize(() => {
        if (this.loading?.request === request) this.loading = null;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    this.loading = { userId, request };
    return request;
  }

  /** Fetches the list again, e.g. after joining or leaving an organization. */
  reload(): Observable<OrganizationView[]> {
    this.loaded.set(null);
    this.loading = null;
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
    this.loading = null;
    this.currentId.set(null);
  }
}
