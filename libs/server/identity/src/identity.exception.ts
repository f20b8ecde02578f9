import { DomainException } from '@mentorship/platform';

export class IdentityException extends DomainException {
  static emailTaken() {
    return new IdentityException('conflict', 'email_taken', 'An account with this email already exists.');
  }
  static invalidCredentials() {
    return new IdentityException('unauthenticated', 'invalid_credentials', 'The email or password is wrong.');
  }
  static tooManyAttempts(retryAfterSeconds: number) {
    return new IdentityException(
      'rate_limited',
      'too_many_attempts',
      'Too many failed sign-ins. Try again later.',
      {
        retryAfterSeconds,
      },
    );
  }
  static invalidRefreshToken() {
    return new IdentityException(
      'unauthenticated',
      'invalid_refresh_token',
      'The session has expired. Sign in again.',
    );
  }
  static unauthenticated() {
    return new IdentityException('unauthenticated', 'unauthenticated', 'Sign in to continue.');
  }
  static noAccessPolicy() {
    return new IdentityException(
      'forbidden',
      'route_without_access_policy',
      'This route declares no access policy.',
    );
  }
  static userNotFound() {
    return new IdentityException('not_found', 'user_not_found', 'No such user.');
  }
  static tooManyResetRequests(retryAfterSeconds: number) {
    return new IdentityException(
      'rate_limited',
      'too_many_attempts',
      'Too many password-reset requests. Try again later.',
      { retryAfterSeconds },
    );
  }
  static invalidResetToken() {
    return new IdentityException(
      'gone',
      'invalid_reset_token',
      'This password-reset link is not valid any more. Ask for a new one.',
    );
  }
  static wrongPassword() {
    return new IdentityException('invalid', 'wrong_password', 'The current password is wrong.', {
      field: 'currentPassword',
    });
  }
  static crossSiteRefresh() {
    return new IdentityException(
      'forbidden',
      'cross_site_refresh',
      'This session cannot be used from another site.',
    );
  }
}
