import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type ProgramPage, type ProgramView } from '@mentorship/contracts';
import { ProgramsApi } from '@mentorship/admin/data-access-programs';
import { ErrorNotifier, PaginatedTableComponent, type PageRequest } from '@mentorship/admin/ui';
import { KIND_WORDS, MODE_WORDS } from '@mentorship/admin/util';

/** The organization's programs, alphabetically; each opens its editor and its cohorts. */
@Component({
  selector: 'mm-programs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatTableModule, PaginatedTableComponent],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Programs</h1>
        <a mat-flat-button [routerLink]="['/orgs', orgId(), 'programs', 'new']">New program</a>
      </header>
      <p class="intro">A program sets how people are matched; each run of it is a cohort.</p>
      <mm-paginated-table
        itemsLabel="programs"
        [total]="programs()?.total ?? 0"
        [page]="query().page"
        [pageSize]="query().pageSize"
        [loading]="loading()"
        (pageChange)="query.set($event)"
      >
        <table mat-table [dataSource]="programs()?.items ?? []" aria-label="Programs">
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
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-mdc-row" *matNoDataRow>
            <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">
              {{ loading() ? 'Loading programs…' : 'No programs yet. Create the first one.' }}
            </td>
          </tr>
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
    .empty {
      padding: 24px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProgramsPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(ProgramsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly query = signal<PageRequest>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly programs = signal<ProgramPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly columns = ['name', 'kind', 'mode', 'cohorts'];

  protected kindLabel(program: ProgramView): string {
    return KIND_WORDS[program.settings.kind].label;
  }

  protected modeLabel(program: ProgramView): string {
    return MODE_WORDS[program.settings.matchingMode].label;
  }

  constructor() {
    effect((onCleanup) => {
      this.loading.set(true);
      const subscription = this.api.list(this.orgId(), this.query()).subscribe({
        next: (page) => {
          this.programs.set(page);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.notifier.show(error);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
