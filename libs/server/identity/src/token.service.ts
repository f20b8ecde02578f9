import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@mentorship/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { SessionViewDto } from './dto/auth.dto';
import { IdentityException } from './identity.exception';

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
    private readonly dataSource: DataSource,
  ) {}

  /** A new session: a new refresh-token family. */
  startSession(user: UserEntity): Promise<SessionViewDto> {
    return this.dataSource.transaction((manager) => this.issue(manager, user, randomUUID()));
  }

  /**
   * Uses a refresh token up and returns the next session of its family. A token presented
   * a second time revokes the family: whoever holds the stolen copy is signed out too.
   */
  async rotate(refreshToken: string): Promise<SessionViewDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.token_hash = :hash', { hash: sha256(refreshToken) })
        .getOne();
      if (!token) return { kind: 'invalid' as const };
      if (token.usedAt || token.revokedAt) {
        await this.revokeFamily(manager, token.familyId);
        return { kind: 'reused' as const };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      const user = await manager.findOneBy(UserEntity, { id: token.userId });
      if (!user) return { kind: 'invalid' as const };
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: new Date() });
      return { kind: 'rotated' as const, session: await this.issue(manager, user, token.familyId) };
    });
    // Thrown after the commit, so the family's revocation sticks.
    if (outcome.kind !== 'rotated') throw IdentityException.invalidRefreshToken();
    return outcome.session;
  }

  /** Signs out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
      if (token) await this.revokeFamily(manager, token.familyId);
    });
  }

  verifyAccessToken(token: string): AccessTokenClaims {
    return this.jwt.verify<AccessTokenClaims>(token);
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(manager: EntityManager, user: UserEntity, familyId: string): Promise<SessionViewDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
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
