import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import type { MemberView } from '@mentorship/contracts';
import { RoleChipsComponent, injectNarrowScreen } from '@mentorship/admin/ui';

@Component({
  selector: 'mm-members-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, MatButtonModule, MatMenuModule, RoleChipsComponent],
  template: `
    <table mat-table [dataSource]="members()" aria-label="Members">
      <ng-container matColumnDef="email">
        <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
        <td mat-cell *matCellDef="let member">{{ member.email }}</td>
      </ng-container>
      <ng-container matColumnDef="displayName">
        <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
        <td mat-cell *matCellDef="let member">{{ member.displayName }}</td>
      </ng-container>
      <ng-container matColumnDef="roles">
        <th mat-header-cell *matHeaderCellDef scope="col">Roles</th>
        <td mat-cell *matCellDef="let member">
          <mm-role-chips [roles]="member.roles" [ariaLabel]="'Roles of ' + member.email" />
        </td>
      </ng-container>
      <ng-container matColumnDef="joinedAt">
        <th mat-header-cell *matHeaderCellDef scope="col">Joined</th>
        <td mat-cell *matCellDef="let member">{{ member.joinedAt | date: 'mediumDate' }}</td>
      </ng-container>
      <!-- Sticky at the end: on a narrow screen the table scrolls sideways and the actions stay. -->
      <ng-container matColumnDef="actions" stickyEnd>
        <th mat-header-cell *matHeaderCellDef scope="col">
          <span class="cdk-visually-hidden">Actions</span>
        </th>
        <td mat-cell *matCellDef="let member" class="actions">
          @if (narrow()) {
            <button
              mat-icon-button
              type="button"
              [matMenuTriggerFor]="memberActions"
              [matMenuTriggerData]="{ member }"
              [attr.aria-label]="'Actions for ' + member.email"
            >
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <circle cx="12" cy="5" r="2" fill="currentColor" />
                <circle cx="12" cy="12" r="2" fill="currentColor" />
                <circle cx="12" cy="19" r="2" fill="currentColor" />
              </svg>
            </button>
          } @else {
            <button
              mat-button
              type="button"
              (click)="editRoles.emit(member)"
              [attr.aria-label]="'Edit roles of ' + member.email"
            >
              Edit roles
            </button>
            <button
              mat-button
              type="button"
              class="remove"
              (click)="remove.emit(member)"
              [attr.aria-label]="'Remove ' + member.email"
            >
              Remove
            </button>
          }
        </td>
      </ng-container>

      <tr mat-header-row *matHeaderRowDef="columns()"></tr>
      <tr mat-row *matRowDef="let member; columns: columns()"></tr>
      <tr class="mat-mdc-row" *matNoDataRow>
        <td class="mat-mdc-cell empty" [attr.colspan]="columns().length">{{ emptyText() }}</td>
      </tr>
    </table>
    <mat-menu #memberActions="matMenu" xPosition="before">
      <ng-template matMenuContent let-member="member">
        <button mat-menu-item type="button" (click)="editRoles.emit(member)">Edit roles</button>
        <button mat-menu-item type="button" class="remove" (click)="remove.emit(member)">Remove</button>
      </ng-template>
    </mat-menu>
  `,
  styles: `
    table {
      width: 100%;
    }
    .actions {
      text-align: end;
      white-space: nowrap;
      background: var(--mat-sys-surface);
    }
    .remove {
      --mat-button-text-label-text-color: var(--mat-sys-error);
      --mat-button-text-state-layer-color: var(--mat-sys-error);
    }
    .empty {
      padding: 24px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MembersTableComponent {
  readonly members = input.required<MemberView[]>();
  /** Only admins may change roles or remove members; the API refuses others with 403 anyway. */
  readonly canManage = input(false);
  readonly emptyText = input('No members.');
  readonly editRoles = output<MemberView>();
  readonly remove = output<MemberView>();
  /** Under 600 px the two action buttons fold into one menu, so the row stays narrow. */
  protected readonly narrow = injectNarrowScreen();

  protected readonly columns = computed(() =>
    this.canManage()
      ? ['email', 'displayName', 'roles', 'joinedAt', 'actions']
      : ['email', 'displayName', 'roles', 'joinedAt'],
  );
}
