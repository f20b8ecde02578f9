import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { RoleChipsComponent } from '@mentorship/admin/ui';

/**
 * An organization's landing page for every member; the one mentors and mentees get, since the
 * member list is for admins and coordinators.
 */
@Component({
  selector: 'mm-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatButtonModule, RoleChipsComponent],
  template: `
    <div class="mm-page home">
      @if (organization(); as org) {
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title
              ><h1>Welcome to {{ org.name }}</h1></mat-card-title
            >
            <mat-card-subtitle>You are a member of this organization.</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <section class="roles" aria-labelledby="your-roles-title">
              <h2 id="your-roles-title">Your roles</h2>
              <mm-role-chips [roles]="org.roles" ariaLabel="Your roles" />
            </section>
            @if (!canSeeMembers()) {
              <p class="note">
                Managing members is for the organization's admins and coordinators. If you need that access,
                ask one of them to change your roles.
              </p>
            }
          </mat-card-content>
          @if (canSeeMembers()) {
            <mat-card-actions align="end">
              <a mat-flat-button [routerLink]="['/orgs', org.id, 'members']">Manage members</a>
            </mat-card-actions>
          }
        </mat-card>
      }
    </div>
  `,
  styles: `
    .home {
      max-width: 640px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .note {
      margin: 16px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HomePage {
  /** From the route, `/orgs/:orgId/home`; the organization guard has made it current. */
  readonly orgId = input.required<string>();

  private readonly organizations = inject(OrganizationStore);
  protected readonly organization = computed(() => this.organizations.find(this.orgId()));
  protected readonly canSeeMembers = this.organizations.canSeeMembersOfCurrent;
}
