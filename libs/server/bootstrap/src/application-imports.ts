import type { DynamicModule, Type } from '@nestjs/common';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  LoggingModule,
  RedisModule,
} from '@mentorship/platform';
import { CONTEXTS } from './contexts';

type Import = Type<unknown> | DynamicModule;

/**
 * What the API and the worker share: the platform, then `entry` modules of the process
 * (e.g. health probes), then every bounded context's module (their routes come in this order).
 */
export function applicationImports(config: AppConfig, entry: Import[] = []): Import[] {
  return [
    ConfigModule.forRoot(config),
    LoggingModule,
    DatabaseModule,
    RedisModule,
    JobsModule.forRoot(CONTEXTS.flatMap((context) => context.jobs ?? [])),
    ...entry,
    ...CONTEXTS.map((context) => context.module),
  ];
}
