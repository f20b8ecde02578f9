import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import {
  PARTICIPANT_ROLES,
  PARTICIPANT_STATUSES,
  type ParticipantRole,
  type ParticipantStatus,
  type ParticipantView,
} from '@mentorship/contracts';
import {
  ChoiceFilterComponent,
  ErrorNotifier,
  PaginatedTableComponent,
  injectNarrowScreen,
} from '@mentorship/admin/ui';
import { ActionsColumnComponent, TableRowsComponent, type RowAction } from '@mentorship/admin/ui/row-actions';
import { participantRoleLabel, participantStatusLabel } from '@mentorship/admin/util';
import { CohortStore } from './cohort.store';

/** The cohort's roster: filters by role, status and skill; approve or reject applications. */
@Component({
  selector: 'mm-roster',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ChoiceFilterComponent,
    MatButtonModule,
    MatInputModule,
    MatTableModule,
    PaginatedTableComponent,
    ActionsColumnComponent,
    TableRowsComponent,
  ],
  template: `
    <div class="mm-filter-bar filters" role="search" aria-label="Filter the roster">
      <mm-choice-filter
        label="Role"
        anyLabel="All roles"
        [choices]="roles"
        [labelOf]="roleLabel"
        [value]="store.rosterQuery().role ?? null"
        (changed)="filter({ role: $event })"
      />
      <mm-choice-filter
        label="Status"
        anyLabel="Any status"
        [choices]="statuses"
        [labelOf]="statusLabel"
        [value]="store.rosterQuery().status ?? null"
        (changed)="filter({ status: $event })"
      />
      <mm-choice-filter
        label="Skill"
        anyLabel="Any skill"
        [choices]="skillIds()"
        [labelOf]="skillName"
        [value]="store.rosterQuery().skillId ?? null"
        (changed)="filter({ skillId: $event })"
      />
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label>Name or email</mat-label>
        <input matInput type="search" [value]="store.rosterQuery().q ?? ''" (change)="search($event)" />
      </mat-form-field>
      <button mat-stroked-button type="button" (click)="filter({ status: 'applied' })">
        Show applications
      </button>
    </div>
    <mm-paginated-table
      itemsLabel="participants"
      [paging]="store.rosterPaging()"
      [loading]="store.loadingRoster()"
      (pageChange)="store.rosterPage($event)"
    >
      <table mat-table [dataSource]="store.roster()?.items ?? []" aria-label="Roster">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
          <td mat-cell *matCellDef="let p">
            <span class="name">{{ p.name }}</span>
            <span class="email">{{ p.email }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="role">
          <th mat-header-cell *matHeaderCellDef scope="col">Role</th>
          <td mat-cell *matCellDef="let p">{{ roleLabel(p.role) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Enrollment</th>
          <td mat-cell *matCellDef="let p">
            <span class="status status-{{ p.status }}">{{ statusLabel(p.status) }}</span>
            <span class="source">{{ sourceLabel(p.source) }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="skills">
          <th mat-header-cell *matHeaderCellDef scope="col">Skills</th>
          <td mat-cell *matCellDef="let p" class="skills">{{ skillsOf(p) }}</td>
        </ng-container>
        <!-- Two short buttons fit a phone: no menu to open for the one decision the row waits for. -->
        <mm-actions-column heading="Decision" [actionsOf]="decisionsOf" [foldOnNarrow]="false" />
        <mm-table-rows [columns]="columns()">
          @if (store.loadingRoster() && !store.roster()) {
            Loading the roster…
          } @else if (store.hasFilters()) {
            Nobody matches these filters.
          } @else {
            Nobody on the roster yet. Import a CSV file or wait for applications.
          }
        </mm-table-rows>
      </table>
    </mm-paginated-table>
  `,
  styles: `
    .filters mm-choice-filter,
    .filters mat-form-field {
      width: 170px;
    }
    .filters .search {
      width: 220px;
    }
    table {
      width: 100%;
    }
    .name {
      display: block;
    }
    .email,
    .source {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .skills {
      max-width: 280px;
    }
    .status {
      font: var(--mat-sys-label-large);
    }
    .status-applied {
      color: var(--mat-sys-tertiary);
    }
    @media (max-width: 599.98px) {
      .filters mm-choice-filter,
      .filters mat-form-field,
      .filters .search {
        width: calc(50% - 6px);
      }
    }
  `,
})
export class RosterComponent {
  protected readonly store = inject(CohortStore);
  private readonly notifier = inject(ErrorNotifier);
  private readonly narrow = injectNarrowScreen();
  protected readonly roles = PARTICIPANT_ROLES;
  protected readonly statuses = PARTICIPANT_STATUSES;
  protected readonly roleLabel = participantRoleLabel;
  protected readonly statusLabel = participantStatusLabel;
  protected readonly skillIds = computed(() => this.store.skills().map((skill) => skill.id));
  protected readonly skillName = (id: string) =>
    this.store.skills().find((skill) => skill.id === id)?.name ?? id;
  protected readonly columns = () =>
    this.narrow() ? ['name', 'status', 'actions'] : ['name', 'role', 'status', 'skills', 'actions'];

  protected filter(filters: {
    role?: ParticipantRole | null;
    status?: ParticipantStatus | null;
    skillId?: string | null;
  }): void {
    this.store.filterRoster(filters);
  }

  protected search(event: Event): void {
    const q = (event.target as HTMLInputElement).value.trim();
    this.store.filterRoster({ q: q || null });
  }

  protected sourceLabel(source: ParticipantView['source']): string {
    return source === 'import' ? 'from an import' : source === 'application' ? 'applied' : 'invited';
  }

  protected skillsOf(participant: ParticipantView): string {
    const skills = participant.profile?.skills ?? [];
    return skills.length === 0 ? '—' : skills.map((s) => `${s.name} ${s.level}`).join(', ');
  }

  /** An application is approved or rejected; no one else on the roster waits for a decision. */
  protected readonly decisionsOf = (participant: ParticipantView): RowAction[] =>
    participant.status !== 'applied'
      ? []
      : [
          {
            label: 'Approve',
            ariaLabel: `Approve ${participant.email}`,
            run: () => this.approve(participant),
            primary: true,
          },
          {
            label: 'Reject',
            ariaLabel: `Reject ${participant.email}`,
            run: () => this.reject(participant),
            danger: true,
          },
        ];

  private approve(participant: ParticipantView): void {
    this.store.approve(participant).subscribe({
      next: () => this.notifier.info(`${participant.name} is enrolled.`),
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  private reject(participant: ParticipantView): void {
    this.store.reject(participant).subscribe({
      next: () => this.notifier.info(`The application of ${participant.name} was rejected.`),
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
