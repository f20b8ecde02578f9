import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  SimpleChange,
  ViewChild,
  inject,
  input,
} from '@angular/core';
import { MatHeaderRowDef, MatNoDataRow, MatRowDef, MatTable, MatTableModule } from '@angular/material/table';

/**
 * The rows every list table of the admin has, put inside its `<table mat-table>` after the
 * column definitions: the header row, a row per item, and the row shown when there is none,
 * which says `empty` (or the projected words, for a table whose words need `@if`).
 * The table finds row definitions only among its own content, so this hands them over with
 * the table's API for that (`addHeaderRowDef`, `addRowDef`, `setNoDataRow`).
 */
@Component({
  selector: 'mm-table-rows',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule],
  template: `
    <tr mat-header-row *matHeaderRowDef="columns()"></tr>
    <tr mat-row *matRowDef="let row; columns: columns()"></tr>
    <tr class="mat-mdc-row" *matNoDataRow>
      <td class="mat-mdc-cell empty" [attr.colspan]="columns().length">
        @if (empty() !== null) {
          {{ empty() }}
        } @else {
          <ng-content />
        }
      </td>
    </tr>
  `,
  styles: `
    .empty {
      padding: 24px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TableRowsComponent implements OnInit {
  private readonly table = inject(MatTable);
  /** The columns shown, in order (the header row and each row show the same). */
  readonly columns = input.required<string[]>();
  /** What the table says with no rows (loading, nothing yet, nothing for these filters). */
  readonly empty = input<string | null>(null);

  @ViewChild(MatHeaderRowDef, { static: true }) private readonly headerRow!: MatHeaderRowDef;
  @ViewChild(MatRowDef, { static: true }) private readonly row!: MatRowDef<unknown>;
  @ViewChild(MatNoDataRow, { static: true }) private readonly noDataRow!: MatNoDataRow;

  ngOnInit(): void {
    // The table renders its rows from its own view, which Angular checks before this one: the
    // definitions must know their columns by then, not only once this view's bindings run.
    for (const def of [this.headerRow, this.row]) {
      def.columns = this.columns();
      def.ngOnChanges({ columns: new SimpleChange(undefined, def.columns, true) });
    }
    this.table.addHeaderRowDef(this.headerRow);
    this.table.addRowDef(this.row);
    this.table.setNoDataRow(this.noDataRow);
  }
}
