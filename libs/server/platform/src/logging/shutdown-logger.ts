import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Says when a graceful shutdown has finished: every other shutdown hook has run by then. */
@Injectable()
export class ShutdownLogger implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`shutdown complete${signal ? ` after ${signal}` : ''}`);
  }
}
