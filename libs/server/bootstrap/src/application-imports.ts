import type { DynamicModule, Type } from '@nestjs/common';
import {
  AppConfig,
  BoundedContext,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  LoggingModule,
  NotificationKindsModule,
  RedisModule,
} from '@mentorship/platform';
import { CONTEXTS } from './contexts';

type Import = Type<unknown> | DynamicModule;

/**
 * What the API and the worker share: the platform, then `entry` modules of the process
 * (e.g. health probes), then every bounded context's module (their routes come in this order)
 * and the jobs they declare. `contexts` is the product's, unless a test adds one.
 */
export function applicationImports(
  config: AppConfig,
  entry: Import[] = [],
  contexts: readonly BoundedContext[] = CONTEXTS,
): Import[] {
  return [
    ConfigModule.forRoot(config),
    LoggingModule,
    ClockModule,
    DatabaseModule,
    RedisModule,
    JobsModule.forRoot(
      contexts.flatMap((context) => context.jobs ?? []),
      contexts.flatMap((context) => context.schedules ?? []),
    ),
    NotificationKindsModule.forRoot(contexts.flatMap((context) => context.notificationKinds ?? [])),
    ...entry,
    ...contexts.map((context) => context.module),
  ];
}
