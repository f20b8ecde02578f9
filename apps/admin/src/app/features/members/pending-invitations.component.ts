import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import type { InvitationView } from '@mentorship/contracts';
import { RoleChipsComponent } from './role-chips.component';

@Component({
  selector: 'mm-pending-invitations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatListModule, RoleChipsComponent],
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
            </mat-list-item>
          }
        </mat-list>
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
    .meta {
      display: flex !important;
      align-items: center;
      gap: 12px;
    }
  `,
})
export class PendingInvitationsComponent {
  readonly invitations = input.required<InvitationView[]>();
}
