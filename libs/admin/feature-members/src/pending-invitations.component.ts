import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import type { InvitationView, OrganizationRole } from '@mentorship/contracts';
import { RoleChipsComponent } from '@mentorship/admin/ui';

@Component({
  selector: 'mm-pending-invitations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatListModule, RoleChipsComponent],
  template: `
    <section aria-labelledby="pending-invitations-title">
      <h2 id="pending-invitations-title">Pending invitations</h2>
      @if (invitations().length === 0) {
        <p class="empty">No invitations are waiting for an answer.</p>
      } @else {
        <mat-list aria-labelledby="pending-invitations-title">
          @for (invitation of invitations(); track invitation.id) {
            <mat-list-item class="invitation">
              <span matListItemTitle class="email">{{ invitation.email }}</span>
              <span matListItemLine class="meta">
                <mm-role-chips
                  [roles]="invitation.roles"
                  [ariaLabel]="'Roles offered to ' + invitation.email"
                />
                <span>Expires {{ invitation.expiresAt | date: 'mediumDate' }}</span>
              </span>
              @if (mayWithdraw(invitation)) {
                <span matListItemMeta class="actions">
                  <button
                    mat-button
                    type="button"
                    class="withdraw"
                    (click)="withdraw.emit(invitation)"
                    [attr.aria-label]="'Withdraw invitation to ' + invitation.email"
                  >
                    Withdraw
                  </button>
                </span>
              }
            </mat-list-item>
          }
        </mat-list>
        @if (total() > invitations().length) {
          <p class="more">
            Showing the {{ invitations().length }} newest of {{ total() }} pending invitations.
          </p>
        }
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 32px 0 8px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .invitation {
      height: auto !important;
      padding-block: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    /* The list's end slot is sized and aligned for icons and small text: a button needs its own. */
    .actions {
      align-self: center !important;
      margin-top: 0 !important;
      margin-inline-end: 0 !important;
      width: auto !important;
      height: auto !important;
    }
    .withdraw {
      --mat-button-text-label-text-color: var(--mat-sys-error);
      --mat-button-text-state-layer-color: var(--mat-sys-error);
    }
    .more {
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      display: flex !important;
      align-items: center;
      gap: 12px;
    }
  `,
})
export class PendingInvitationsComponent {
  readonly invitations = input.required<InvitationView[]>();
  /** How many are pending in all, when more than are listed. */
  readonly total = input(0);
  /** The roles the viewer may offer: they may withdraw an invitation offering only those. */
  readonly grantableRoles = input<readonly OrganizationRole[]>([]);
  readonly withdraw = output<InvitationView>();

  protected mayWithdraw(invitation: InvitationView): boolean {
    const grantable = this.grantableRoles();
    return invitation.roles.every((role) => grantable.includes(role));
  }
}
