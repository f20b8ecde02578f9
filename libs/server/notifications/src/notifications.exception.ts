import { DomainException } from '@mentorship/platform';

/** The notifications context's errors: one static per stable error code. */
export class NotificationsException extends DomainException {
  static notificationNotFound() {
    return new NotificationsException('not_found', 'notification_not_found', 'No such notification.');
  }
  static unknownKind(field: string, kind: string) {
    return new NotificationsException('invalid', 'validation_failed', 'Some fields are invalid.', [
      { field, problems: [`is not a kind of notification: ${kind}`] },
    ]);
  }
  static invalidUnsubscribeLink() {
    return new NotificationsException(
      'not_found',
      'unsubscribe_link_invalid',
      'This unsubscribe link is not valid: it may be cut short. Sign in to change your notification settings.',
    );
  }
}
