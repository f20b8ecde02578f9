import { Injectable, inject } from '@angular/core';
import type {
  DeclineMatchRequestRequest,
  MatchRequestListQuery,
  SendMatchRequestRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** `null` for a filter that is not set. */
export type MatchRequestQuery = { page: number; pageSize: number } & {
  [K in Exclude<keyof MatchRequestListQuery, 'page' | 'pageSize'>]?: MatchRequestListQuery[K] | null;
};

/**
 * A mentee's suggested mentors and the structured match requests between mentees and mentors.
 * What a caller may do follows from their part in the cohort and the request, not their role.
 */
@Injectable({ providedIn: 'root' })
export class MatchingApi {
  private readonly http = inject(ApiHttp);

  /** Best first; the list counts as shown to the caller (the API limits how often a mentor is). */
  suggestions(orgId: string, cohortId: string, limit: number) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/suggestions', {
      path: { orgId, cohortId },
      query: { limit },
    });
  }

  send(orgId: string, cohortId: string, body: SendMatchRequestRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/match-requests', {
      path: { orgId, cohortId },
      body,
    });
  }

  /** The requests I sent as a mentee, newest first. */
  sent(orgId: string, query: MatchRequestQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/match-requests/sent', { path: { orgId }, query });
  }

  /** The requests I received as a mentor, newest first, with my places in each cohort I mentor. */
  received(orgId: string, query: MatchRequestQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/match-requests/received', { path: { orgId }, query });
  }

  accept(orgId: string, requestId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/match-requests/{requestId}/accept', {
      path: { orgId, requestId },
    });
  }

  decline(orgId: string, requestId: string, body: DeclineMatchRequestRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/match-requests/{requestId}/decline', {
      path: { orgId, requestId },
      body,
    });
  }

  withdraw(orgId: string, requestId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/match-requests/{requestId}/withdraw', {
      path: { orgId, requestId },
    });
  }
}
