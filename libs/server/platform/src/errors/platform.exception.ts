import { DomainException } from './domain.exception';

/** Errors of the platform itself: validation, routing, request limits. */
export class PlatformException extends DomainException {
  static validationFailed(details: unknown[]) {
    return new PlatformException('invalid', 'validation_failed', 'The request is not valid.', details);
  }
  static notFound() {
    return new PlatformException('not_found', 'not_found', 'Nothing here.');
  }
}
