import { Injectable } from '@nestjs/common';

/** What a gate sees of a notification about to be delivered. */
export interface GatedNotification {
  kind: string;
  subjectType: string | null;
  subjectId: string | null;
}

/** True: deliver it; false: it is not delivered (a program that turned its kind off). */
export type NotificationGate = (notification: GatedNotification & { subjectId: string }) => Promise<boolean>;

/**
 * The contexts' say at delivery time over notifications about their subjects: the mentorships
 * context answers for a match (its program may have turned the kind off), matching for a match
 * request. Asked in the delivery's tenant transaction, so a change made while a reminder waits
 * applies to it. A subject no context answers for is delivered.
 */
@Injectable()
export class NotificationGates {
  private readonly gates = new Map<string, NotificationGate>();

  register(subjectType: string, gate: NotificationGate): void {
    if (this.gates.has(subjectType))
      throw new Error(`Notifications about ${subjectType} already have a delivery gate`);
    this.gates.set(subjectType, gate);
  }

  async allows(notification: GatedNotification): Promise<boolean> {
    const { subjectType, subjectId } = notification;
    const gate = subjectType ? this.gates.get(subjectType) : undefined;
    return gate && subjectId ? gate({ ...notification, subjectId }) : true;
  }
}
