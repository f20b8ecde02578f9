import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { MemberView } from '@mentorship/contracts';
import { RoleChipsComponent } from '@mentorship/admin/ui';
import { ActionsColumnComponent, TableRowsComponent, type RowAction } from '@mentorship/admin/ui/row-actions';

@Component({
  selector: 'mm-members-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, RoleChipsComponent, ActionsColumnComponent, TableRowsComponent],
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
      <mm-actions-column [actionsOf]="actionsOf" [menuLabelOf]="menuLabelOf" />

      <mm-table-rows [columns]="columns()" [empty]="emptyText()" />
    </table>
  `,
  styles: `
    table {
      width: 100%;
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

  protected readonly columns = computed(() =>
    this.canManage()
      ? ['email', 'displayName', 'roles', 'joinedAt', 'actions']
      : ['email', 'displayName', 'roles', 'joinedAt'],
  );

  protected readonly menuLabelOf = (member: MemberView) => `Actions for ${member.email}`;
  protected readonly actionsOf = (member: MemberView): RowAction[] => [
    {
      label: 'Edit roles',
      ariaLabel: `Edit roles of ${member.email}`,
      run: () => this.editRoles.emit(member),
    },
    {
      label: 'Remove',
      ariaLabel: `Remove ${member.email}`,
      run: () => this.remove.emit(member),
      danger: true,
    },
  ];
}
