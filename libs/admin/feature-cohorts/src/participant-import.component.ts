import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ErrorNotifier, PaginatedTableComponent } from '@mentorship/admin/ui';
import { errorMessageOf } from '@mentorship/admin/util';
import { CohortStore } from './cohort.store';

/**
 * Participant CSV import in two steps: upload (every row is checked, the report lists each
 * rejected line with its reasons), then "import the valid rows" or discard.
 */
@Component({
  selector: 'mm-participant-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, PaginatedTableComponent],
  template: `
    <section class="import" aria-labelledby="import-title">
      <h2 id="import-title">Import participants from a CSV file</h2>
      <p class="help">
        Columns <code>email</code>, <code>name</code>, <code>role</code> (mentor or mentee), and optionally
        <code>skills</code> (like <code>Go:3|Rust:2</code>), <code>time_zone</code>,
        <code>languages</code> (<code>en|de</code>), <code>department</code>, <code>manager_email</code>,
        <code>capacity</code>. Comma or semicolon, as your HR tool exports it. Nothing is imported until you
        confirm.
      </p>
      <div class="upload">
        <label for="participant-csv" class="file-label">Participant CSV file</label>
        <input
          id="participant-csv"
          type="file"
          accept=".csv,text/csv"
          [disabled]="store.importBusy()"
          (change)="upload($event)"
        />
      </div>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }

      @if (store.currentImport(); as current) {
        <section class="report" aria-labelledby="report-title">
          <h3 id="report-title">Row report</h3>
          <p class="counts" role="status">
            {{ current.rows.total }} rows: {{ current.rows.valid }} valid,
            {{ current.rows.rejected }} rejected.
            @if (current.ignoredColumns.length > 0) {
              Ignored columns: {{ current.ignoredColumns.join(', ') }}.
            }
          </p>

          @if (current.rows.rejected > 0) {
            <mm-paginated-table
              itemsLabel="rejected rows"
              [paging]="store.rejectedPaging()"
              (pageChange)="store.rejectedQuery.set($event)"
            >
              <table mat-table [dataSource]="store.rejectedRows()?.items ?? []" aria-label="Rejected rows">
                <ng-container matColumnDef="line">
                  <th mat-header-cell *matHeaderCellDef scope="col">Line</th>
                  <td mat-cell *matCellDef="let row">{{ row.line }}</td>
                </ng-container>
                <ng-container matColumnDef="email">
                  <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
                  <td mat-cell *matCellDef="let row">{{ row.email ?? '—' }}</td>
                </ng-container>
                <ng-container matColumnDef="reasons">
                  <th mat-header-cell *matHeaderCellDef scope="col">Why it was rejected</th>
                  <td mat-cell *matCellDef="let row">{{ row.reasons.join('; ') }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns"></tr>
              </table>
            </mm-paginated-table>
          }

          @switch (current.status) {
            @case ('validated') {
              <div class="actions">
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="store.importBusy() || current.rows.valid === 0"
                  (click)="commit()"
                >
                  {{ commitLabel() }}
                </button>
                <button mat-button type="button" [disabled]="store.importBusy()" (click)="discard()">
                  Discard
                </button>
              </div>
              @if (current.rows.valid === 0) {
                <p class="help">No row can be imported. Fix the file and upload it again.</p>
              }
            }
            @case ('completed') {
              <p class="done" role="status">
                Imported {{ current.rows.valid }} rows: {{ current.enrolled }} enrolled,
                {{ current.invited }} invited to the organization.
              </p>
            }
            @case ('failed') {
              <p class="error" role="alert">Nothing was imported: {{ current.failure }}</p>
            }
            @case ('discarded') {
              <p class="help">Discarded: nothing was imported.</p>
            }
            @default {
              <p role="status">
                Importing {{ current.progress.processed }} of {{ current.progress.total }} rows…
              </p>
              <mat-progress-bar mode="determinate" [value]="percent()" aria-label="Import progress" />
            }
          }
        </section>
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 16px 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .help {
      color: var(--mat-sys-on-surface-variant);
      max-width: 70ch;
    }
    code {
      font-size: 0.9em;
    }
    .upload {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 16px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 12px;
    }
    .file-label {
      font: var(--mat-sys-title-small);
    }
    input[type='file'] {
      max-width: 100%;
    }
    table {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 16px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .done {
      font: var(--mat-sys-title-small);
    }
  `,
})
export class ParticipantImportComponent {
  protected readonly store = inject(CohortStore);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly columns = ['line', 'email', 'reasons'];
  /** What the API refused about the file itself (unreadable, too many rows). */
  protected readonly error = signal<string | null>(null);
  protected readonly commitLabel = computed(() => {
    const valid = this.store.currentImport()?.rows.valid ?? 0;
    return valid === 1 ? 'Import the valid row' : `Import the ${valid} valid rows`;
  });
  protected readonly percent = computed(() => {
    const progress = this.store.currentImport()?.progress;
    return progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;
  });

  protected upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.error.set(null);
    void file.text().then((csv) => {
      // The same file may be chosen again after a fix: let the input report it as a change.
      input.value = '';
      this.store.validateImport(csv).subscribe({
        error: (error: unknown) => this.error.set(errorMessageOf(error)),
      });
    });
  }

  protected commit(): void {
    this.store.commitImport().subscribe({
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  protected discard(): void {
    this.store.discardImport().subscribe({
      next: () => this.notifier.info('Import discarded.'),
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
