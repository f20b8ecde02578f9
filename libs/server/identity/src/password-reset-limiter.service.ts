import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, REDIS } from '@mentorship/platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { IdentityException } from './identity.exception';

const WINDOW_SECONDS = 3600;
/** Links emailed to one address per hour: more are not sent, and the answer stays the same. */
const PER_ACCOUNT = 3;
/** Requests from one network address per hour, whatever the addresses asked for: then 429. */
const PER_ADDRESS = 10;

/**
 * Keeps "forgot password" from becoming a way to flood someone's inbox or to probe for
 * accounts at speed. In Redis, so every API replica counts together.
 */
@Injectable()
export class PasswordResetLimiter {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(config: AppConfig, @Inject(REDIS) redis: Redis) {
    const common = { storeClient: redis, duration: WINDOW_SECONDS, useRedisPackage: false };
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:password-reset:account`,
      points: PER_ACCOUNT,
    });
    this.perAddress = new RateLimiterRedis({
      ...common,
      keyPrefix: `${config.redisPrefix}:password-reset:address`,
      points: PER_ADDRESS,
    });
  }

  /** Counts a request from `address`; throws 429 when that address has spent its budget. */
  async consumeAddress(address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw IdentityException.tooManyResetRequests(Math.max(Math.ceil(error.msBeforeNext / 1000), 1));
    }
  }

  /** Whether another link may go to this address now (counted either way). */
  async mayEmail(email: string): Promise<boolean> {
    try {
      await this.perAccount.consume(email);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return false;
    }
  }
}
