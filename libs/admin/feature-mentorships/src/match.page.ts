import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { MatchAction } from '@mentorship/contracts';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { EmptyStateComponent, ErrorNotifier, LoadingStateComponent } from '@mentorship/admin/ui';
import { ActionDialog, type ActionAnswer, type ActionDialogData } from './action.dialog';
import { AgreementComponent } from './agreement.component';
import { CheckInsComponent } from './check-ins.component';
import { CohortSurveyComponent } from './cohort-survey.component';
import { ExitSurveyComponent } from './exit-survey.component';
import { MapComponent } from './map.component';
import { MatchStore } from './match.store';
import {
  actionDone,
  actionLabel,
  actionReason,
  actorLabel,
  instantLabel,
  matchStatusLabel,
  matchStatusTone,
  endReasonLabel,
  phaseLabel,
} from './mentorship-words';
import { NotebookComponent } from './notebook.component';
import { PulseComponent } from './pulse.component';
import { TrialDecisionComponent } from './trial-decision.component';

const SURVEYED: string[] = ['completed', 'ended', 'trial_declined'];

/**
 * `/orgs/:orgId/matches/:matchId`: one mentorship as its mentee, its mentor or a coordinator
 * sees it — the pair, state and phase, what the state machine lets this person do, the
 * timeline, and the parts of the relationship (trial, agreement, map, check-ins, notebook,
 * pulse). Notification links point here.
 */
