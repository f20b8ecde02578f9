import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { ProposalView, RoundPairView } from '@mentorship/contracts';
import { PaginatedTableComponent, injectNarrowScreen } from '@mentorship/admin/ui';
import { ActionsColumnComponent, TableRowsComponent, type RowAction } from '@mentorship/admin/ui/row-actions';
import { scoreComponentLabel } from '@mentorship/admin/util';
import { RoundStore, pairKey } from './round.store';
import { scoreText } from './round-words';

/** A real option value: mat-select shows a null value as empty, not as "All". */
const ALL = 'all';

type RowState = 'fix' | 'forbid' | 'release' | 'fixed' | null;

/**
 * The round's proposals, best first: each score with its reasons in words, filters (name, mentor,
 * score range), and per row the decision for the next re-run: fix the pair or forbid it.
 */
@Component({
  selector: 'mm-proposals-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    PaginatedTableComponent,
    ActionsColumnComponent,
    TableRowsComponent,
  ],
  template: `
    <div class="mm-filter-bar filters" role="search" aria-label="Filter the proposals">
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label>Name or email</mat-label>
        <input
          matInput
          type="search"
          [value]="store.proposalQuery().search ?? ''"
          (change)="filterText('search', $event)"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Mentor</mat-label>
        <mat-select
          [value]="store.proposalQuery().mentorUserId ?? all"
          (selectionChange)="
            store.filterProposals({ mentorUserId: $event.value === all ? null : $event.value })
          "
        >
          <mat-option [value]="all">Every mentor</mat-option>
          @for (mentor of store.mentors(); track mentor.userId) {
            <mat-option [value]="mentor.userId">{{ mentor.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="score">
        <mat-label>Score from</mat-label>
        <input
          matInput
          type="number"
          min="0"
          max="100"
          [value]="store.proposalQuery().minScore ?? ''"
          (change)="filterScore('minScore', $event)"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="score">
        <mat-label>Score to</mat-label>
        <input
          matInput
          type="number"
          min="0"
          max="100"
          [value]="store.proposalQuery().maxScore ?? ''"
          (change)="filterScore('maxScore', $event)"
        />
      </mat-form-field>
    </div>
    <ng-template #reasons let-p>
      <ul class="reason-list" [attr.aria-label]="'Why ' + p.menteeName + ' with ' + p.mentorName">
        @for (c of topComponents(p); track c.id) {
          <li>
            <span class="component">{{ componentLabel(c.id) }}</span>
            <span class="points">+{{ c.points.toFixed(0) }}</span>
            {{ c.reason }}
          </li>
        }
      </ul>
    </ng-template>
    <mm-paginated-table
      itemsLabel="proposals"
      [paging]="store.proposalPaging()"
      [loading]="store.loadingProposals()"
      (pageChange)="store.changeProposalPage($event.page, $event.pageSize)"
    >
      <table mat-table [dataSource]="store.proposals()?.items ?? []" aria-label="Proposals">
        <ng-container matColumnDef="pair">
          <th mat-header-cell *matHeaderCellDef scope="col">Mentee and mentor</th>
          <td mat-cell *matCellDef="let p">
            <span class="name">{{ p.menteeName }}</span>
            <span class="with">with {{ p.mentorName }}</span>
            @if (p.groupNumber !== null) {
              <span class="with">group {{ p.groupNumber }}</span>
            }
            @if (stateOf(p); as state) {
              <span class="state state-{{ state }}">{{ stateWords[state] }}</span>
            }
            @if (narrow()) {
              <ng-container *ngTemplateOutlet="reasons; context: { $implicit: p }" />
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="score">
          <th mat-header-cell *matHeaderCellDef scope="col">Score</th>
          <td mat-cell *matCellDef="let p" class="score-cell">
            <span class="score-value" [attr.aria-label]="scoreText(p.score) + ' out of 100'">{{
              scoreText(p.score)
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="reasons">
          <th mat-header-cell *matHeaderCellDef scope="col">Why</th>
          <td mat-cell *matCellDef="let p" class="reasons">
            <ng-container *ngTemplateOutlet="reasons; context: { $implicit: p }" />
          </td>
        </ng-container>
        <mm-actions-column heading="Decision" [actionsOf]="decisionsOf" [menuLabelOf]="menuLabelOf" />
        <mm-table-rows [columns]="columns()">
          @if (store.loadingProposals() && !store.proposals()) {
            Loading the proposals…
          } @else if (hasFilters()) {
            No proposal matches these filters.
          } @else {
            The round proposes no pair.
          }
        </mm-table-rows>
      </table>
    </mm-paginated-table>
  `,
  styles: `
    .filters mat-form-field {
      width: 190px;
    }
    .filters .search {
      width: 220px;
    }
    .filters .score {
      width: 110px;
    }
    table {
      width: 100%;
    }
    .name {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .with {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    .state {
      display: inline-block;
      margin-top: 4px;
      padding: 0 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .state-forbid {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .score-value {
      font: var(--mat-sys-title-medium);
    }
    .reason-list {
      margin: 4px 0;
      padding: 0;
      list-style: none;
    }
    .reason-list li {
      font: var(--mat-sys-body-small);
      margin: 2px 0;
    }
    .component {
      font-weight: 500;
    }
    .points {
      color: var(--mat-sys-primary);
      margin: 0 4px;
    }
    @media (max-width: 599.98px) {
      .filters mat-form-field,
      .filters .search {
        width: calc(50% - 6px);
      }
    }
  `,
})
export class ProposalsTableComponent {
  protected readonly store = inject(RoundStore);
  protected readonly narrow = injectNarrowScreen();
  protected readonly all = ALL;
  protected readonly scoreText = scoreText;
  /** A phone shows the reasons under the pair: one column fewer to scroll sideways. */
  protected readonly columns = computed(() => [
    'pair',
    'score',
    ...(this.narrow() ? [] : ['reasons']),
    ...(this.readOnly() ? [] : ['actions']),
  ]);
  /** After publication (or while nothing can be re-run) the table only shows. */
  protected readonly readOnly = computed(() => !this.store.reviewable());
  protected readonly hasFilters = computed(() => {
    const q = this.store.proposalQuery();
    return !!(q.search || q.mentorUserId || q.minScore != null || q.maxScore != null);
  });
  protected readonly stateWords: Record<Exclude<RowState, null>, string> = {
    fix: 'To fix in the re-run',
    forbid: 'To forbid in the re-run',
    release: 'To release in the re-run',
    fixed: 'Fixed',
  };
  private readonly decided = computed(() => {
    const d = this.store.decisions();
    const states = new Map<string, RowState>();
    for (const p of this.store.round()?.fixedPairs ?? []) states.set(pairKey(p), 'fixed');
    for (const p of d.release) states.set(pairKey(p), 'release');
    for (const p of d.fix) states.set(pairKey(p), 'fix');
    for (const p of d.forbid) states.set(pairKey(p), 'forbid');
    return states;
  });

