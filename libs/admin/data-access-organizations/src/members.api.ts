import { Injectable, inject } from '@angular/core';
import type { ChangeMemberRolesRequest, MemberListQuery } from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface MemberQuery extends PageQuery {
  role?: MemberListQuery['role'] | null;
}

/** Members of one organization and their roles. */
@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(ApiHttp);

  list(orgId: string, query: MemberQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/members', { path: { orgId }, query });
  }

  changeRoles(orgId: string, userId: string, body: ChangeMemberRolesRequest) {
    return this.http.patch('/api/v1/orgs/{orgId}/members/{userId}', { path: { orgId, userId }, body });
  }

  remove(orgId: string, userId: string) {
    return this.http.delete('/api/v1/orgs/{orgId}/members/{userId}', { path: { orgId, userId } });
  }
}
