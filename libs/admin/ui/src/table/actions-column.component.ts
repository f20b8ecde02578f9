import {
  ChangeDetectionStrategy,
  Component,
  ViewChild,
  inject,
  input,
  type OnDestroy,
  type OnInit,
} from '@angular/core';
import { CdkTable } from '@angular/cdk/table';
import { MatCellDef, MatColumnDef, MatHeaderCellDef, MatTableModule } from '@angular/material/table';
import { RowActionsComponent, type RowAction } from './row-actions.component';

/**
 * The `actions` column of a mat-table, stuck to its end so a table that scrolls sideways keeps
 * its actions on screen: a visually hidden heading and, per row, `mm-row-actions`. Put it in the
 * table in place of a `matColumnDef` (it registers itself, as Material's `mat-text-column` does)
 * and name it `actions` in the table's columns.
 */
@Component({
  selector: 'mm-actions-column',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, RowActionsComponent],
  template: `
    <ng-container matColumnDef="actions" stickyEnd>
      <th mat-header-cell *matHeaderCellDef scope="col">
        <span class="cdk-visually-hidden">{{ heading() }}</span>
      </th>
      <td mat-cell *matCellDef="let row" class="actions">
        <mm-row-actions
          [actions]="actionsOf()(row)"
          [menuLabel]="menuLabelOf()(row)"
          [foldOnNarrow]="foldOnNarrow()"
        />
      </td>
    </ng-container>
  `,
  styles: `
    .actions {
      text-align: end;
      white-space: nowrap;
      background: var(--mat-sys-surface);
    }
  `,
})
export class ActionsColumnComponent<T> implements OnInit, OnDestroy {
  /** Read by screen readers only: "Actions", "Decision". */
  readonly heading = input('Actions');
  readonly actionsOf = input.required<(row: T) => readonly RowAction[]>();
  /** Names a row's "…" button on a narrow screen (`Actions for ada@example.com`). */
  readonly menuLabelOf = input<(row: T) => string>(() => '');
  readonly foldOnNarrow = input(true);

  private readonly table = inject(CdkTable);
  // Static decorator queries, as mat-text-column's: the table needs the definition in ngOnInit.
  @ViewChild(MatColumnDef, { static: true }) private readonly columnDef!: MatColumnDef;
  @ViewChild(MatCellDef, { static: true }) private readonly cell!: MatCellDef;
  @ViewChild(MatHeaderCellDef, { static: true }) private readonly headerCell!: MatHeaderCellDef;

  ngOnInit(): void {
    this.columnDef.cell = this.cell;
    this.columnDef.headerCell = this.headerCell;
    this.table.addColumnDef(this.columnDef);
  }

  ngOnDestroy(): void {
    this.table.removeColumnDef(this.columnDef);
  }
}
