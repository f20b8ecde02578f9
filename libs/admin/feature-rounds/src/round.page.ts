import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import {
  ROUND_MODES,
  ROUND_OBJECTIVES,
  type RoundMode,
  type RoundObjective,
  type RoundView,
} from '@mentorship/contracts';
import {
  BarChartComponent,
  ConfirmDialog,
  ErrorNotifier,
  type ConfirmDialogData,
} from '@mentorship/admin/ui';
import { filter, switchMap } from 'rxjs';
import { DryRunFormComponent } from './dry-run-form.component';
import { ProposalsTableComponent } from './proposals-table.component';
import { RoundDiffComponent } from './round-diff.component';
import { RoundStore } from './round.store';
import {
  MODE_WORDS,
  OBJECTIVE_WORDS,
  PHASE_WORDS,
  STATUS_WORDS,
  UNMATCHED_WORDS,
  totalText,
} from './round-words';

/**
 * `/orgs/:orgId/cohorts/:cohortId/rounds[/:roundId]`: a coordinator runs a bulk matching round
 * for the cohort, follows its progress, reviews the explained proposals (fix, forbid, re-run,
 * dry run with other weights, each with its diff), sees who stays unmatched and why and how
 * full each mentor is, and publishes.
 */
@Component({
  selector: 'mm-round-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatRadioModule,
    MatTabsModule,
    BarChartComponent,
    DryRunFormComponent,
    ProposalsTableComponent,
    RoundDiffComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Matching round</h1>
        <a mat-button [routerLink]="['/orgs', orgId(), 'cohorts', cohortId()]">{{
          store.cohort()?.name ? 'Back to ' + store.cohort()?.name : 'Back to the cohort'
        }}</a>
      </header>

      @if (store.problem(); as problem) {
        <div class="problem" role="alert">
          <p>{{ problem.message }}</p>
          <div class="problem-actions">
            @if (problem.runningRoundId) {
              <a
                mat-stroked-button
                [routerLink]="['/orgs', orgId(), 'cohorts', cohortId(), 'rounds', problem.runningRoundId]"
                >Open the running round</a
              >
            }
            <button mat-button type="button" (click)="store.dismissProblem()">Dismiss</button>
          </div>
        </div>
      }

      @if (store.round(); as round) {
        <section class="card" aria-labelledby="round-title">
          <div class="round-head">
            <h2 id="round-title">Round of {{ round.createdAt | date: 'medium' }}</h2>
            <span class="status status-{{ round.status }}">{{ statusWords[round.status] }}</span>
          </div>
          <p class="note">
            {{ objectiveWords[round.objective].label }} · {{ modeWords[round.mode].label }}
            @if (round.previousRoundId) {
              · a re-run of
              <a [routerLink]="['/orgs', orgId(), 'cohorts', cohortId(), 'rounds', round.previousRoundId]"
                >the previous round</a
              >
            }
            @if (round.warmStarted) {
              · solved from the previous solve
            }
          </p>

          @if (store.running()) {
            <div class="progress">
              <mat-progress-bar
                mode="determinate"
                [value]="round.percent"
                aria-label="Round progress"
                [attr.aria-valuetext]="progressText(round)"
              />
              <p aria-live="polite">{{ progressText(round) }}</p>
            </div>
          }

          @if (round.status === 'failed') {
            <div class="problem" role="alert">
              <p>{{ round.failure?.message ?? 'The round failed.' }}</p>
            </div>
          }

          @if (round.status === 'completed' || round.status === 'published') {
            <dl class="summary">
              <div>
                <dt>Matched</dt>
                <dd>{{ round.matchedCount }} of {{ menteeCount() }} mentees</dd>
              </div>
              <div>
                <dt>Unmatched</dt>
                <dd>{{ round.unmatched.length }}</dd>
              </div>
              <div>
                <dt>Total score</dt>
                <dd>{{ total(round.totalScore) }}</dd>
              </div>
              <div>
                <dt>Blocking pairs</dt>
                <dd>
                  {{ round.blockingPairs }}
                  <span class="hint">would both rather be together</span>
                </dd>
              </div>
            </dl>

            @if (round.status === 'published') {
              <p class="published" role="status">
                Published {{ round.publishedAt | date: 'medium' }}: the proposals are matches now, both sides
                were told by email, and this round does not change any more.
              </p>
            } @else {
              <div class="review-actions">
                <p class="decisions" aria-live="polite">{{ decisionsText() }}</p>
                <button mat-flat-button type="button" (click)="rerun()" [disabled]="store.busy()">
                  {{ store.decisionCount() ? 'Re-run with these decisions' : 'Re-run' }}
                </button>
                @if (store.decisionCount()) {
                  <button mat-button type="button" (click)="store.clearDecisions()">Clear decisions</button>
                }
                <button mat-stroked-button type="button" (click)="publish()" [disabled]="store.busy()">
                  Publish…
                </button>
              </div>
            }

            @if (round.diff) {
              <mm-round-diff
                [diff]="round.diff"
                [names]="store.names()"
                title="Changes against the previous round"
                headingId="rerun-diff-title"
              />
            }

            <mat-tab-group class="tabs" mat-stretch-tabs="false" dynamicHeight>
              <mat-tab [label]="'Proposals (' + (round.matchedCount ?? 0) + ')'">
                <mm-proposals-table />
              </mat-tab>
              <mat-tab [label]="'Unmatched (' + round.unmatched.length + ')'">
                @if (round.unmatched.length) {
                  <ul class="unmatched">
                    @for (u of round.unmatched; track u.menteeUserId) {
                      <li>
                        <span class="name">{{ name(u.menteeUserId) }}</span>
                        <span class="reason">{{ unmatchedWords[u.reason] }}</span>
                        <span class="detail"
                          >{{ u.message }} ({{ u.candidateCount }}
                          {{ u.candidateCount === 1 ? 'mentor passes' : 'mentors pass' }} the rules.)</span
                        >
                      </li>
                    }
                  </ul>
                } @else {
                  <p class="note tab-note">Every mentee of the round has a proposal.</p>
                }
              </mat-tab>
              <mat-tab label="Mentor load">
                <div class="tab-body">
                  <mm-bar-chart
                    caption="Mentees proposed per mentor, and places left"
                    categoryLabel="Mentor"
                    [labels]="load().labels"
                    [series]="load().series"
                    [stacked]="true"
                    [horizontal]="true"
                  />
                </div>
              </mat-tab>
              @if (round.status === 'completed') {
                <mat-tab label="Dry run">
                  <div class="tab-body">
                    <mm-dry-run-form />
                    @if (store.dryRun(); as dry) {
                      <mm-round-diff
                        [diff]="dry.diff"
                        [names]="store.names()"
                        title="Dry run: what would change"
                        headingId="dry-run-diff-title"
                        [note]="
                          'Nothing was saved. ' +
                          dry.matchedCount +
                          ' mentees would be matched, ' +
                          dry.unmatchedCount +
                          ' not; ' +
                          dry.blockingPairs +
                          ' blocking pairs.'
                        "
                      />
                      <button mat-button type="button" (click)="store.closeDryRun()">
                        Close the dry run
                      </button>
                    }
                  </div>
                </mat-tab>
              }
            </mat-tab-group>
          }
        </section>
      } @else if (roundId()) {
        <p class="note">Loading the round…</p>
      }

      @if (showStart()) {
        <section class="card start" aria-labelledby="start-title">
          <h2 id="start-title">
            {{
              store.round()
                ? 'Run another round'
                : 'Run a round for ' + (store.cohort()?.name ?? 'this cohort')
            }}
          </h2>
          @if (store.cohort() && store.cohort()?.status !== 'matching') {
            <p class="note">
              Rounds run while the cohort is in Matching. Move the cohort to Matching on its page first.
            </p>
          }
          <div class="choices">
            <fieldset>
              <legend>Goal</legend>
              <mat-radio-group
                [value]="objective()"
                (change)="objective.set($event.value)"
                aria-label="Goal of the round"
              >
                @for (o of objectives; track o) {
                  <mat-radio-button [value]="o">
                    <span class="choice-label">{{ objectiveWords[o].label }}</span>
                    <span class="choice-hint">{{ objectiveWords[o].hint }}</span>
                  </mat-radio-button>
                }
              </mat-radio-group>
            </fieldset>
            <fieldset>
              <legend>Mode</legend>
              <mat-radio-group
                [value]="mode()"
                (change)="mode.set($event.value)"
                aria-label="Mode of the round"
              >
                @for (m of modes; track m) {
                  <mat-radio-button [value]="m">
                    <span class="choice-label">{{ modeWords[m].label }}</span>
                    <span class="choice-hint">{{ modeWords[m].hint }}</span>
                  </mat-radio-button>
                }
              </mat-radio-group>
            </fieldset>
          </div>
          <button
            mat-flat-button
            type="button"
            (click)="start()"
            [disabled]="store.busy() || store.cohort()?.status !== 'matching'"
          >
            Run the round
          </button>
        </section>
      }

      @if (otherRounds().length) {
        <section class="history" aria-labelledby="history-title">
          <h2 id="history-title">Rounds of this cohort</h2>
          <ul>
            @for (r of otherRounds(); track r.id) {
              <li>
                <a [routerLink]="['/orgs', orgId(), 'cohorts', cohortId(), 'rounds', r.id]">{{
                  r.createdAt | date: 'medium'
                }}</a>
                · {{ statusWords[r.status] }}
                @if (r.matchedCount !== null) {
                  · {{ r.matchedCount }} matched, total {{ total(r.totalScore) }}
                }
              </li>
            }
          </ul>
        </section>
      }
    </div>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      margin: 16px 0;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .note,
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      font: var(--mat-sys-body-small);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 32px;
      margin-bottom: 16px;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0;
      flex: 1 1 300px;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .choice-label {
      display: block;
      font: var(--mat-sys-body-large);
    }
    .choice-hint {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .round-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px 16px;
    }
    .status {
      font: var(--mat-sys-label-large);
      padding: 2px 12px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status-published {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .status-failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .progress {
      margin: 16px 0;
    }
    .progress p {
      margin: 8px 0 0;
    }
    .problem {
      border-radius: 12px;
      padding: 8px 16px;
      margin: 16px 0;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .problem p {
      margin: 8px 0;
    }
    .problem-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 16px 0;
    }
    .summary dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .summary dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .published {
      padding: 8px 16px;
      border-radius: 12px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .review-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .decisions {
      flex: 1 1 240px;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .tabs {
      margin-top: 16px;
    }
    .tab-body,
    .tab-note {
      padding: 16px 0;
    }
    .unmatched {
      list-style: none;
      padding: 0;
      margin: 16px 0;
    }
    .unmatched li {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .unmatched .name {
      font: var(--mat-sys-title-small);
      margin-right: 8px;
    }
    .unmatched .reason {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-tertiary);
    }
    .unmatched .detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    .history ul {
      padding-left: 20px;
    }
    .history h2 {
      font: var(--mat-sys-title-medium);
    }
    @media (max-width: 599.98px) {
      .card {
        padding: 12px;
      }
    }
  `,
})
export class RoundPage {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  /** Absent on `/rounds`: the start form and the cohort's rounds. */
  readonly roundId = input<string | undefined>();
  protected readonly store = inject(RoundStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly objectives = ROUND_OBJECTIVES;
  protected readonly modes = ROUND_MODES;
  protected readonly objectiveWords = OBJECTIVE_WORDS;
  protected readonly modeWords = MODE_WORDS;
  protected readonly statusWords = STATUS_WORDS;
  protected readonly unmatchedWords = UNMATCHED_WORDS;
  protected readonly total = totalText;
  protected readonly objective = signal<RoundObjective>('max-score');
  protected readonly mode = signal<RoundMode>('exact');

  /** A new round starts from here, or after one that failed or was published. */
  protected readonly showStart = computed(() => {
    if (!this.roundId()) return true;
    const status = this.store.round()?.status;
    return status === 'failed' || status === 'published';
  });
  protected readonly menteeCount = computed(() => {
    const round = this.store.round();
    return (round?.matchedCount ?? 0) + (round?.unmatched.length ?? 0);
  });
  protected readonly otherRounds = computed(() =>
    (this.store.history()?.items ?? []).filter((r) => r.id !== this.roundId()),
  );
  protected readonly load = computed(() => {
    const names = this.store.names();
    const rows = [...(this.store.round()?.mentorLoad ?? [])].sort(
      (a, b) =>
        b.assigned - a.assigned ||
        (names.get(a.mentorUserId) ?? '').localeCompare(names.get(b.mentorUserId) ?? ''),
    );
    return {
      labels: rows.map((m) => names.get(m.mentorUserId) ?? 'Unknown mentor'),
      series: [
        { label: 'Mentees proposed', values: rows.map((m) => m.assigned) },
        { label: 'Places left', values: rows.map((m) => m.remaining) },
      ],
    };
  });
  protected readonly decisionsText = computed(() => {
    const d = this.store.decisions();
    const parts = [
      d.fix.length ? `${d.fix.length} to fix` : '',
      d.forbid.length ? `${d.forbid.length} to forbid` : '',
      d.release.length ? `${d.release.length} to release` : '',
    ].filter(Boolean);
    return parts.length
      ? `For the re-run: ${parts.join(', ')}.`
      : 'Fix or forbid pairs in the table, then re-run; or publish the proposals as they are.';
  });

  constructor() {
    effect(() => this.store.open(this.orgId(), this.cohortId(), this.roundId() ?? null));
  }

  protected name(userId: string): string {
    return this.store.names().get(userId) ?? 'Someone who left';
  }

  protected progressText(round: RoundView): string {
    if (round.status === 'queued') return 'Waiting for a worker to take the round…';
    return `${round.phase ? PHASE_WORDS[round.phase] : 'Starting'}: ${round.percent} %`;
  }

  protected start(): void {
    this.store.start({ objective: this.objective(), mode: this.mode() }).subscribe({
      next: (round) => this.openRound(round),
      error: () => undefined, // worded in store.problem
    });
  }

  protected rerun(): void {
    this.store.rerun().subscribe({
      next: (round) => this.openRound(round),
      error: () => undefined,
    });
  }

  protected publish(): void {
    const round = this.store.round();
    if (!round) return;
    const data: ConfirmDialogData = {
      title: 'Publish this round?',
      message: `Its ${round.matchedCount} proposals become matches and both sides of each are told by email. After this the round does not change; mentees left unmatched can go in a later round.`,
      confirmLabel: 'Publish',
    };
    this.dialog
      .open(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.store.publish()),
      )
      .subscribe({
        next: (published) => this.notifier.info(`Published: ${published.matchedCount} matches were made.`),
        error: () => undefined,
      });
  }

  private openRound(round: RoundView): void {
    void this.router.navigate(['/orgs', this.orgId(), 'cohorts', this.cohortId(), 'rounds', round.id]);
  }
}
