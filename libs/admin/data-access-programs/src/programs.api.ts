import { Injectable, inject } from '@angular/core';
import type {
  CreateCohortRequest,
  CreateProgramRequest,
  ProgramListQuery,
  UpdateProgramRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export type ProgramQuery = PageQuery & { kind?: ProgramListQuery['kind'] | null };

/** Programs and the cohorts started from them (admins and coordinators). */
@Injectable({ providedIn: 'root' })
export class ProgramsApi {
  private readonly http = inject(ApiHttp);

  list(orgId: string, query: ProgramQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/programs', { path: { orgId }, query });
  }

  get(orgId: string, programId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/programs/{programId}', { path: { orgId, programId } });
  }

  create(orgId: string, body: CreateProgramRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/programs', { path: { orgId }, body });
  }

  update(orgId: string, programId: string, body: UpdateProgramRequest) {
    return this.http.patch('/api/v1/orgs/{orgId}/programs/{programId}', { path: { orgId, programId }, body });
  }

  createCohort(orgId: string, programId: string, body: CreateCohortRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/programs/{programId}/cohorts', {
      path: { orgId, programId },
      body,
    });
  }
}
