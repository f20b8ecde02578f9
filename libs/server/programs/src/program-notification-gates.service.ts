import { Injectable } from '@nestjs/common';
import { disabledNotificationKindsSql, ProgramRepository } from './repositories/program.repository';

/**
 * What the notifications context's `NotificationGates` takes (programs does not depend on
 * notifications, so it names the shape only).
 */
export interface NotificationGateRegistry {
  register(
    subjectType: string,
    gate: (notification: { kind: string; subjectId: string }) => Promise<boolean>,
    sql: { disabledKinds: string },
  ): void;
}

/**
 * The program's say over notifications about a cohort's rows (a match, a match request): a kind
 * its program turned off (`settings.disabledNotificationKinds`, read live) is not delivered. One
 * rule for every such subject, registered by the context that owns the subject.
 */
@Injectable()
export class ProgramNotificationGates {
  constructor(private readonly programs: ProgramRepository) {}

  /** Registers the gate for notifications about `subjectType`, rows of `table` (with `cohort_id`). */
  register(gates: NotificationGateRegistry, subjectType: string, table: string): void {
    gates.register(
      subjectType,
      async ({ kind, subjectId }) =>
        !(await this.programs.disabledNotificationKindsOf(table, subjectId)).includes(kind),
      // The same read, for the delivery's one statement (no round trip of its own).
      {
        disabledKinds: disabledNotificationKindsSql(table, {
          organizationId: 'n.organization_id',
          id: 'n.subject_id',
        }),
      },
    );
  }
}
