import { Injectable } from '@nestjs/common';
import { TenantRepository, type TenantRow } from '@mentorship/platform';
import { MatchEventEntity } from '../entities/match-event.entity';

/** A match's timeline: appended in the transition's transaction, read oldest first. */
@Injectable()
export class MatchEventRepository extends TenantRepository<MatchEventEntity> {
  constructor() {
    super(MatchEventEntity);
  }

  async append(row: TenantRow<MatchEventEntity, 'organizationId'>): Promise<void> {
    await this.insert(row);
  }

  ofMatch(matchId: string): Promise<MatchEventEntity[]> {
    return this.find({ matchId }, { order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
