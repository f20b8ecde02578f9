import { Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';

/** What a gate sees of a notification about to be delivered. */
export interface GatedNotification {
  kind: string;
  subjectType: string | null;
  subjectId: string | null;
}

/** True: deliver it; false: it is not delivered (a program that turned its kind off). */
export type NotificationGate = (notification: GatedNotification & { subjectId: string }) => Promise<boolean>;

/**
 * A gate's read as SQL, for the delivery's one statement: a scalar subquery over the notification
 * being delivered (`n`, a `notifications` row) giving the kinds its subject turned off, a jsonb
 * array (NULL: none). It must say what the gate's callback says: a kind in it is not delivered.
 */
export interface NotificationGateSql {
  disabledKinds: string;
}

/**
 * The contexts' say at delivery time over notifications about their subjects: the mentorships
 * context answers for a match (its program may have turned the kind off), matching for a match
 * request. Asked in the delivery's tenant transaction, so a change made while a reminder waits
 * applies to it. A subject no context answers for is delivered.
 */
@Injectable()
export class NotificationGates {
  private readonly gates = new Map<string, NotificationGate>();
  private readonly sql = new Map<string, NotificationGateSql>();

  /**
   * `sql`, when given, lets the delivery's one statement ask the gate with the stamp (no round
   * trip of its own); a notification it turns off, or about a subject whose gate has no SQL, is
   * delivered the long way, which asks `gate`.
   */
  register(subjectType: string, gate: NotificationGate, sql?: NotificationGateSql): void {
    if (this.gates.has(subjectType))
      throw new Error(`Notifications about ${subjectType} already have a delivery gate`);
    this.gates.set(subjectType, gate);
    if (sql) this.sql.set(subjectType, sql);
  }

  /**
   * The condition, over the notification `n`, under which the delivery's one statement may stamp
   * it: not about a subject whose gate has no SQL, nor of a kind its subject turned off.
   */
  stampCondition(): string {
    const unread = [...this.gates.keys()].filter((type) => !this.sql.has(type));
    const conditions = [];
    if (unread.length > 0)
      conditions.push(
        `(n.subject_type IS NULL OR n.subject_type NOT IN (${unread.map((type) => escapeLiteral(type)).join(', ')}))`,
      );
    if (this.sql.size > 0)
      conditions.push(
        `NOT coalesce(CASE n.subject_type ${[...this.sql]
          .map(([type, { disabledKinds }]) => `WHEN ${escapeLiteral(type)} THEN (${disabledKinds})`)
          .join(' ')} END ? n.kind, false)`,
      );
    return conditions.length > 0 ? conditions.join(' AND ') : 'true';
  }

  async allows(notification: GatedNotification): Promise<boolean> {
    const { subjectType, subjectId } = notification;
    const gate = subjectType ? this.gates.get(subjectType) : undefined;
    return gate && subjectId ? gate({ ...notification, subjectId }) : true;
  }
}
