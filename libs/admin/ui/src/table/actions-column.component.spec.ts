import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTableModule } from '@angular/material/table';
import { ActionsColumnComponent } from './actions-column.component';
import type { RowAction } from './row-actions.component';

interface Member {
  email: string;
}

@Component({
  imports: [MatTableModule, ActionsColumnComponent],
  template: `
    <table mat-table [dataSource]="members">
      <ng-container matColumnDef="email">
        <th mat-header-cell *matHeaderCellDef>Email</th>
        <td mat-cell *matCellDef="let member">{{ member.email }}</td>
      </ng-container>
      <mm-actions-column heading="Decision" [actionsOf]="actionsOf" />
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
})
class HostComponent {
  readonly members: Member[] = [{ email: 'ada@example.com' }, { email: 'grace@example.com' }];
  readonly columns = ['email', 'actions'];
  readonly removed: string[] = [];
  readonly actionsOf = (member: Member): RowAction[] =>
    member.email.startsWith('grace')
      ? []
      : [
          {
            label: 'Remove',
            ariaLabel: `Remove ${member.email}`,
            run: () => this.removed.push(member.email),
          },
        ];
}

describe(ActionsColumnComponent.name, () => {
  it('adds a sticky actions column to the table it stands in, with the row’s actions', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const header = host.querySelector('th.mat-column-actions');
    expect(header?.textContent?.trim()).toBe('Decision');
    expect(header?.querySelector('.cdk-visually-hidden')).not.toBeNull();
    const cells = [...host.querySelectorAll('td.mat-column-actions')];
    expect(cells.map((cell) => cell.querySelectorAll('button').length)).toEqual([1, 0]);
    cells[0]?.querySelector('button')?.click();
    expect(fixture.componentInstance.removed).toEqual(['ada@example.com']);
    expect(header?.classList).toContain('mat-mdc-table-sticky');
  });
});
