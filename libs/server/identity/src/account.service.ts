import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MailTransport } from '@mentorship/notifications';
import { AppConfig, UnitOfWork } from '@mentorship/platform';
import { SessionViewDto, UserViewDto } from './dto/auth.dto';
import { ChangePasswordDto, ConfirmPasswordResetDto, UpdateMeDto } from './dto/account.dto';
import { IdentityException } from './identity.exception';
import { PasswordHasher } from './password-hasher.service';
import { PasswordResetLimiter } from './password-reset-limiter.service';
import { PasswordResetRepository } from './repositories/password-reset.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';
import { TokenService } from './token.service';

/** How long an emailed reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The account's own settings: forgotten and changed passwords, the display name. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: PasswordResetLimiter,
    private readonly mail: MailTransport,
  ) {}

  /**
   * Emails a single-use link when the address has an account. The caller learns nothing
   * either way: same answer, and the email leaves after the answer, so the time taken does
   * not tell either.
   */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    await this.limiter.consumeAddress(address);
    const user = await this.users.findByEmail(email);
    if (!user || !(await this.limiter.mayEmail(email))) return;
    const token = randomBytes(32).toString('base64url');
    await this.resets.add({
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60 * 1000),
      usedAt: null,
    });
    const link = new URL('/reset-password', this.config.publicUrl);
    link.searchParams.set('token', token);
    setImmediate(() => {
      this.mail
        .send({
          to: user.email,
          subject: 'Reset your Mentorship Map password',
          text: [
            `Someone (hopefully you) asked to reset the password of ${user.email} on Mentorship Map.`,
            '',
            `Choose a new password: ${link.toString()}`,
            '',
            `The link works once, for ${PASSWORD_RESET_TTL_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
          ].join('\n'),
        })
        .catch((error: unknown) => this.logger.error(`password-reset email failed: ${String(error)}`));
    });
  }

  /** Sets the new password, uses the link up and ends every session of the account. */
  async resetPassword(input: ConfirmPasswordResetDto): Promise<void> {
    const passwordHash = await this.hasher.hash(input.password);
    const done = await this.unitOfWork.run(async () => {
      const reset = await this.resets.lockByHash(sha256(input.token));
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
