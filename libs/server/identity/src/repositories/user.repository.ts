import { Injectable } from '@nestjs/common';
import { GlobalRepository, UnitOfWork } from '@mentorship/platform';
import { UserEntity } from '../entities/user.entity';

/**
 * A person by id: read on every `/me`, every token refresh and by the jobs that mail a person.
 * One statement text, not a `findOneBy` built afresh per call (a quarter of `/me`'s CPU profile).
 */
const USER_BY_ID = `SELECT id, email, display_name AS "displayName", created_at AS "createdAt" FROM users WHERE id = $1`;

@Injectable()
export class UserRepository extends GlobalRepository<UserEntity> {
  constructor(unitOfWork: UnitOfWork) {
    super(UserEntity, unitOfWork);
  }

  /** False when the (normalized) address already has an account. */
  addUnlessEmailTaken(user: Omit<UserEntity, 'createdAt'>): Promise<boolean> {
    return this.insertUnlessDuplicate(user);
  }

  async findById(id: string): Promise<UserEntity | null> {
    const [user] = await this.sql<UserEntity>(USER_BY_ID, [id]);
    return user ?? null;
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
