import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, UnitOfWork } from '@mentorship/platform';
import { UserEntity } from './entities/user.entity';
import { SessionViewDto } from './dto/auth.dto';
import { IdentityException } from './identity.exception';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';

export interface AccessTokenClaims {
  sub: string;
  email: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Issues access tokens (JWT) and rotating refresh tokens. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
  ) {}

  /** A new session: a new refresh-token family. */
  startSession(user: UserEntity): Promise<SessionViewDto> {
    return this.issue(user, randomUUID());
  }

  /**
   * Uses a refresh token up and returns the next session of its family. A token presented
   * a second time revokes the family: whoever holds the stolen copy is signed out too.
   */
  async rotate(refreshToken: string): Promise<SessionViewDto> {
    const outcome = await this.unitOfWork.run(async () => {
      const token = await this.refreshTokens.lockByHash(sha256(refreshToken));
      if (!token) return { kind: 'invalid' as const };
      if (token.usedAt || token.revokedAt) {
        await this.refreshTokens.revokeFamily(token.familyId);
        return { kind: 'reused' as const };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      const user = await this.users.findById(token.userId);
      if (!user) return { kind: 'invalid' as const };
      await this.refreshTokens.markUsed(token.id);
      return { kind: 'rotated' as const, session: await this.issue(user, token.familyId) };
    });
    // Thrown after the commit, so the family's revocation sticks.
    if (outcome.kind !== 'rotated') throw IdentityException.invalidRefreshToken();
    return outcome.session;
  }

  /** Signs out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(refreshToken: string): Promise<void> {
    const token = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (token) await this.refreshTokens.revokeFamily(token.familyId);
  }

  verifyAccessToken(token: string): AccessTokenClaims {
    return this.jwt.verify<AccessTokenClaims>(token);
  }

  private async issue(user: UserEntity, familyId: string): Promise<SessionViewDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.add({
      id: randomUUID(),
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    const claims: AccessTokenClaims = { sub: user.id, email: user.email };
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName },
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
    };
  }
}
