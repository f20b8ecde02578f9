import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';
import { RequestLog, ROOT_LOGGER } from './request-log';
import { ShutdownLogger } from './shutdown-logger';

/**
 * JSON logs: one pino logger for the process (Nest's logger writes through it), and one line
 * per request from `RequestLog`, which `createHttpApp` installs first. nestjs-pino's own
 * request middleware (pino-http) is not used: it made two or three child loggers per
 * request, each serialising the request, even on `/health` whose line it then skipped.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: { logger: rootLoggerOf(config) },
        // Only binds the (absent) request logger: Nest's logger falls back to the root one.
        useExisting: true,
        forRoutes: [],
      }),
    }),
  ],
  providers: [
    ShutdownLogger,
    RequestLog,
    { provide: ROOT_LOGGER, inject: [AppConfig], useFactory: rootLoggerOf },
  ],
  exports: [RequestLog],
})
export class LoggingModule {}

const roots = new WeakMap<AppConfig, pino.Logger>();

/** One root logger per configuration, shared by Nest's logger and the request log. */
function rootLoggerOf(config: AppConfig): pino.Logger {
  let logger = roots.get(config);
  if (!logger) {
    // Lines go out in batches of about 4 KB (some 20 request lines), at least every half
    // second: one write per line was 5 % of `/me`'s CPU profile. Pino's default destination
    // is already asynchronous; this one only writes less often. Buffered lines are flushed on
    // exit and by the shutdown logger; a SIGKILL loses at most half a second of them.
    logger = pino(
      { level: config.logLevel },
      pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 500 }),
    );
    roots.set(config, logger);
  }
  return logger;
}
