import { Injectable, inject } from '@angular/core';
import { ApiHttp } from '@mentorship/admin/data-access-api';
import type { EmailDeliveryStatus } from '@mentorship/contracts';

export interface NotificationChoice {
  kind: string;
  inApp: boolean;
  email: boolean;
}

/** A member's notification centre and choices, and the unsubscribe link of notification emails. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(ApiHttp);

  list(orgId: string, query: { page: number; pageSize: number; unread?: boolean }) {
    return this.http.get('/api/v1/orgs/{orgId}/notifications', { path: { orgId }, query });
  }

  unreadCount(orgId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/notifications/unread-count', { path: { orgId } });
  }

  markRead(orgId: string, notificationId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/notifications/{notificationId}/read', {
      path: { orgId, notificationId },
    });
  }

  markAllRead(orgId: string) {
    return this.http.post('/api/v1/orgs/{orgId}/notifications/read-all', { path: { orgId } });
  }

  preferences(orgId: string) {
    return this.http.get('/api/v1/orgs/{orgId}/notification-preferences', { path: { orgId } });
  }

  /** Changes the kinds named; the others keep their choice. */
  updatePreferences(orgId: string, kinds: NotificationChoice[]) {
    return this.http.patch('/api/v1/orgs/{orgId}/notification-preferences', {
      path: { orgId },
      body: { kinds },
    });
  }

  /** One email each morning for all that morning's reminders, or one email each. */
  setDailyDigest(orgId: string, dailyDigest: boolean) {
    return this.http.patch('/api/v1/orgs/{orgId}/notification-preferences', {
      path: { orgId },
      body: { dailyDigest },
    });
  }

  /** Admins: the organization's emails, newest first, maybe of one status. */
  deliveries(orgId: string, query: { page: number; pageSize: number; status?: EmailDeliveryStatus }) {
    return this.http.get('/api/v1/orgs/{orgId}/email-deliveries', { path: { orgId }, query });
  }

  /** Public: what an unsubscribe link turns off; 404 `unsubscribe_link_invalid` for a bad one. */
  describeUnsubscribe(token: string) {
    return this.http.get('/api/v1/unsubscribe/{token}', { path: { token }, public: true });
  }

  /** Public: turns the link's kind of email off for its member (doing it twice changes nothing). */
  unsubscribe(token: string) {
    return this.http.post('/api/v1/unsubscribe/{token}', { path: { token }, public: true });
  }
}
