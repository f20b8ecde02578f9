import type { FieldProblem } from '@mentorship/contracts';
import { DomainException } from '@mentorship/platform';

export class AnalyticsException extends DomainException {
  /** 400 naming the fields, for what only the service can judge (a range, a cohort of another program). */
  static invalidFields(problems: FieldProblem[]) {
    return new AnalyticsException('invalid', 'validation_failed', 'The request is not valid.', problems);
  }
  static rollupRunNotFound() {
    return new AnalyticsException('not_found', 'rollup_run_not_found', 'No such rollup run.');
  }
}
