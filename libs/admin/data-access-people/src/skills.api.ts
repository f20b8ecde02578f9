import { Injectable, inject } from '@angular/core';
import type { CreateSkillRequest, SkillListQuery, UpdateSkillRequest } from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

export type SkillQuery = { [K in keyof SkillListQuery]?: SkillListQuery[K] | null } & {
  page: number;
  pageSize: number;
};

/** The organization's skills catalogue: every member reads it, admins change it. */
@Injectable({ providedIn: 'root' })
export class SkillsApi {
  private readonly http = inject(ApiHttp);

  list(orgId: string, query: SkillQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/skills', { path: { orgId }, query });
  }

  add(orgId: string, body: CreateSkillRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/skills', { path: { orgId }, body });
  }

  /** Rename (`name`), retire (`status: 'retired'`) or restore (`status: 'active'`). */
  update(orgId: string, skillId: string, body: UpdateSkillRequest) {
    return this.http.patch('/api/v1/orgs/{orgId}/skills/{skillId}', { path: { orgId, skillId }, body });
  }

  /** Merges `skillId` into `intoSkillId`; profiles follow, `skillId` is removed. */
  merge(orgId: string, skillId: string, intoSkillId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/skills/{skillId}/merge', {
      path: { orgId, skillId },
      body: { intoSkillId },
    });
  }

  importCsv(orgId: string, csv: string) {
    return this.http.postCsv('/api/v1/orgs/{orgId}/skills/import', { path: { orgId }, csv });
  }
}
