import { Injectable, inject } from '@angular/core';
import type {
  CreateOrganizationRequest,
  RenameOrganizationRequest,
  ScheduleOrganizationDeletionRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** Organizations the signed-in user belongs to. */
@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(ApiHttp);

  listMine() {
    return this.http.get('/api/v1/orgs');
  }

  /** Remembers on the server that the user opened this organization (where they land next). */
  markUsed(orgId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/visits', { path: { orgId } });
  }

  rename(orgId: string, body: RenameOrganizationRequest) {
    return this.http.patch('/api/v1/orgs/{orgId}', { path: { orgId }, body });
  }

  /** The caller leaves; the API refuses the last admin (409 last_admin). */
  leave(orgId: string) {
    return this.http.delete('/api/v1/orgs/{orgId}/membership', { path: { orgId } });
  }

  /** Admins: closes it now, erases it after the grace period; the body names it exactly. */
  scheduleDeletion(orgId: string, body: ScheduleOrganizationDeletionRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/deletion', { path: { orgId }, body });
  }

  /** Admins, until the purge date: takes the deletion back. */
  restore(orgId: string) {
    return this.http.delete('/api/v1/orgs/{orgId}/deletion', { path: { orgId } });
  }

  create(body: CreateOrganizationRequest) {
    return this.http.post('/api/v1/orgs', { body });
  }
}
