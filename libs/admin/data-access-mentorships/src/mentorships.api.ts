import { Injectable, inject } from '@angular/core';
import type {
  CohortSurveyRequest,
  EditAgreementRequest,
  ExitSurveyRequest,
  NeedsAttentionKind,
  LogCheckInRequest,
  MatchActionRequest,
  MatchStatus,
  NotebookEntryRequest,
  PlanMeetingRequest,
  PulseAnswerRequest,
  SaveMapRequest,
  TrialAnswerRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/**
 * One match's life after matching: its state machine, trial, agreement, the mentee's map,
 * check-ins, notebook, next meeting and pulse. The API decides what the caller may do (the
 * match's `allowedActions`, 403/409 for the rest); the page offers only what it allows.
 */
@Injectable({ providedIn: 'root' })
export class MentorshipsApi {
  private readonly http = inject(ApiHttp);

  /** The caller's matches as mentor or mentee, newest first. */
  mine(orgId: string, query: { page: number; pageSize: number; status?: MatchStatus | null }) {
    return this.http.get('/api/v1/orgs/{orgId}/matches', { path: { orgId }, query });
  }

  /** Every match of a cohort, for its coordinators: the latest change first. */
  ofCohort(
    orgId: string,
    cohortId: string,
    query: { page: number; pageSize: number; status?: MatchStatus | null },
  ) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/matches', {
      path: { orgId, cohortId },
      query,
    });
  }

  /** A cohort's feedback in aggregate (pulses, recommendation, outcomes), for its coordinators. */
  cohortFeedback(orgId: string, cohortId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/feedback', { path: { orgId, cohortId } });
  }

  match(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}', { path: { orgId, matchId } });
  }

  act(orgId: string, matchId: string, body: MatchActionRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/actions', {
      path: { orgId, matchId },
      body,
    });
  }

  trial(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/trial', { path: { orgId, matchId } });
  }

  answerTrial(orgId: string, matchId: string, body: TrialAnswerRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/trial/answers', {
      path: { orgId, matchId },
      body,
    });
  }

  /** 404 `agreement_not_found` until the trial ends well (or someone drafts one). */
  agreement(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/agreement', { path: { orgId, matchId } });
  }

  editAgreement(orgId: string, matchId: string, body: EditAgreementRequest) {
    return this.http.put('/api/v1/orgs/{orgId}/matches/{matchId}/agreement', {
      path: { orgId, matchId },
      body,
    });
  }

  signAgreement(orgId: string, matchId: string, version: number) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/agreement/signatures', {
      path: { orgId, matchId },
      body: { version },
    });
  }

  signedAgreements(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/agreement/versions', {
      path: { orgId, matchId },
    });
  }

  /** 404 `map_not_found` until the mentee saves a first version. */
  map(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/map', { path: { orgId, matchId } });
  }

  saveMap(orgId: string, matchId: string, body: SaveMapRequest) {
    return this.http.put('/api/v1/orgs/{orgId}/matches/{matchId}/map', { path: { orgId, matchId }, body });
  }

  mapTemplate(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/map/template', {
      path: { orgId, matchId },
    });
  }

  /** Members to name as a helper or the map buddy, by the start of a word of their name (the two sides). */
  mapPeople(orgId: string, matchId: string, q: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/map/people', {
      path: { orgId, matchId },
      query: { q },
    });
  }

  mapVersions(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/map/versions', {
      path: { orgId, matchId },
    });
  }

  checkIns(orgId: string, matchId: string, query: { page: number; pageSize: number }) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/check-ins', {
      path: { orgId, matchId },
      query,
    });
  }

  logCheckIn(orgId: string, matchId: string, body: LogCheckInRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/check-ins', {
      path: { orgId, matchId },
      body,
    });
  }

  notebook(orgId: string, matchId: string, query: { page: number; pageSize: number }) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/notebook', {
      path: { orgId, matchId },
      query,
    });
  }

  postToNotebook(orgId: string, matchId: string, body: NotebookEntryRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/notebook', {
      path: { orgId, matchId },
      body,
    });
  }

  /** 404 `meeting_not_planned` before one is planned. */
  nextMeeting(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/next-meeting', {
      path: { orgId, matchId },
    });
  }

  planMeeting(orgId: string, matchId: string, body: PlanMeetingRequest) {
    return this.http.put('/api/v1/orgs/{orgId}/matches/{matchId}/next-meeting', {
      path: { orgId, matchId },
      body,
    });
  }

  /** The next meeting as an iCalendar file, in the organizer's time zone. */
  nextMeetingCalendar(orgId: string, matchId: string) {
    return this.http.getText('/api/v1/orgs/{orgId}/matches/{matchId}/next-meeting.ics', {
      path: { orgId, matchId },
    });
  }

  pulse(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/pulse', { path: { orgId, matchId } });
  }

  answerPulse(orgId: string, matchId: string, body: PulseAnswerRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/pulse', {
      path: { orgId, matchId },
      body,
    });
  }

  /** Open once the match ended or completed. */
  exitSurvey(orgId: string, matchId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matches/{matchId}/exit-survey', { path: { orgId, matchId } });
  }

  answerExitSurvey(orgId: string, matchId: string, body: ExitSurveyRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matches/{matchId}/exit-survey', {
      path: { orgId, matchId },
      body,
    });
  }

  /** The caller's end-of-cohort survey: open once the cohort closed, and their answer if given. */
  cohortSurvey(orgId: string, cohortId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/survey', { path: { orgId, cohortId } });
  }

  answerCohortSurvey(orgId: string, cohortId: string, body: CohortSurveyRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/survey', {
      path: { orgId, cohortId },
      body,
    });
  }

  /** Coordinators: the pairs that need a look, oldest first. */
  needsAttention(
    orgId: string,
    query: {
      page: number;
      pageSize: number;
      kind?: NeedsAttentionKind | null;
      cohortId?: string | null;
      trialEndingWithinDays?: number | null;
    },
  ) {
    return this.http.get('/api/v1/orgs/{orgId}/needs-attention', { path: { orgId }, query });
  }

  /** A mentee's mentors across programs by mentor type (their own, or any for coordinators). */
  personalBoard(orgId: string, userId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/personal-boards/{userId}', { path: { orgId, userId } });
  }
}
