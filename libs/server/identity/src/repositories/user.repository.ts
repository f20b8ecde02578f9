import { Injectable } from '@nestjs/common';
import { GlobalRepository, UnitOfWork } from '@mentorship/platform';
import { UserEntity } from '../entities/user.entity';

@Injectable()
export class UserRepository extends GlobalRepository<UserEntity> {
  constructor(unitOfWork: UnitOfWork) {
    super(UserEntity, unitOfWork);
  }

  /** False when the (normalized) address already has an account. */
  addUnlessEmailTaken(user: Omit<UserEntity, 'createdAt'>): Promise<boolean> {
    return this.insertUnlessDuplicate(user);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repository.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repository.findOneBy({ email });
  }

  /** The one read that needs the password hash (it is never selected otherwise). */
  findByEmailWithPasswordHash(email: string): Promise<UserEntity | null> {
    return this.repository.findOne({
      where: { email },
      select: { id: true, email: true, displayName: true, passwordHash: true, createdAt: true },
    });
  }

  /** For a password change: the account with its hash. */
  findByIdWithPasswordHash(id: string): Promise<UserEntity | null> {
    return this.repository.findOne({
      where: { id },
      select: { id: true, email: true, displayName: true, passwordHash: true, createdAt: true },
    });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repository.update({ id }, { passwordHash });
  }

  async rename(id: string, displayName: string): Promise<void> {
    await this.repository.update({ id }, { displayName });
  }
}
