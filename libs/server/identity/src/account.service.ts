import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AccountJobOutbox, UnitOfWork } from '@mentorship/platform';
import { SessionViewDto, UserViewDto } from './dto/auth.dto';
import { ChangePasswordDto, ConfirmPasswordResetDto, UpdateMeDto } from './dto/account.dto';
import { IdentityException } from './identity.exception';
import { PASSWORD_RESET_TTL_MINUTES, passwordResetEmailJob } from './jobs/password-reset-email.job';
import { PasswordResetLinks } from './password-reset-link.service';
import { PasswordHasher } from './password-hasher.service';
import { PasswordResetLimiter } from './password-reset-limiter.service';
import { PasswordResetRepository } from './repositories/password-reset.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';
import { TokenService } from './token.service';

/** The account's own settings: forgotten and changed passwords, the display name. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: PasswordResetLimiter,
    private readonly links: PasswordResetLinks,
    private readonly accountOutbox: AccountJobOutbox,
  ) {}

  /**
   * Emails a single-use link when the address has an account. The caller learns nothing
   * either way: same answer, and the email leaves from the worker, after the answer. The link
   * and its email job are one transaction: a link nobody is emailed never exists, and an email
   * never points at a link that was not stored.
   */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    await this.limiter.consumeAddress(address);
    const user = await this.users.findByEmail(email);
    if (!user || !(await this.limiter.mayEmail(email))) return;
    const resetId = randomUUID();
    try {
      await this.unitOfWork.run(async () => {
        await this.resets.add({
          id: resetId,
          userId: user.id,
          tokenHash: PasswordResetLinks.hashOf(this.links.tokenOf(resetId)),
          expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60 * 1000),
          usedAt: null,
        });
        await this.accountOutbox.enqueue(passwordResetEmailJob, { userId: user.id, resetId });
      });
    } catch (error) {
      // Rolled back, link and job alike. The answer stays the one an unknown address gets.
      this.logger.error(`password reset not recorded: ${String(error)}`);
    }
  }

  /** Sets the new password, uses the link up and ends every session of the account. */
  async resetPassword(input: ConfirmPasswordResetDto): Promise<void> {
    const passwordHash = await this.hasher.hash(input.password);
    const done = await this.unitOfWork.run(async () => {
      const reset = await this.resets.lockByHash(PasswordResetLinks.hashOf(input.token));
      if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) return false;
      await this.users.setPasswordHash(reset.userId, passwordHash);
      await this.resets.useUpAllOf(reset.userId);
      await this.refreshTokens.revokeAllOf(reset.userId);
      return true;
    });
    if (!done) throw IdentityException.invalidResetToken();
  }

  /**
   * Changes the password when the current one is right. Every session of the account ends,
   * this one included; the answer is this device's next session, so only the others sign out.
   */
  async changePassword(userId: string, input: ChangePasswordDto): Promise<SessionViewDto> {
    const user = await this.users.findByIdWithPasswordHash(userId);
    if (!user) throw IdentityException.userNotFound();
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword)))
      throw IdentityException.wrongPassword();
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.unitOfWork.run(async () => {
      await this.users.setPasswordHash(userId, passwordHash);
      await this.resets.useUpAllOf(userId);
      await this.refreshTokens.revokeAllOf(userId);
    });
    return this.tokens.startSession(user);
  }

  async updateMe(userId: string, input: UpdateMeDto): Promise<UserViewDto> {
    const user = await this.users.findById(userId);
    if (!user) throw IdentityException.userNotFound();
    const displayName = input.displayName?.trim() ?? user.displayName;
    if (displayName !== user.displayName) await this.users.rename(userId, displayName);
    return { id: user.id, email: user.email, displayName };
  }
}
