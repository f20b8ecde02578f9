import { DomainException } from '@mentorship/platform';

/** The matching context's errors: one static per stable error code. */
export class MatchingException extends DomainException {}
