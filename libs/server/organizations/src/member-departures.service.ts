import { Injectable } from '@nestjs/common';

/** Work another context does when a member leaves, given the member's id. */
export type DepartureListener = (userId: string) => Promise<void>;

/**
 * What other contexts do when a member leaves the organization or is removed from it, in the
 * same transaction as the removal, before the membership row goes: so it can never be lost (no
 * event to miss) and sees the member's rows still there. Organizations imports no context that
 * depends on it, so those register here (mentorships ends the member's matches).
 */
@Injectable()
export class MemberDepartures {
  private readonly listeners: DepartureListener[] = [];

  onDeparture(listener: DepartureListener): void {
    this.listeners.push(listener);
  }

  /** Runs every listener, one after the other, in the caller's transaction. */
  async announce(userId: string): Promise<void> {
    for (const listener of this.listeners) await listener(userId);
  }
}
