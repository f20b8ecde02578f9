import { Injectable, inject } from '@angular/core';
import type {
  DryRunRequest,
  ProposalListQuery,
  RerunRoundRequest,
  StartRoundRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** One page of the proposals; `null` for a filter that is not set. */
export type ProposalQuery = { page: number; pageSize: number } & {
  [K in Exclude<keyof ProposalListQuery, 'page' | 'pageSize'>]?: ProposalListQuery[K] | null;
};

/**
 * Bulk matching rounds of a cohort (coordinators and admins): start one, poll it while a worker
 * solves it, read its proposals, re-run with fixed or forbidden pairs, dry-run other weights,
 * publish. A round's progress is read by polling `get` (DEVELOPMENT.md says why not SSE).
 */
@Injectable({ providedIn: 'root' })
export class RoundsApi {
  private readonly http = inject(ApiHttp);

  start(orgId: string, cohortId: string, body: StartRoundRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/matching-rounds', {
      path: { orgId, cohortId },
      body,
    });
  }

  list(orgId: string, cohortId: string, query: { page?: number; pageSize?: number } = {}) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/matching-rounds', {
      path: { orgId, cohortId },
      query,
    });
  }

  get(orgId: string, roundId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/matching-rounds/{roundId}', { path: { orgId, roundId } });
  }

  proposals(orgId: string, roundId: string, query: ProposalQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/matching-rounds/{roundId}/proposals', {
      path: { orgId, roundId },
      query,
    });
  }

  rerun(orgId: string, roundId: string, body: RerunRoundRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matching-rounds/{roundId}/reruns', {
      path: { orgId, roundId },
      body,
    });
  }

  dryRun(orgId: string, roundId: string, body: DryRunRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/matching-rounds/{roundId}/dry-run', {
      path: { orgId, roundId },
      body,
    });
  }

  publish(orgId: string, roundId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/matching-rounds/{roundId}/publish', {
      path: { orgId, roundId },
    });
  }
}
