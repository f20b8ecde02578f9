import { Injectable } from '@nestjs/common';
import { GlobalRepository, UnitOfWork } from '@mentorship/platform';
import { IsNull } from 'typeorm';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

@Injectable()
export class RefreshTokenRepository extends GlobalRepository<RefreshTokenEntity> {
  constructor(unitOfWork: UnitOfWork) {
    super(RefreshTokenEntity, unitOfWork);
  }

  async add(token: Omit<RefreshTokenEntity, 'createdAt'>): Promise<void> {
    await this.repository.insert(token);
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repository.findOneBy({ tokenHash });
  }

  /** Locks the token until the unit of work ends, so two refreshes with it cannot both win. */
  lockByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repository.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(id: string): Promise<void> {
    await this.repository.update({ id }, { usedAt: new Date() });
  }

  /** Every still-valid token of the family stops working. */
  async revokeFamily(familyId: string): Promise<void> {
    await this.repository.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Every session of the person ends (password reset or change). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.repository.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