@Component({
  selector: 'mm-match-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MatchStore],
  imports: [
    RouterLink,
    MatButtonModule,
    EmptyStateComponent,
    LoadingStateComponent,
    TrialDecisionComponent,
    AgreementComponent,
    MapComponent,
    CheckInsComponent,
    NotebookComponent,
    PulseComponent,
    ExitSurveyComponent,
    CohortSurveyComponent,
  ],
  template: `
    <div class="mm-page">
      @if (store.missing()) {
        <h1>Mentorship not found</h1>
        <mm-empty-state>
          This match does not exist or is not yours to see.
          <a [routerLink]="['/orgs', orgId(), 'matches']">My mentorships</a>
        </mm-empty-state>
      } @else if (store.match(); as match) {
        <header class="head">
          <p class="crumb"><a [routerLink]="['/orgs', orgId(), 'matches']">My mentorships</a></p>
          <h1>{{ match.mentee.displayName }} and {{ match.mentor.displayName }}</h1>
          <p class="pair">
            Mentee <strong>{{ match.mentee.displayName }}</strong> · mentor
            <strong>{{ match.mentor.displayName }}</strong> · {{ match.cohortName }}
            @if (side(); as s) {
              · you are the {{ s }}
            }
          </p>
          <p class="state" aria-label="State">
            <span [class]="'mm-chip ' + tone(match.status)">{{ statusLabel(match.status) }}</span>
            @if (match.phase; as p) {
              <span class="mm-chip phase">Phase: {{ phaseText(p.phase) }} · month {{ p.month }}</span>
            }
            <span class="since">since {{ when(match.statusChangedAt) }}</span>
          </p>
          @if (match.exitReasonCode) {
            <p><strong>Why it ended:</strong> {{ endReason(match.exitReasonCode) }}</p>
          }
          @if (match.exitReason) {
            <blockquote class="note">“{{ match.exitReason }}”</blockquote>
          }
          @if (actions().length > 0) {
            <div class="actions" role="group" aria-label="What you can do">
              @for (action of actions(); track action) {
                <button mat-stroked-button type="button" (click)="take(action)">{{ label(action) }}</button>
              }
            </div>
          }
        </header>

        <div class="parts">
          @if (match.status === 'trial' || store.trial()?.endsAt) {
            <mm-trial-decision />
          }
          @if (showsAgreement()) {
            <mm-agreement />
          }
          @if (showsMap()) {
            <mm-map />
          }
          @if (showsCheckIns()) {
            <mm-check-ins />
            <mm-notebook />
          }
          @if (store.exitSurvey()) {
            <mm-exit-survey />
          }
          @if (surveyCohort(); as cohort) {
            <mm-cohort-survey [orgId]="orgId()" [cohortId]="cohort.id" [cohortName]="cohort.name" />
          }
          @if (store.pulse()) {
            <mm-pulse />
          }
          <section class="mm-section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <ol class="timeline">
              <li>
                <span class="at">{{ when(match.createdAt) }}</span>
                <span>The match was made ({{ origin(match.origin) }}).</span>
              </li>
              @for (event of match.timeline; track $index) {
                <li>
                  <span class="at">{{ when(event.occurredAt) }}</span>
                  <span
                    >{{ done(event.action) }} ({{ actor(event.actor) }}): {{ statusLabel(event.from) }} →
                    {{ statusLabel(event.to) }}.</span
                  >
                  @if (event.reasonCode) {
                    <span>({{ endReason(event.reasonCode) }})</span>
                  }
                  @if (event.reason) {
                    <span class="reason">“{{ event.reason }}”</span>
                  }
                </li>
              }
            </ol>
          </section>
        </div>
      } @else {
        <mm-loading-state [loading]="true" label="Loading the mentorship" />
      }
    </div>
  `,
  styleUrl: './mentorships.css',
})
export class MatchPage {
  readonly orgId = input.required<string>();
  readonly matchId = input.required<string>();
  protected readonly store = inject(MatchStore);
  private readonly api = inject(MentorshipsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly statusLabel = matchStatusLabel;
  protected readonly tone = matchStatusTone;
  protected readonly label = actionLabel;
  protected readonly done = actionDone;
  protected readonly actor = actorLabel;
  protected readonly when = instantLabel;
  protected readonly phaseText = phaseLabel;
  protected readonly endReason = endReasonLabel;
  protected readonly side = this.store.side;
  protected readonly origin = (origin: string) =>
    ({ request: 'from a request', round: 'by a matching round', coordinator: 'by a coordinator' })[origin] ??
    origin;

  protected readonly actions = computed(() => this.store.match()?.allowedActions ?? []);
  protected readonly showsAgreement = computed(() => {
    const status = this.store.match()?.status;
    return status === 'active' || !!this.store.agreement() || this.store.signedAgreements().length > 0;
  });
  /** Once the match is over, its cohort's survey (shown when the cohort has closed). */
  protected readonly surveyCohort = computed(() => {
    const match = this.store.match();
    if (!match || this.side() === null || !SURVEYED.includes(match.status)) return null;
    return { id: match.cohortId, name: match.cohortName };
  });
  protected readonly showsMap = computed(() => this.store.running() || !!this.store.map());
  protected readonly showsCheckIns = computed(
    () => this.store.running() || (this.store.checkIns()?.total ?? 0) > 0,
  );

  constructor() {
    effect(() => {
      const [orgId, matchId] = [this.orgId(), this.matchId()];
      untracked(() => this.store.load(orgId, matchId));
    });
  }

  protected take(action: MatchAction): void {
    this.notifier.dismiss();
    const data: ActionDialogData = {
      action,
      audience:
        actionReason(action) === 'required'
          ? 'Both sides and coordinators read the reason.'
          : 'Only coordinators read the reason: leaving a trial is no one’s fault.',
    };
    this.dialog
      .open<ActionDialog, ActionDialogData, ActionAnswer>(ActionDialog, { data })
      .afterClosed()
      .subscribe((answer) => {
        if (!answer) return;
        this.api.act(this.orgId(), this.matchId(), { action, ...answer }).subscribe({
          next: () => {
            this.notifier.info(`${actionLabel(action)}: done.`);
            this.store.reload();
          },
          error: (error: unknown) => {
            this.notifier.show(error);
            this.store.reload();
          },
        });
      });
  }
}
