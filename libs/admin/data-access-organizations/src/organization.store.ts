import { Injectable, computed, inject, signal } from '@angular/core';
import type { OrganizationView } from '@mentorship/contracts';
import { Observable, finalize, map, of, shareReplay, switchMap, tap } from 'rxjs';
import { OrganizationsApi } from './organizations.api';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { canSeeMembers } from './organization-landing';

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

  /** Renames the organization in the list as soon as the API has. */
  rename(orgId: string, name: string): Observable<OrganizationView> {
    return this.api.rename(orgId, { name }).pipe(
      tap((renamed) => {
        const loaded = this.loaded();
        if (loaded)
          this.loaded.set({
            ...loaded,
            items: loaded.items.map((org) => (org.id === orgId ? { ...org, name: renamed.name } : org)),
          });
      }),
    );
  }

  /** Schedules the organization's deletion; it stays in the admin's list, marked, until restored or purged. */
  scheduleDeletion(orgId: string, confirmName: string): Observable<OrganizationView> {
    return this.api.scheduleDeletion(orgId, { confirmName }).pipe(tap((view) => this.replace(view)));
  }

  restore(orgId: string): Observable<OrganizationView> {
    return this.api.restore(orgId).pipe(tap((view) => this.replace(view)));
  }

  private replace(view: OrganizationView): void {
    const loaded = this.loaded();
    if (loaded)
      this.loaded.set({ ...loaded, items: loaded.items.map((org) => (org.id === view.id ? view : org)) });
  }

  /** Leaves the organization, then fetches the list without it. */
  leave(orgId: string): Observable<OrganizationView[]> {
    return this.api.leave(orgId).pipe(switchMap(() => this.reload()));
  }

  /**
   * Makes the organization current. Opening another one than before is remembered by the API
   * (`lastUsedAt` on the membership), so the next visit, on any device, lands on it.
   */
  select(orgId: string): void {
    if (this.currentId() === orgId) return;
    this.currentId.set(orgId);
    const loaded = this.loaded();
    if (!loaded || !loaded.items.some((org) => org.id === orgId)) return;
    const lastUsedAt = new Date().toISOString();
    this.loaded.set({
      ...loaded,
      items: loaded.items.map((org) => (org.id === orgId ? { ...org, lastUsedAt } : org)),
    });
    // Best effort: failing to remember costs only a landing on another organization next time.
    this.api.markUsed(orgId).subscribe({ error: () => undefined });
  }

  /**
   * The organization to open: the one used last (as the API remembers it), else the first; one
   * scheduled for deletion only when there is no other.
   */
  preferred(): OrganizationView | null {
    const open = this.organizations().filter((org) => !org.deletion);
    let preferred: OrganizationView | null = null;
    for (const org of open.length > 0 ? open : this.organizations()) {
      if (!preferred) preferred = org;
      else if (org.lastUsedAt && (!preferred.lastUsedAt || org.lastUsedAt > preferred.lastUsedAt))
        preferred = org;
    }
    return preferred;
  }

  /** Organizations whose name another of the list shares: the switcher tells them apart by date. */
  readonly sharedNames = computed(() => {
    const seen = new Map<string, number>();
    for (const org of this.organizations()) seen.set(org.name, (seen.get(org.name) ?? 0) + 1);
    return new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name));
  });

  clear(): void {
    this.loaded.set(null);
    this.loading = null;
    this.currentId.set(null);
  }
}
