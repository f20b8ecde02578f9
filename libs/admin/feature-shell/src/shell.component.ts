import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { UnreadNotifications } from '@mentorship/admin/data-access-notifications';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import {
  OrganizationStore,
  canManagePrograms,
  canSeeMembers,
  organizationLanding,
  takesPart,
} from '@mentorship/admin/data-access-organizations';
import type { OrganizationRole } from '@mentorship/contracts';

/** The current organization's pages each role opens, in the order of the nav bar. */
export function organizationLinks(roles: readonly OrganizationRole[]): { path: string; label: string }[] {
  const links = [{ path: 'home', label: 'Home' }];
  if (canSeeMembers(roles)) links.push({ path: 'members', label: 'Members' });
  if (canManagePrograms(roles))
    links.push(
      { path: 'programs', label: 'Programs' },
      { path: 'cohorts', label: 'Cohorts' },
      { path: 'skills', label: 'Skills' },
      { path: 'analytics', label: 'Analytics' },
    );
  else if (takesPart(roles)) links.push({ path: 'cohorts', label: 'My cohorts' });
  if (roles.includes('admin')) links.push({ path: 'email-deliveries', label: 'Email log' });
  if (roles.includes('mentee')) links.push({ path: 'requests/sent', label: 'My requests' });
  if (roles.includes('mentor')) links.push({ path: 'requests/received', label: 'Requests to me' });
  if (takesPart(roles)) links.push({ path: 'profile', label: 'My profile' });
  return links;
}
import { injectNarrowScreen } from '@mentorship/admin/ui';

/**
 * The frame of every page: the product's one name, the organization switcher, the account,
 * and the current organization's pages — only those the person's roles open.
 */
