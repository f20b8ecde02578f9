import { Injectable } from '@nestjs/common';
import { GlobalRepository, UnitOfWork } from '@mentorship/platform';
import { IsNull } from 'typeorm';
import { PasswordResetEntity } from '../entities/password-reset.entity';

@Injectable()
export class PasswordResetRepository extends GlobalRepository<PasswordResetEntity> {
  constructor(unitOfWork: UnitOfWork) {
    super(PasswordResetEntity, unitOfWork);
  }

  async add(reset: Omit<PasswordResetEntity, 'createdAt'>): Promise<void> {
    await this.repository.insert(reset);
  }

  get(id: string): Promise<PasswordResetEntity | null> {
    return this.repository.findOne({ where: { id } });
  }

  /** Locks the link until the unit of work ends, so two uses of it cannot both win. */
  lockByHash(tokenHash: string): Promise<PasswordResetEntity | null> {
    return this.repository.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every unused link of the person stops working (one was used, or the password changed). */
  async useUpAllOf(userId: string): Promise<void> {
    await this.repository.update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
