import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from './redis-token';

/**
 * An organization's change version: a Redis counter bumped after every committed write of a
 * tenant request (any method but GET, HEAD, OPTIONS; `TenantRouteGuard`) or tenant job
 * (`JobWorkerService`), before the request answers or the job completes. A cache of tenant
 * reads keeps the version it read before reading Postgres and is trusted only while the version
 * is the same, so every replica sees a write at its next request, with one Redis call instead
 * of a Postgres round trip. A crash between the COMMIT and the bump leaves the old version:
 * such caches also expire after a short time.
 *
 * Keys are `<prefix>:{<organization>}:...`: one hash tag per organization, so a context's Lua
 * script may touch its keys and the version together on a Redis cluster (`keyOf`).
 */
@Injectable()
export class TenantVersions {
  private readonly logger = new Logger(TenantVersions.name);
  /** Reads asked for and not yet sent: they go in one MGET at the next turn of the event loop. */
  private waiting = new Map<string, ((version: string | Error) => void)[]>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** A key of the organization's own (`parts` joined by `:`), in the same hash slot as its version. */
  keyOf(organizationId: string, ...parts: string[]): string {
    return [`${this.config.redisPrefix}:{${organizationId}}`, ...parts].join(':');
  }

  versionKeyOf(organizationId: string): string {
    return this.keyOf(organizationId, 'version');
  }

  /**
   * The organization's version now ('0' before any write). Concurrent reads are sent together,
   * one MGET per turn of the event loop; a read is never served by a call sent before it was
   * asked for (it could predate a write whose answer the caller has seen).
   */
  current(organizationId: string): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) setImmediate(() => void this.flush());
      const waiting = this.waiting.get(organizationId) ?? [];
      waiting.push((version) => (version instanceof Error ? reject(version) : resolve(version)));
      this.waiting.set(organizationId, waiting);
    });
  }

  /** After a committed write: every cache of the organization's reads is stale from now on. */
  async bump(organizationId: string): Promise<void> {
    try {
      await this.redis.incr(this.versionKeyOf(organizationId));
    } catch (error) {
      // The write is committed: its answer stands. Caches run out within their time limit.
      this.logger.error(`change version of ${organizationId} not bumped: ${String(error)}`);
    }
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    const organizations = [...batch.keys()];
    let versions: (string | null)[] | Error;
    try {
      versions = await this.redis.mget(...organizations.map((id) => this.versionKeyOf(id)));
    } catch (error) {
      versions = error instanceof Error ? error : new Error(String(error));
    }
    organizations.forEach((id, i) => {
      const answer = versions instanceof Error ? versions : (versions[i] ?? '0');
      for (const settle of batch.get(id) ?? []) settle(answer);
    });
  }
}
