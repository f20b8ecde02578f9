import { Injectable } from '@nestjs/common';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { IsNull } from 'typeorm';
import { KudosEntity } from '../entities/kudos.entity';

@Injectable()
export class KudosRepository extends TenantRepository<KudosEntity> {
  constructor() {
    super(KudosEntity);
  }

  add(kudos: TenantRow<KudosEntity, 'organizationId'>): Promise<void> {
    return this.insert(kudos);
  }

  receivedBy(userId: string): Promise<KudosEntity[]> {
    return this.find({ toUserId: userId }, { order: { createdAt: 'ASC' } });
  }

  /** Idempotent: a second announcement of the same kudos changes nothing. */
  markAnnounced(id: string): Promise<void> {
    return this.update({ id, announcedAt: IsNull() }, { announcedAt: new Date() });
  }
}
