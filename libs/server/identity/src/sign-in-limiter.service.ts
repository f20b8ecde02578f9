import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, REDIS } from '@mentorship/platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityException } from './identity.exception';

/**
 * Counts failed sign-ins per account and per network address, in Redis so every API
 * replica sees the same counts. Hammering one account locks only that account (and the
 * attacker's address); other accounts keep signing in from their own addresses.
 */
@Injectable()
export class SignInLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(config: AppConfig, @Inject(REDIS) redis: Redis) {
    const common = {
      storeClient: redis,
      duration: config.signInFailureWindowSeconds,
      useRedisPackage: false,
    };
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:sign-in-fail:account`,
      points: config.signInFailuresPerAccount,
    });
    this.perAddress = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:sign-in-fail:address`,
      points: config.signInFailuresPerAddress,
    });
  }

  /** Throws 429 when either budget is spent, before the password is even checked. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, fromAddress] = await Promise.all([
      this.perAccount.get(email),
      this.perAddress.get(address),
    ]);
    const blocked = [
      [account, this.perAccount.points],
      [fromAddress, this.perAddress.points],
    ].filter(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number));
    if (blocked.length > 0) {
      const wait = Math.max(
        ...blocked.map(([res]) => Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)),
      );
      throw IdentityException.tooManyAttempts(Math.max(wait, 1));
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
