import { DomainException } from '@mentorship/platform';

export class KudosException extends DomainException {
  static toSelf() {
    return new KudosException('invalid', 'kudos_to_self', 'Kudos go to someone else.');
  }
}
