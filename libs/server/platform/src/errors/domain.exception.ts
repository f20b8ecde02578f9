/**
 * What went wrong, in the domain's terms. The error filter turns the kind into an HTTP
 * status; services never throw HTTP exceptions, so the worker can call them too.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  /** A service the answer depends on does not answer (503): try again shortly. */
  | 'unavailable';

export class DomainException extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, machine-readable, snake_case: clients switch on it. */
    readonly code: string,
    message: string,
    readonly details: unknown[] | Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
