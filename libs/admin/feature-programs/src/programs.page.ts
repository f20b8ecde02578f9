import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ProgramView } from '@mentorship/contracts';
import { ProgramsApi } from '@mentorship/admin/data-access-programs';
import { ErrorNotifier, PagedList, PaginatedTableComponent } from '@mentorship/admin/ui';
import { TableRowsComponent } from '@mentorship/admin/ui/row-actions';
import { KIND_WORDS, MODE_WORDS } from '@mentorship/admin/util';

/** The organization's programs, alphabetically; each opens its editor and its cohorts. */
@Component({
  selector: 'mm-programs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatTableModule, PaginatedTableComponent, TableRowsComponent],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Programs</h1>
        <a mat-flat-button [routerLink]="['/orgs', orgId(), 'programs', 'new']">New program</a>
      </header>
      <p class="intro">A program sets how people are matched; each run of it is a cohort.</p>
      <mm-paginated-table itemsLabel="programs" [list]="list">
        <table mat-table [dataSource]="list.page()?.items ?? []" aria-label="Programs">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
            <td mat-cell *matCellDef="let program">
              <a [routerLink]="['/orgs', orgId(), 'programs', program.id]">{{ program.name }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef scope="col">Kind</th>
            <td mat-cell *matCellDef="let program">{{ kindLabel(program) }}</td>
          </ng-container>
          <ng-container matColumnDef="mode">
            <th mat-header-cell *matHeaderCellDef scope="col">Matching</th>
            <td mat-cell *matCellDef="let program">{{ modeLabel(program) }}</td>
          </ng-container>
          <ng-container matColumnDef="cohorts">
            <th mat-header-cell *matHeaderCellDef scope="col">Cohorts</th>
            <td mat-cell *matCellDef="let program">{{ program.cohorts }}</td>
          </ng-container>
          <mm-table-rows
            [columns]="columns"
            [empty]="list.loading() ? 'Loading programs…' : 'No programs yet. Create the first one.'"
          />
        </table>
      </mm-paginated-table>
    </div>
  `,
  styles: `
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    table {
      width: 100%;
    }
  `,
})
export class ProgramsPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(ProgramsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly list = new PagedList((query) => this.api.list(this.orgId(), query), this.notifier, {});
  protected readonly columns = ['name', 'kind', 'mode', 'cohorts'];

  protected kindLabel(program: ProgramView): string {
    return KIND_WORDS[program.settings.kind].label;
  }

  protected modeLabel(program: ProgramView): string {
    return MODE_WORDS[program.settings.matchingMode].label;
  }
}
