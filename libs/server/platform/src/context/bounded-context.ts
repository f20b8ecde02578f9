import type { Type } from '@nestjs/common';
import type { ContextMigrations } from '../database/schema/context-migrations';
import type { DeclaredJob } from '../jobs/job-definition';
import type { ScheduleDefinition } from '../jobs/schedule-definition';
import type { NotificationKind } from './notification-kind';

/**
 * What a bounded context hands to the composition root, from its `index.ts`: its Nest module
 * and its tables and jobs. The platform gathers these; it knows no context and no table by name, so
 * adding a context edits nothing here.
 */
export interface BoundedContext {
  /** As in its library folder (`libs/server/<name>`) and its Nx tag (`context:<name>`). */
  readonly name: string;
  readonly module: Type<unknown>;
  readonly migrations: ContextMigrations;
  /** The jobs it declares (tenant or account jobs); the worker runs each with its one handler. */
  readonly jobs?: readonly DeclaredJob[];
  /**
   * Its recurring ticks (`defineSchedule`), each with one `@HandlesSchedule` provider in its
   * module; the worker installs them as BullMQ job schedulers.
   */
  readonly schedules?: readonly ScheduleDefinition[];
  /** The kinds of notification its rules send (`defineNotificationKind`); members set each one. */
  readonly notificationKinds?: readonly NotificationKind[];
}
