import { Injectable, inject } from '@angular/core';
import type { CreateOrganizationRequest } from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** Organizations the signed-in user belongs to. */
@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(ApiHttp);

  listMine() {
    return this.http.get('/api/v1/orgs');
  }

  create(body: CreateOrganizationRequest) {
    return this.http.post('/api/v1/orgs', { body });
  }
}
