import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { PaginatedTableComponent } from '@mentorship/admin/ui';
import { CohortStore } from './cohort.store';

/** Mentees waiting for a mentor place, in order of enrollment, and how many places are missing. */
@Component({
  selector: 'mm-waitlist',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, PaginatedTableComponent],
  template: `
    @if (store.waitlist(); as waitlist) {
      <section class="capacity" aria-labelledby="capacity-title">
        <h2 id="capacity-title">Mentor places</h2>
        <dl class="figures">
          <div>
            <dt>Enrolled mentors</dt>
            <dd>{{ waitlist.capacity.mentors }}</dd>
          </div>
          <div>
            <dt>Mentor places</dt>
            <dd>{{ waitlist.capacity.mentorPlaces }}</dd>
          </div>
          <div>
            <dt>Enrolled mentees</dt>
            <dd>{{ waitlist.capacity.mentees }}</dd>
          </div>
          <div>
            <dt>Waiting</dt>
            <dd>{{ waitlist.capacity.waiting }}</dd>
          </div>
        </dl>
        <p class="gap" [class.short]="waitlist.capacity.gap > 0" role="status">{{ gapSentence() }}</p>
      </section>
      @if (waitlist.total > 0) {
        <mm-paginated-table
          itemsLabel="waiting mentees"
          [paging]="store.waitlistPaging()"
          (pageChange)="store.waitlistQuery.set($event)"
        >
          <table mat-table [dataSource]="waitlist.items" aria-label="Waitlist">
            <ng-container matColumnDef="position">
              <th mat-header-cell *matHeaderCellDef scope="col">Place in line</th>
              <td mat-cell *matCellDef="let entry">{{ entry.position }}</td>
            </ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Mentee</th>
              <td mat-cell *matCellDef="let entry">
                {{ entry.name }}<span class="email">{{ entry.email }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="enrolledAt">
              <th mat-header-cell *matHeaderCellDef scope="col">Enrolled</th>
              <td mat-cell *matCellDef="let entry">{{ entry.enrolledAt | date: 'mediumDate' }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </mm-paginated-table>
      }
    } @else {
      <p class="gap">Loading the waitlist…</p>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 16px 0 8px;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 8px;
      margin: 0;
    }
    .figures div {
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 4px 0 0;
      font: var(--mat-sys-headline-small);
    }
    .gap {
      font: var(--mat-sys-body-large);
    }
    .gap.short {
      color: var(--mat-sys-error);
    }
    table {
      width: 100%;
    }
    .email {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class WaitlistComponent {
  protected readonly store = inject(CohortStore);
  protected readonly columns = ['position', 'name', 'enrolledAt'];
  protected readonly gapSentence = computed(() => {
    const capacity = this.store.waitlist()?.capacity;
    if (!capacity) return '';
    if (capacity.gap === 0) return 'Every enrolled mentee has a mentor place.';
    const places = capacity.gap === 1 ? '1 more mentor place is' : `${capacity.gap} more mentor places are`;
    return `${places} needed for the ${capacity.waiting} waiting mentees.`;
  });
}
