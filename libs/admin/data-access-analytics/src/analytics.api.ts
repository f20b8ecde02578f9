import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { components } from '@mentorship/contracts';
import { ApiHttp, expandPath, type ApiPath } from '@mentorship/admin/data-access-api';
import { map, type Observable } from 'rxjs';

type Schemas = components['schemas'];
export type RetentionView = Schemas['RetentionDto'];
export type RetentionCurveView = Schemas['RetentionCurveDto'];
export type TrialFunnelView = Schemas['TrialFunnelDto'];
export type EngagementView = Schemas['EngagementDto'];
export type UtilizationView = Schemas['UtilizationDto'];
export type TimeToMatchView = Schemas['TimeToMatchDto'];
export type ParticipationView = Schemas['ParticipationDto'];
export type CohortComparisonView = Schemas['CohortComparisonDto'];
export type CohortComparisonRow = Schemas['CohortComparisonRowDto'];

/** The dashboard's filter: every chart reads the rollups for it (null: not narrowed). */
export interface DashboardFilter {
  programId: string | null;
  cohortId: string | null;
  /** Days as YYYY-MM-DD; null: the API's default range (the 90 days up to yesterday). */
  from: string | null;
  to: string | null;
}

export type CohortExportDataset = 'matches' | 'check-ins' | 'feedback';

const EXPORT_PATHS = {
  matches: '/api/v1/orgs/{orgId}/analytics/cohorts/{cohortId}/export/matches',
  'check-ins': '/api/v1/orgs/{orgId}/analytics/cohorts/{cohortId}/export/check-ins',
  feedback: '/api/v1/orgs/{orgId}/analytics/cohorts/{cohortId}/export/feedback',
} as const satisfies Record<CohortExportDataset, ApiPath<'get'>>;

/**
 * The analytics dashboard's reads (admins and coordinators): one call per chart, each answered
 * from the rollups only, and a cohort's exports as files.
 */
@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly http = inject(ApiHttp);
  private readonly raw = inject(HttpClient);

  retention(orgId: string, query: DashboardFilter): Observable<RetentionView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/retention', { path: { orgId }, query });
  }

  trialFunnel(orgId: string, query: DashboardFilter): Observable<TrialFunnelView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/trial-funnel', { path: { orgId }, query });
  }

  engagement(
    orgId: string,
    query: DashboardFilter & { granularity: 'day' | 'week' | 'month' },
  ): Observable<EngagementView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/engagement', { path: { orgId }, query });
  }

  utilization(orgId: string, query: DashboardFilter): Observable<UtilizationView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/utilization', { path: { orgId }, query });
  }

  timeToMatch(orgId: string, query: DashboardFilter): Observable<TimeToMatchView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/time-to-match', { path: { orgId }, query });
  }

  /** Organization-wide: the program and cohort do not narrow it (membership is not per program). */
  participation(orgId: string, query: Pick<DashboardFilter, 'from' | 'to'>): Observable<ParticipationView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/participation', {
      path: { orgId },
      query: { from: query.from, to: query.to },
    });
  }

  cohorts(orgId: string, query: DashboardFilter): Observable<CohortComparisonView> {
    return this.http.get('/api/v1/orgs/{orgId}/analytics/cohorts', { path: { orgId }, query });
  }

  /** A cohort's export as a file (the server streams it; the browser saves it). */
  exportFile(
    orgId: string,
    cohortId: string,
    dataset: CohortExportDataset,
  ): Observable<{ blob: Blob; filename: string }> {
    return this.raw
      .get(expandPath(EXPORT_PATHS[dataset], { orgId, cohortId }), {
        params: { format: 'csv' },
        headers: { 'X-Refresh-Cookie': '1' },
        observe: 'response',
        responseType: 'blob',
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob([]),
          filename:
            /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
            `${dataset}.csv`,
        })),
      );
  }
}
