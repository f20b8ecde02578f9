import { Injectable, inject } from '@angular/core';
import type { UpdateProfileRequest } from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** Profiles: one per membership; a member edits their own, coordinators and admins any. */
@Injectable({ providedIn: 'root' })
export class ProfilesApi {
  private readonly http = inject(ApiHttp);

  mine(orgId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/profiles/me', { path: { orgId } });
  }

  updateMine(orgId: string, body: UpdateProfileRequest) {
    return this.http.patch('/api/v1/orgs/{orgId}/profiles/me', { path: { orgId }, body });
  }
}
