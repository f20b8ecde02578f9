import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AgreementView,
  CheckInPage,
  ExitSurveyView,
  MapVersion,
  MapView,
  MatchDetail,
  NotebookPage,
  PlannedMeetingView,
  PulseView,
  SignedAgreementVersion,
  TrialView,
} from '@mentorship/contracts';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { ErrorNotifier } from '@mentorship/admin/ui';
import { errorBodyOf } from '@mentorship/admin/util';
import { type Observable, catchError, of } from 'rxjs';
import { sideOf } from './mentorship-words';

const FIRST_PAGE = { page: 1, pageSize: 20 };
const RUNNING = ['trial', 'active'];

/**
 * One match as its page shows it: the match and its timeline, and each part (trial, agreement,
 * map, check-ins, notebook, next meeting, pulse) read on its own, so a part that does not exist
 * yet (404 `agreement_not_found`, `map_not_found`, `meeting_not_planned`) is simply "none" and a
 * change to one part reloads only what it touches.
 */
@Injectable()
export class MatchStore {
  private readonly api = inject(MentorshipsApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ErrorNotifier);
  private ids: { orgId: string; matchId: string } | null = null;

  readonly match = signal<MatchDetail | null>(null);
  readonly missing = signal(false);
  readonly trial = signal<TrialView | null>(null);
  readonly agreement = signal<AgreementView | null>(null);
  readonly signedAgreements = signal<SignedAgreementVersion[]>([]);
  readonly map = signal<MapView | null>(null);
  readonly mapVersions = signal<MapVersion[]>([]);
  readonly checkIns = signal<CheckInPage | null>(null);
  readonly notebook = signal<NotebookPage | null>(null);
  readonly meeting = signal<PlannedMeetingView | null>(null);
  readonly pulse = signal<PulseView | null>(null);
  readonly exitSurvey = signal<ExitSurveyView | null>(null);

  /** The caller's side (mentee or mentor), or null for a coordinator who is neither. */
  readonly side = computed(() => {
    const match = this.match();
    return match ? sideOf(match, this.session.user()?.id) : null;
  });
  readonly running = computed(() => RUNNING.includes(this.match()?.status ?? ''));
  /** Check-ins, notebook and the next meeting are the two sides' own, while the match runs. */
  readonly sideWhileRunning = computed(() => this.running() && this.side() !== null);

  get orgId(): string {
    return this.ids?.orgId ?? '';
  }
  get matchId(): string {
    return this.ids?.matchId ?? '';
  }

  load(orgId: string, matchId: string): void {
    this.ids = { orgId, matchId };
    this.missing.set(false);
    this.api.match(orgId, matchId).subscribe({
      next: (match) => {
        this.match.set(match);
        this.loadParts();
      },
      error: (error: unknown) => {
        if (errorBodyOf(error)?.code === 'match_not_found') this.missing.set(true);
        else this.notifier.show(error);
      },
    });
  }

  /** The match changed state (an action, a trial answer): read it and every part again. */
  reload(): void {
    if (this.ids) this.load(this.ids.orgId, this.ids.matchId);
  }

  private loadParts(): void {
    this.reloadTrial();
    this.reloadAgreement();
    this.reloadMap();
    this.reloadCheckIns();
    this.reloadNotebook();
    this.reloadMeeting();
    this.reloadPulse();
    this.reloadExitSurvey();
  }

  reloadTrial(): void {
    this.read(this.api.trial(this.orgId, this.matchId), this.trial);
  }

  reloadAgreement(): void {
    this.read(this.api.agreement(this.orgId, this.matchId), this.agreement, 'agreement_not_found');
    this.api
      .signedAgreements(this.orgId, this.matchId)
      .pipe(catchError(() => of({ items: [] })))
      .subscribe((page) => this.signedAgreements.set(page.items));
  }

  reloadMap(): void {
    this.read(this.api.map(this.orgId, this.matchId), this.map, 'map_not_found');
    this.api
      .mapVersions(this.orgId, this.matchId)
      .pipe(catchError(() => of({ items: [] })))
      .subscribe((page) => this.mapVersions.set(page.items));
  }

  reloadCheckIns(): void {
    this.read(this.api.checkIns(this.orgId, this.matchId, FIRST_PAGE), this.checkIns);
  }

  reloadNotebook(): void {
    this.read(this.api.notebook(this.orgId, this.matchId, FIRST_PAGE), this.notebook);
  }

  reloadMeeting(): void {
    this.read(this.api.nextMeeting(this.orgId, this.matchId), this.meeting, 'meeting_not_planned');
  }

  /** A pulse is the two sides' own; coordinators read pulses in aggregate, by cohort. */
  reloadPulse(): void {
    if (this.side() === null) return this.pulse.set(null);
    this.read(this.api.pulse(this.orgId, this.matchId), this.pulse);
  }

  /** Only an ended or completed match has one. */
  reloadExitSurvey(): void {
    const status = this.match()?.status;
    if (status !== 'ended' && status !== 'completed') return this.exitSurvey.set(null);
    this.read(this.api.exitSurvey(this.orgId, this.matchId), this.exitSurvey);
  }

  /** Reads one part; the "does not exist yet" code leaves it empty, anything else is shown. */
  private read<T>(request: Observable<T>, into: { set(value: T | null): void }, absent?: string): void {
    request.subscribe({
      next: (value) => into.set(value),
      error: (error: unknown) => {
        into.set(null);
        if (absent && errorBodyOf(error)?.code === absent) return;
        this.notifier.show(error);
      },
    });
  }
}
