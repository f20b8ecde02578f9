import { Injectable, inject } from '@angular/core';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** A member's notifications, and the unsubscribe link of notification emails. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(ApiHttp);

  /** Public: what an unsubscribe link turns off; 404 `unsubscribe_link_invalid` for a bad one. */
  describeUnsubscribe(token: string) {
    return this.http.get('/api/v1/unsubscribe/{token}', { path: { token }, public: true });
  }

  /** Public: turns the link's kind of email off for its member (doing it twice changes nothing). */
  unsubscribe(token: string) {
    return this.http.post('/api/v1/unsubscribe/{token}', { path: { token }, public: true });
  }
}