@Component({
  selector: 'mm-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    MatMenuModule,
    MatSelectModule,
  ],
  template: `
    <header class="header">
      <mat-toolbar class="toolbar">
        <mat-toolbar-row class="row">
          <a class="brand" routerLink="/">Mentorship Map</a>
          <span class="spacer"></span>
          @if (session.user(); as user) {
            @if (organizations.current(); as org) {
              <a
                mat-icon-button
                class="bell"
                [routerLink]="['/orgs', org.id, 'notifications']"
                [attr.aria-label]="unreadLabel()"
                [title]="unreadLabel()"
              >
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                  <path
                    d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"
                    fill="currentColor"
                  />
                </svg>
                @if (unread.count() > 0) {
                  <span class="badge" aria-hidden="true">{{
                    unread.count() > 99 ? '99+' : unread.count()
                  }}</span>
                }
              </a>
            }
            @if (!narrow()) {
              <ng-container [ngTemplateOutlet]="switcher" />
              @if (organizations.organizations().length > 0) {
                <a mat-button routerLink="/orgs/new">New organization</a>
              }
              <a mat-button class="user" routerLink="/account" [title]="'Your account: ' + user.email">{{
                user.displayName
              }}</a>
              <button mat-stroked-button type="button" (click)="signOut()">Sign out</button>
            } @else {
              <button mat-icon-button type="button" aria-label="Menu" [matMenuTriggerFor]="accountMenu">
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                  <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" fill="currentColor" />
                </svg>
              </button>
              <mat-menu #accountMenu="matMenu" xPosition="before">
                <div class="account" mat-menu-item disabled>
                  <span class="account-name">{{ user.displayName }}</span>
                  <span class="account-email">{{ user.email }}</span>
                </div>
                <a mat-menu-item routerLink="/account">Your account</a>
                <a mat-menu-item routerLink="/orgs/new">New organization</a>
                <button mat-menu-item type="button" (click)="signOut()">Sign out</button>
              </mat-menu>
            }
          }
        </mat-toolbar-row>
        @if (session.user() && narrow() && organizations.organizations().length > 0) {
          <mat-toolbar-row class="row switcher-row">
            <ng-container [ngTemplateOutlet]="switcher" />
          </mat-toolbar-row>
        }
      </mat-toolbar>
      @if (session.user() && organizations.current(); as org) {
        <nav class="org-nav" [attr.aria-label]="org.name">
          @for (link of links(); track link.path) {
            <a
              mat-button
              [routerLink]="'/orgs/' + org.id + '/' + link.path"
              routerLinkActive="active"
              ariaCurrentWhenActive="page"
              >{{ link.label }}</a
            >
          }
        </nav>
      }
    </header>
    <main>
      <router-outlet />
    </main>

    <ng-template #switcher>
      @if (organizations.organizations().length > 0) {
        <mat-form-field class="org-switcher" subscriptSizing="dynamic">
          <mat-label>Organization</mat-label>
          <mat-select
            [value]="organizations.current()?.id"
            (selectionChange)="openOrganization($event.value)"
          >
            <mat-select-trigger>{{ organizations.current()?.name }}</mat-select-trigger>
            @for (org of organizations.organizations(); track org.id) {
              <mat-option [value]="org.id">
                @if (org.deletion) {
                  <span class="org-option">
                    <span>{{ org.name }}</span>
                    <span class="org-created">Scheduled for deletion</span>
                  </span>
                } @else if (organizations.sharedNames().has(org.name)) {
                  <span class="org-option">
                    <span>{{ org.name }}</span>
                    <span class="org-created">Created {{ org.createdAt | date: 'medium' }}</span>
                  </span>
                } @else {
                  {{ org.name }}
                }
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
    </ng-template>
  `,
  styles: `
    .header {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
    }
    .toolbar {
      --mat-toolbar-container-background-color: transparent;
    }
    .brand {
      color: inherit;
      text-decoration: none;
      font: var(--mat-sys-title-large);
    }
    .spacer {
      flex: 1 1 auto;
    }
    .row {
      gap: 12px;
    }
    .switcher-row {
      height: auto;
      padding-bottom: 8px;
    }
    .switcher-row .org-switcher {
      width: 100%;
    }
    /* Who is signed in: a heading of the menu, not an action, yet not greyed out. */
    .account[disabled] {
      height: auto;
      padding-block: 8px;
      opacity: 1;
    }
    .account-name {
      display: block;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .account-email {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .org-switcher {
      width: 240px;
      font: var(--mat-sys-body-medium);
      --mat-form-field-container-height: 40px;
      --mat-form-field-container-vertical-padding: 8px;
    }
    /* Two organizations of one name: the second line tells them apart. */
    .org-option {
      display: flex;
      flex-direction: column;
      line-height: 1.25;
    }
    .org-created {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bell {
      position: relative;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 18px;
      text-align: center;
    }
    .user {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    /* At 390 px the links scroll sideways in their own row rather than widen the page. */
    .org-nav {
      display: flex;
      gap: 4px;
      padding: 0 8px 4px;
      overflow-x: auto;
      scrollbar-width: thin;
    }
    .org-nav a {
      flex: none;
    }
    .org-nav .active {
      --mat-button-text-label-text-color: var(--mat-sys-on-secondary-container);
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class ShellComponent {
  protected readonly session = inject(SessionStore);
  protected readonly organizations = inject(OrganizationStore);
  private readonly router = inject(Router);
  /** An organization scheduled for deletion has its home page only (to restore it). */
  protected readonly links = computed(() => {
    const current = this.organizations.current();
    return current?.deletion ? organizationLinks([]) : organizationLinks(current?.roles ?? []);
  });
  /** Under 600 px the account goes into a menu and the switcher takes a row of its own. */
  protected readonly narrow = injectNarrowScreen();
  protected readonly unread = inject(UnreadNotifications);
  protected readonly unreadLabel = computed(() => {
    const count = this.unread.count();
    return count === 0 ? 'Notifications' : `Notifications, ${count} unread`;
  });

  constructor() {
    // Every page knows the user's organizations, not only those whose guard asked for them
    // (the invitation page, /orgs/new after a reload): the switcher is never empty.
    effect(() => {
      if (!this.session.user()) return;
      untracked(() => this.organizations.ensureLoaded().subscribe({ error: () => undefined }));
    });
    // The bell's count: for the organization shown, again after every navigation.
    effect(() => {
      const orgId = this.session.user() ? (this.organizations.current()?.id ?? null) : null;
      untracked(() => this.unread.refresh(orgId));
    });
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        const orgId = this.session.user() ? (this.organizations.current()?.id ?? null) : null;
        if (orgId) this.unread.refresh(orgId);
      });
  }

  /** Admins and coordinators land on the members page, everyone else on the organization's home. */
  protected openOrganization(orgId: string): void {
    const org = this.organizations.find(orgId);
    void this.router.navigate(
      org ? organizationLanding(org.id, org.roles, !!org.deletion) : ['/orgs', orgId],
    );
  }

  protected signOut(): void {
    // The local session ends at once; revoking the refresh token at the API may finish later.
    this.session.signOut().subscribe();
    this.organizations.clear();
    void this.router.navigate(['/sign-in']);
  }
}