  protected stateOf(pair: RoundPairView): RowState {
    return this.decided().get(pairKey(pair)) ?? null;
  }

  /** A pending decision can be undone, a fixed pair released; any other pair fixed or forbidden. */
  protected readonly menuLabelOf = (p: ProposalView) => `Decide on ${p.menteeName} with ${p.mentorName}`;
  protected readonly decisionsOf = (p: ProposalView): RowAction[] => {
    const pair = `${p.menteeName} with ${p.mentorName}`;
    const state = this.stateOf(p);
    if (state === 'fix' || state === 'forbid' || state === 'release') {
      return [{ label: 'Undo', ariaLabel: `Undo for ${pair}`, run: () => this.store.undo(p) }];
    }
    if (state === 'fixed') {
      return [{ label: 'Release', ariaLabel: `Release ${pair}`, run: () => this.store.release(p) }];
    }
    return [
      { label: 'Fix', ariaLabel: `Fix ${pair}`, run: () => this.store.fix(p) },
      { label: 'Forbid', ariaLabel: `Forbid ${pair}`, run: () => this.store.forbid(p), danger: true },
    ];
  };

  /** The components that earned points, most first: the reasons a person reads. */
  protected topComponents(proposal: ProposalView) {
    return [...proposal.components].filter((c) => c.points >= 0.5).sort((a, b) => b.points - a.points);
  }

  protected readonly componentLabel = scoreComponentLabel;

  protected filterText(field: 'search', event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim();
    this.store.filterProposals({ [field]: value || null });
  }

  protected filterScore(field: 'minScore' | 'maxScore', event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    const value = raw === '' ? null : Math.min(100, Math.max(0, Math.round(Number(raw))));
    this.store.filterProposals({ [field]: Number.isFinite(value) ? value : null });
  }
}
