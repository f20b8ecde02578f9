import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import {
  AnalyticsApi,
  type CohortComparisonRow,
  type CohortExportDataset,
} from '@mentorship/admin/data-access-analytics';
import { ErrorNotifier, chartCsv, downloadText } from '@mentorship/admin/ui';
import { percent } from './analytics-charts';

/** The comparison's columns: a header and the row's value (null shows as a dash). */
const COLUMNS: { key: string; header: string; value: (r: CohortComparisonRow) => number | null }[] = [
  { key: 'newMatches', header: 'New matches', value: (r) => r.newMatches },
  { key: 'activeMatches', header: 'Active at the end', value: (r) => r.activeMatches },
  { key: 'trials', header: 'Trials started', value: (r) => r.trials.started },
  { key: 'conversion', header: 'Trial conversion (%)', value: (r) => percent(r.trials.conversionRate) },
  { key: 'checkIns', header: 'Check-ins per active match', value: (r) => round(r.checkInsPerActiveMatch) },
  { key: 'milestones', header: 'Milestones completed', value: (r) => r.milestonesCompleted },
  { key: 'pulse', header: 'Pulse average', value: (r) => round(r.pulseAverage) },
  { key: 'nps', header: 'NPS', value: (r) => r.npsScore },
  { key: 'retention90', header: 'Retained at 90 days (%)', value: (r) => percent(r.retention90) },
  { key: 'timeToMatch', header: 'Median days to match', value: (r) => r.medianDaysToMatch },
  { key: 'utilization', header: 'Mentor places used (%)', value: (r) => percent(r.utilization) },
];

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

const EXPORTS: { dataset: CohortExportDataset; label: string }[] = [
  { dataset: 'matches', label: 'Matches (CSV)' },
  { dataset: 'check-ins', label: 'Check-ins (CSV)' },
  { dataset: 'feedback', label: 'Feedback (CSV)' },
];

/** The cohorts side by side, the table as CSV, and each cohort's own data as files from the server. */
@Component({
  selector: 'mm-cohort-comparison',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, MatTableModule],
  template: `
    <div class="scroll">
      <table mat-table [dataSource]="rows()" aria-label="Cohorts compared">
        <ng-container matColumnDef="cohort" sticky>
          <th mat-header-cell *matHeaderCellDef scope="col">Cohort</th>
          <td mat-cell *matCellDef="let row">
            {{ row.cohortName }}<span class="program">{{ row.programName }}</span>
          </td>
        </ng-container>
        @for (column of columns; track column.key) {
          <ng-container [matColumnDef]="column.key">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ column.header }}</th>
            <td mat-cell *matCellDef="let row" class="number">{{ column.value(row) ?? '–' }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="export" stickyEnd>
          <th mat-header-cell *matHeaderCellDef scope="col">Data</th>
          <td mat-cell *matCellDef="let row">
            <button
              mat-button
              type="button"
              [matMenuTriggerFor]="menu"
              [attr.aria-label]="'Export ' + row.cohortName"
            >
              Export
            </button>
            <mat-menu #menu="matMenu">
              @for (e of exports; track e.dataset) {
                <button mat-menu-item type="button" (click)="download(row, e.dataset)">{{ e.label }}</button>
              }
            </mat-menu>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="displayed"></tr>
        <tr mat-row *matRowDef="let row; columns: displayed"></tr>
      </table>
    </div>
    <button mat-button type="button" (click)="downloadTable()">Download CSV</button>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      min-width: 720px;
    }
    /* Eleven figures do not fit beside the names at 1280 px: the table scrolls between the
       cohort's name and its export menu, which stay in view (sticky) so no row is cut off. */
    .mat-mdc-header-cell,
    .mat-mdc-cell {
      padding: 0 8px;
    }
    .mat-mdc-table-sticky {
      background: var(--mat-table-background-color, var(--mat-sys-surface));
    }
    .program {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .number {
      text-align: end;
    }
  `,
})
export class CohortComparisonComponent {
  readonly orgId = input.required<string>();
  readonly rows = input.required<readonly CohortComparisonRow[]>();
  /** The file name of the table's CSV. */
  readonly filename = input.required<string>();

  private readonly api = inject(AnalyticsApi);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly columns = COLUMNS;
  protected readonly exports = EXPORTS;
  protected readonly displayed = ['cohort', ...COLUMNS.map((c) => c.key), 'export'];
  private readonly csv = computed(() =>
    chartCsv(
      'Cohort',
      this.rows().map((r) => `${r.cohortName} (${r.programName})`),
      COLUMNS.map((c) => ({ label: c.header, values: this.rows().map(c.value) })),
    ),
  );

  protected downloadTable(): void {
    downloadText(this.filename(), this.csv());
  }

  protected download(row: CohortComparisonRow, dataset: CohortExportDataset): void {
    this.api.exportFile(this.orgId(), row.cohortId, dataset).subscribe({
      next: ({ blob, filename }) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 0);
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
