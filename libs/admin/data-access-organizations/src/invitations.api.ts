import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InvitationListQuery,
  InvitationPreviewRequest,
  InviteMemberRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';
import type { PageQuery } from './members.api';

export interface InvitationQuery extends PageQuery {
  status?: InvitationListQuery['status'] | null;
}

/** Invitations to one organization, and accepting one from its emailed link. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(ApiHttp);

  list(orgId: string, query: InvitationQuery) {
    return this.http.get('/api/v1/orgs/{orgId}/invitations', { path: { orgId }, query });
  }

  invite(orgId: string, body: InviteMemberRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/invitations', { path: { orgId }, body });
  }

  /** Withdraws a pending invitation: its link stops working. */
  revoke(orgId: string, invitationId: string) {
    return this.http.delete('/api/v1/orgs/{orgId}/invitations/{invitationId}', {
      path: { orgId, invitationId },
    });
  }

  /** Public: what the emailed link offers (organization, inviter, roles); 404 for a bad token. */
  preview(body: InvitationPreviewRequest) {
    return this.http.post('/api/v1/invitations/preview', { body });
  }

  accept(orgId: string, body: AcceptInvitationRequest) {
    return this.http.post('/api/v1/orgs/{orgId}/invitations/accept', { path: { orgId }, body });
  }
}
