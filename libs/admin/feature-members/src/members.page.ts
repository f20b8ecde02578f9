import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ComponentType } from '@angular/cdk/portal';
import { MatDialog, type MatDialogConfig } from '@angular/material/dialog';
import {
  ORGANIZATION_ROLES,
  invitableRoles,
  type InvitationView,
  type MemberView,
} from '@mentorship/contracts';
import { Router } from '@angular/router';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import {
  ConfirmDialog,
  ErrorNotifier,
  PaginatedTableComponent,
  type ConfirmDialogData,
  ChoiceFilterComponent,
} from '@mentorship/admin/ui';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { InviteMemberDialog, type InviteMemberDialogData } from './invite-member.dialog';
import { MemberRolesDialog } from './member-roles.dialog';
import { MembersStore } from './members.store';
import { MembersTableComponent } from './members-table.component';
import { PendingInvitationsComponent } from './pending-invitations.component';
import { roleLabel } from '@mentorship/admin/util';

@Component({
  selector: 'mm-members-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ChoiceFilterComponent,
    MatButtonModule,
    PaginatedTableComponent,
    MembersTableComponent,
    PendingInvitationsComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>
          Members
          @if (organization(); as org) {
            <span class="org-name">of {{ org.name }}</span>
          }
        </h1>
        <mm-choice-filter
          class="role-filter"
          label="Filter by role"
          anyLabel="All roles"
          [choices]="roles"
          [labelOf]="label"
          [value]="store.query().role ?? null"
          (changed)="store.filterByRole($event)"
        />
        @if (grantableRoles().length > 0) {
          <button mat-flat-button type="button" (click)="openInvite()">Invite member</button>
        }
      </header>

      <mm-paginated-table
        class="members"
        itemsLabel="members"
        [paging]="store.paging()"
        [loading]="store.loadingMembers()"
        (pageChange)="store.goToPage($event)"
      >
        <mm-members-table
          [members]="page()?.items ?? []"
          [canManage]="canManage()"
          [emptyText]="emptyText()"
          (editRoles)="openRoles($event)"
          (remove)="confirmRemove($event)"
        />
      </mm-paginated-table>

      <mm-pending-invitations
        [invitations]="store.invitations()"
        [total]="store.pendingTotal()"
        [grantableRoles]="grantableRoles()"
        (withdraw)="confirmWithdraw($event)"
      />
    </div>
  `,
  styles: `
    .org-name {
      color: var(--mat-sys-on-surface-variant);
    }
    .role-filter {
      width: 200px;
    }
    .members {
      margin-top: 16px;
    }
  `,
})
export class MembersPage {
  /** From the route, `/orgs/:orgId/members`. */
  readonly orgId = input.required<string>();

  protected readonly store = inject(MembersStore);
  private readonly organizations = inject(OrganizationStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(ErrorNotifier);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly roles = ORGANIZATION_ROLES;
  protected readonly label = roleLabel;
  protected readonly page = this.store.members;
  protected readonly organization = this.organizations.current;
  /** Role changes and removal are the admins'. */
  protected readonly canManage = this.organizations.isAdminOfCurrent;
  /** Admins offer any role; coordinators mentor and mentee (the API says the same). */
  protected readonly grantableRoles = computed(() => invitableRoles(this.organization()?.roles ?? []));
  protected readonly emptyText = computed(() => {
    if (this.store.loadingMembers() && !this.page()) return 'Loading members…';
    const role = this.store.query().role;
    return role ? `No member holds the ${roleLabel(role)} role.` : 'No members yet.';
  });

  constructor() {
    effect(() => this.store.open(this.orgId()));
  }

  protected openInvite(): void {
    this.openDialog<InviteMemberDialog, InviteMemberDialogData, unknown>(InviteMemberDialog, {
      data: { roles: this.grantableRoles() },
    }).subscribe((invitation) => {
      if (invitation) this.notifier.info('Invitation sent.');
    });
  }

  protected openRoles(member: MemberView): void {
    this.openDialog<MemberRolesDialog, MemberView, unknown>(MemberRolesDialog, { data: member }).subscribe(
      (updated) => {
        if (updated) this.notifier.info('Roles saved.');
      },
    );
  }

  protected confirmRemove(member: MemberView): void {
    const self = member.userId === this.session.user()?.id;
    const orgName = this.organization()?.name ?? 'this organization';
    this.confirm({
      title: self ? `Leave ${orgName}?` : `Remove ${member.displayName}?`,
      message: self
        ? `You will no longer be a member of ${orgName} and lose access to it.`
        : `${member.displayName} (${member.email}) will no longer be a member of ${orgName} and loses access to it at once. You can invite them again later.`,
      confirmLabel: self ? 'Leave' : 'Remove',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.store.remove(member.userId, { reload: !self }).subscribe({
        next: () => {
          if (!self) {
            this.notifier.info(`${member.displayName} was removed.`);
            return;
          }
          this.notifier.info(`You left ${orgName}.`);
          this.organizations.reload().subscribe({
            complete: () => void this.router.navigate(['/orgs']),
            error: () => void this.router.navigate(['/orgs']),
          });
        },
        // E.g. 409 last_admin: "An organization needs at least one admin."
        error: (error: unknown) => this.notifier.show(error),
      });
    });
  }

  protected confirmWithdraw(invitation: InvitationView): void {
    this.confirm({
      title: 'Withdraw invitation?',
      message: `The invitation link sent to ${invitation.email} will stop working. You can invite them again later.`,
      confirmLabel: 'Withdraw',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.store.withdraw(invitation.id).subscribe({
        next: () => this.notifier.info('Invitation withdrawn.'),
        error: (error: unknown) => this.notifier.show(error),
      });
    });
  }

  private confirm(data: ConfirmDialogData) {
    return this.openDialog<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
  }

  /**
   * Every dialog of the page: it gets this page's injector (so it shares the page's
   * MembersStore), and opens clean, with no message of an earlier action still on screen.
   */
  private openDialog<C, D, R>(component: ComponentType<C>, config: MatDialogConfig<D>) {
    this.notifier.dismiss();
    return this.dialog
      .open<C, D, R>(component, { injector: this.injector, autoFocus: 'first-tabbable', ...config })
      .afterClosed();
  }
}
