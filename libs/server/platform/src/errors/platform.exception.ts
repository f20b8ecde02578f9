import { DomainException } from './domain.exception';

/** Errors of the platform itself: validation, routing, request limits. */
export class PlatformException extends DomainException {
  static validationFailed(details: unknown[]) {
    return new PlatformException('invalid', 'validation_failed', 'The request is not valid.', details);
  }
  static payloadTooLarge() {
    return new PlatformException('payload_too_large', 'payload_too_large', 'The request body is too large.');
  }
  static malformedJson() {
    return new PlatformException('invalid', 'malformed_json', 'The request body is not valid JSON.');
  }
  static notFound() {
    return new PlatformException('not_found', 'not_found', 'Nothing here.');
  }
}
