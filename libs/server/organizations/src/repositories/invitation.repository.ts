import { Injectable } from '@nestjs/common';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { InvitationEntity } from '../entities/invitation.entity';

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

  get(id: string): Promise<InvitationEntity | null> {
    return this.findOne({ id });
  }

  /** Reads an invitation and locks it, so it is accepted or revoked once. */
  lock(id: string): Promise<InvitationEntity | null> {
    return this.findOneForUpdate({ id });
  }

  /** Newest first; the status filter is said in SQL, `expired` included. */
  page(filter: {
    status?: InvitationFilter;
    offset: number;
    limit: number;
  }): Promise<[InvitationEntity[], number]> {
    const builder = this.query('invitation');
    if (filter.status === 'pending')
      builder.andWhere(`invitation.status = 'pending' AND invitation.expires_at > now()`);
    if (filter.status === 'expired')
      builder.andWhere(`invitation.status = 'pending' AND invitation.expires_at <= now()`);
    if (filter.status === 'accepted' || filter.status === 'revoked')
      builder.andWhere('invitation.status = :status', { status: filter.status });
    return builder
      .orderBy('invitation.created_at', 'DESC')
      .addOrderBy('invitation.id', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  markRevoked(id: string): Promise<void> {
    return this.update({ id }, { status: 'revoked' });
  }

  markAccepted(id: string, userId: string): Promise<void> {
    return this.update({ id }, { status: 'accepted', acceptedAt: new Date(), acceptedBy: userId });
  }
}
