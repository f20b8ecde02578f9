import { Injectable, inject, signal } from '@angular/core';
import { NotificationsApi } from './notifications.api';

/**
 * The unread count the shell's bell shows, for the current organization: read when the
 * organization changes and after each navigation (cheap: one indexed count), and at once after
 * the centre marks something read.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly api = inject(NotificationsApi);
  readonly count = signal(0);
  private orgId: string | null = null;

  refresh(orgId: string | null): void {
    this.orgId = orgId;
    if (!orgId) return this.count.set(0);
    this.api.unreadCount(orgId).subscribe({
      // An answer for an organization left meanwhile is not shown for the new one.
      next: (found) => {
        if (this.orgId === orgId) this.count.set(found.unread);
      },
      error: () => undefined,
    });
  }
}
