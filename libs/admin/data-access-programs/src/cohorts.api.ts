import { Injectable, inject } from '@angular/core';
import type {
  ApplyRequest,
  CohortListQuery,
  CohortStatus,
  ImportRowQuery,
  InviteParticipantRequest,
  RosterQuery,
  UpdateCohortRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';
import type { PageQuery } from './programs.api';

/** `null` for a filter that is not set. */
type Filters<Q> = { [K in Exclude<keyof Q, 'page' | 'pageSize'>]?: Q[K] | null };

export type CohortQuery = PageQuery & Filters<CohortListQuery>;
export type ParticipantQuery = PageQuery & Filters<RosterQuery>;
export type ImportRowsQuery = PageQuery & Filters<ImportRowQuery>;

/**
 * Cohorts, their rosters, waitlists and participant imports; and a member's own participation.
 * Coordinators and admins see every cohort; other members those open for enrollment or theirs.
 */
@Injectable({ providedIn: 'root' })
export class CohortsApi {
  private readonly http = inject(ApiHttp);

  list(orgId: string, query: CohortQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts', { path: { orgId }, query });
  }

  get(orgId: string, cohortId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}', { path: { orgId, cohortId } });
  }

  update(orgId: string, cohortId: string, body: UpdateCohortRequest) {
    return this.http.patch('/api/v1/orgs/{orgId}/cohorts/{cohortId}', { path: { orgId, cohortId }, body });
  }

  transition(orgId: string, cohortId: string, status: CohortStatus) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/status', {
      path: { orgId, cohortId },
      body: { status },
    });
  }

  roster(orgId: string, cohortId: string, query: ParticipantQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participants', {
      path: { orgId, cohortId },
      query,
    });
  }

  invite(orgId: string, cohortId: string, body: InviteParticipantRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participants', {
      path: { orgId, cohortId },
      body,
    });
  }

  approve(orgId: string, cohortId: string, participantId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participants/{participantId}/approve', {
      path: { orgId, cohortId, participantId },
    });
  }

  reject(orgId: string, cohortId: string, participantId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participants/{participantId}/reject', {
      path: { orgId, cohortId, participantId },
    });
  }

  waitlist(orgId: string, cohortId: string, query: PageQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/waitlist', {
      path: { orgId, cohortId },
      query,
    });
  }

  /** Uploads a participant CSV: every row is checked, nothing is imported yet. */
  validateImport(orgId: string, cohortId: string, csv: string) {
    return this.http.postCsv('/api/v1/orgs/{orgId}/cohorts/{cohortId}/imports', {
      path: { orgId, cohortId },
      csv,
    });
  }

  getImport(orgId: string, cohortId: string, importId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/imports/{importId}', {
      path: { orgId, cohortId, importId },
    });
  }

  importRows(orgId: string, cohortId: string, importId: string, query: ImportRowsQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/cohorts/{cohortId}/imports/{importId}/rows', {
      path: { orgId, cohortId, importId },
      query,
    });
  }

  /** Imports the valid rows: at once for small files, else queued as a job (follow with getImport). */
  commitImport(orgId: string, cohortId: string, importId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/imports/{importId}/commit', {
      path: { orgId, cohortId, importId },
    });
  }

  discardImport(orgId: string, cohortId: string, importId: string) {
    return this.http.delete('/api/v1/orgs/{orgId}/cohorts/{cohortId}/imports/{importId}', {
      path: { orgId, cohortId, importId },
    });
  }

  apply(orgId: string, cohortId: string, body: ApplyRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participation', {
      path: { orgId, cohortId },
      body,
    });
  }

  acceptInvitation(orgId: string, cohortId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participation/accept', {
      path: { orgId, cohortId },
    });
  }

  declineInvitation(orgId: string, cohortId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/cohorts/{cohortId}/participation/decline', {
      path: { orgId, cohortId },
    });
  }
}
