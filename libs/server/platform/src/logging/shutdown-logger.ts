import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import { ROOT_LOGGER } from './request-log';

/**
 * Says when a graceful shutdown has finished: every other shutdown hook has run by then.
 * Nest re-raises the signal right after the last hook, so the line is flushed first: an
 * asynchronous write still queued then was lost (CI missed this line from the built API).
 */
@Injectable()
export class ShutdownLogger implements OnApplicationShutdown {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: pino.Logger) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ context: 'Shutdown' }, `shutdown complete${signal ? ` after ${signal}` : ''}`);
    await new Promise<void>((resolve) => this.logger.flush(() => resolve()));
  }
}
