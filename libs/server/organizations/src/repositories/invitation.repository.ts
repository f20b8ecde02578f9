import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@mentorship/contracts';
import { TenantRepository, type FoundPage, type TenantRow } from '@mentorship/platform';
import { InvitationEntity } from '../entities/invitation.entity';

export interface InvitationPreviewRow {
  organizationName: string;
  invitedBy: string | null;
  roles: OrganizationRole[];
  status: InvitationEntity['status'];
  expiresAt: Date;
}

/** What the list filters on; `expired` is a pending invitation past its date. */
export type InvitationFilter = 'pending' | 'expired' | 'accepted' | 'revoked';

@Injectable()
export class InvitationRepository extends TenantRepository<InvitationEntity> {
  constructor() {
    super(InvitationEntity);
  }

  /** False when the address already has a pending invitation here (a unique index decides). */
  addPending(invitation: TenantRow<InvitationEntity, 'organizationId'>): Promise<boolean> {
    return this.insertUnlessDuplicate(invitation);
  }

  /**
   * Records pending invitations sent by one person at once, in one statement, skipping addresses
   * that have one already (the unique index decides); answers the ids of those recorded.
   */
  async addPendingMany(batch: {
    invitedBy: string;
    expiresAt: Date;
    invitees: { id: string; email: string; roles: OrganizationRole[] }[];
  }): Promise<string[]> {
    if (batch.invitees.length === 0) return [];
    const rows = await this.sql<{ id: string }>(
      `INSERT INTO invitations (organization_id, id, email, roles, status, invited_by, expires_at)
       SELECT $1, id, email, string_to_array(roles, ','), 'pending', $2, $3
         FROM unnest($4::uuid[], $5::text[], $6::text[]) AS given (id, email, roles)
       ON CONFLICT (organization_id, email) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [
        batch.invitedBy,
        batch.expiresAt,
        batch.invitees.map((invitee) => invitee.id),
        batch.invitees.map((invitee) => invitee.email),
        batch.invitees.map((invitee) => invitee.roles.join(',')),
      ],
    );
    return rows.map((row) => row.id);
  }

  get(id: string): Promise<InvitationEntity | null> {
    return this.findOne({ id });
  }

  /** Reads an invitation and locks it, so it is accepted or revoked once. */
  lock(id: string): Promise<InvitationEntity | null> {
    return this.findOneForUpdate({ id });
  }

  /** Newest first; the status filter is said in SQL, `expired` included. */
  async page(filter: {
    status?: InvitationFilter;
    offset: number;
    limit: number;
  }): Promise<FoundPage<InvitationEntity>> {
    const builder = this.query('invitation');
    if (filter.status === 'pending')
      builder.andWhere(`invitation.status = 'pending' AND invitation.expires_at > now()`);
    if (filter.status === 'expired')
      builder.andWhere(`invitation.status = 'pending' AND invitation.expires_at <= now()`);
    if (filter.status === 'accepted' || filter.status === 'revoked')
      builder.andWhere('invitation.status = :status', { status: filter.status });
    builder.orderBy('invitation.created_at', 'DESC').addOrderBy('invitation.id', 'ASC');
    return this.findPage(builder, { offset: filter.offset, limit: filter.limit });
  }

  /**
   * Revokes the invitation if it is pending and offers only `grantable` roles, in one
   * statement: its address, or null when nothing was revoked.
   */
  async revokePending(id: string, grantable: readonly string[]): Promise<string | null> {
    const [row] = await this.sql<{ email: string }>(
      `WITH revoked AS (
         UPDATE invitations SET status = 'revoked'
          WHERE organization_id = $1 AND id = $2 AND status = 'pending' AND roles <@ $3::text[]
          RETURNING email)
       SELECT email FROM revoked`,
      [id, grantable],
    );
    return row?.email ?? null;
  }

  /** What the invitation page shows: the organization, who invited and the roles on offer. */
  async preview(id: string): Promise<InvitationPreviewRow | null> {
    const [row] = await this.sql<InvitationPreviewRow>(
      `SELECT organization.name AS "organizationName", inviter.display_name AS "invitedBy",
              invitation.roles, invitation.status, invitation.expires_at AS "expiresAt"
         FROM invitations invitation
         JOIN organizations organization ON organization.id = invitation.organization_id
         LEFT JOIN users inviter ON inviter.id = invitation.invited_by
        WHERE invitation.organization_id = $1 AND invitation.id = $2`,
      [id],
    );
    return row ?? null;
  }

  markAccepted(id: string, userId: string): Promise<void> {
    return this.update({ id }, { status: 'accepted', acceptedAt: new Date(), acceptedBy: userId });
  }
}
