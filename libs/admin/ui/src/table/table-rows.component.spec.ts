import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTableModule } from '@angular/material/table';
import { TableRowsComponent } from './table-rows.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, TableRowsComponent],
  template: `
    <table mat-table [dataSource]="rows()" aria-label="Skills">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let row">{{ row.name }}</td>
      </ng-container>
      <ng-container matColumnDef="uses">
        <th mat-header-cell *matHeaderCellDef>Uses</th>
        <td mat-cell *matCellDef="let row">{{ row.uses }}</td>
      </ng-container>
      @if (projected()) {
        <mm-table-rows [columns]="columns()"><em>Nothing for these filters</em></mm-table-rows>
      } @else {
        <mm-table-rows [columns]="columns()" [empty]="empty()" />
      }
    </table>
  `,
})
class HostComponent {
  readonly rows = signal<{ name: string; uses: number }[]>([]);
  readonly columns = signal(['name', 'uses']);
  readonly empty = signal('No skills yet.');
  readonly projected = signal(false);
}

// As the pages have it: the rows straight in the table, not under a control-flow block, so the
// table's view is checked before the rows' own bindings have run.
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, TableRowsComponent],
  template: `
    <table mat-table [dataSource]="rows" aria-label="Skills">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let row">{{ row.name }}</td>
      </ng-container>
      <mm-table-rows [columns]="['name']" empty="No skills yet." />
    </table>
  `,
})
class PageLikeHostComponent {
  readonly rows = [{ name: 'Go' }];
}

describe(TableRowsComponent.name, () => {
  // Harness steps on a busy shared machine; the first test also compiles the components.
  jest.setTimeout(30_000);

  async function render(change: (host: HostComponent) => void = () => undefined) {
    const fixture = TestBed.createComponent(HostComponent);
    change(fixture.componentInstance);
    await fixture.whenStable();
    return { fixture, table: fixture.nativeElement.querySelector('table') as HTMLTableElement };
  }
  const texts = (cells: NodeListOf<Element>) => [...cells].map((cell) => cell.textContent?.trim());

  it('gives the table its header row and a row per item, in the columns asked for', async () => {
    const { fixture, table } = await render((host) =>
      host.rows.set([
        { name: 'Go', uses: 3 },
        { name: 'Rust', uses: 1 },
      ]),
    );
    expect(texts(table.querySelectorAll('thead th'))).toEqual(['Name', 'Uses']);
    expect(texts(table.querySelectorAll('tbody tr td'))).toEqual(['Go', '3', 'Rust', '1']);
    fixture.componentInstance.columns.set(['uses']);
    await fixture.whenStable();
    expect(texts(table.querySelectorAll('thead th'))).toEqual(['Uses']);
    expect(texts(table.querySelectorAll('tbody tr td'))).toEqual(['3', '1']);
  });

  it('says what it was told across every column when there is no row, and follows the words', async () => {
    const { fixture, table } = await render();
    const cell = () => table.querySelector('tbody td.empty') as HTMLTableCellElement;
    expect(cell().textContent?.trim()).toBe('No skills yet.');
    expect(cell().getAttribute('colspan')).toBe('2');
    fixture.componentInstance.empty.set('Loading skills…');
    await fixture.whenStable();
    expect(cell().textContent?.trim()).toBe('Loading skills…');
    fixture.componentInstance.rows.set([{ name: 'Go', uses: 3 }]);
    await fixture.whenStable();
    expect(table.querySelector('td.empty')).toBeNull();
  });

  it('shows projected words when given no text', async () => {
    const { table } = await render((host) => host.projected.set(true));
    expect(table.querySelector('tbody td.empty em')?.textContent).toBe('Nothing for these filters');
  });

  it('renders straight inside a table, as the pages put it', async () => {
    const fixture = TestBed.createComponent(PageLikeHostComponent);
    await fixture.whenStable();
    const table = fixture.nativeElement.querySelector('table') as HTMLTableElement;
    expect(texts(table.querySelectorAll('thead th'))).toEqual(['Name']);
    expect(texts(table.querySelectorAll('tbody tr td'))).toEqual(['Go']);
  });
});
