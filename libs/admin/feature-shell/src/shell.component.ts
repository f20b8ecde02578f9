import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSelectModule } from '@angular/material/select';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { OrganizationStore, organizationLanding } from '@mentorship/admin/data-access-organizations';

@Component({
  selector: 'mm-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, MatToolbarModule, MatButtonModule, MatSelectModule],
  template: `
    <mat-toolbar class="toolbar">
      <a class="brand" routerLink="/">Mentorship Map <span class="brand-suffix">admin</span></a>
      <span class="spacer"></span>
      @if (session.user(); as user) {
        @if (organizations.organizations().length > 0) {
          <mat-form-field class="org-switcher" subscriptSizing="dynamic">
            <mat-label>Organization</mat-label>
            <mat-select
              [value]="organizations.current()?.id"
              (selectionChange)="openOrganization($event.value)"
            >
              @for (org of organizations.organizations(); track org.id) {
                <mat-option [value]="org.id">{{ org.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <a mat-button routerLink="/orgs/new">New organization</a>
        }
        <span class="user" [title]="user.email">{{ user.displayName }}</span>
        <button mat-stroked-button type="button" (click)="signOut()">Sign out</button>
      }
    </mat-toolbar>
    <main>
      <router-outlet />
    </main>
  `,
  styles: `
    .toolbar {
      gap: 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .brand {
      color: inherit;
      text-decoration: none;
      font: var(--mat-sys-title-large);
    }
    .brand-suffix {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
      text-transform: uppercase;
      letter-spacing: 0.08em;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .org-switcher {
      width: 240px;
      font: var(--mat-sys-body-medium);
      --mat-form-field-container-height: 40px;
      --mat-form-field-container-vertical-padding: 8px;
    }
    .user {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
/** The frame of every page: the product name, the organization switcher and the account. */
export class ShellComponent {
  protected readonly session = inject(SessionStore);
  protected readonly organizations = inject(OrganizationStore);
  private readonly router = inject(Router);

  /** Admins and coordinators land on the members page, everyone else on the organization's home. */
  protected openOrganization(orgId: string): void {
    const org = this.organizations.find(orgId);
    void this.router.navigate(org ? organizationLanding(org.id, org.roles) : ['/orgs', orgId]);
  }

  protected signOut(): void {
    // The local session ends at once; revoking the refresh token at the API may finish later.
    this.session.signOut().subscribe();
    this.organizations.clear();
    void this.router.navigate(['/sign-in']);
  }
}
