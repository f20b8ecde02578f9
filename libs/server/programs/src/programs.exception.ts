import type { CohortStatus, FieldProblem, ImportStatus, ParticipantStatus } from '@mentorship/contracts';
import { ParseUUIDPipe } from '@nestjs/common';
import { DomainException } from '@mentorship/platform';

export class ProgramsException extends DomainException {
  static programNotFound() {
    return new ProgramsException('not_found', 'program_not_found', 'No such program.');
  }
  static programNameTaken(name: string) {
    return new ProgramsException(
      'conflict',
      'program_name_taken',
      `A program named "${name}" exists already.`,
      {
        name,
      },
    );
  }
  /** Also what a member sees for a cohort they may not see: its existence is not disclosed. */
  static cohortNotFound() {
    return new ProgramsException('not_found', 'cohort_not_found', 'No such cohort.');
  }
  static cohortNameTaken(name: string) {
    return new ProgramsException(
      'conflict',
      'cohort_name_taken',
      `The program has a cohort named "${name}" already.`,
      { name },
    );
  }
  static transitionNotAllowed(from: CohortStatus, to: CohortStatus, allowed: readonly CohortStatus[]) {
    const next = allowed.length > 0 ? `from ${from} it can go to: ${allowed.join(', ')}` : `${from} is final`;
    return new ProgramsException(
      'conflict',
      'cohort_transition_not_allowed',
      `A cohort cannot go from ${from} to ${to}; ${next}.`,
      { from, to, allowed },
    );
  }
  static cohortClosed() {
    return new ProgramsException(
      'conflict',
      'cohort_closed',
      'The cohort is closed; it can no longer change.',
    );
  }
  static participantNotFound() {
    return new ProgramsException('not_found', 'participant_not_found', 'No such participant in this cohort.');
  }
  static participantExists(email: string) {
    return new ProgramsException(
      'conflict',
      'participant_exists',
      `${email} has a place in this cohort already (a person takes one part per cohort).`,
      { email },
    );
  }
  static enrollmentClosed(cohort: {
    status: CohortStatus;
    enrollmentOpensOn: string | null;
    enrollmentClosesOn: string | null;
  }) {
    return new ProgramsException(
      'conflict',
      'enrollment_closed',
      cohort.status === 'enrolling'
        ? 'Applications are taken only within the enrollment window.'
        : `The cohort is ${cohort.status}; applications are taken while it is enrolling.`,
      {
        status: cohort.status,
        enrollmentOpensOn: cohort.enrollmentOpensOn,
        enrollmentClosesOn: cohort.enrollmentClosesOn,
      },
    );
  }
  static participantStatusConflict(status: ParticipantStatus, allowedFrom: readonly ParticipantStatus[]) {
    return new ProgramsException(
      'conflict',
      'participant_status_conflict',
      `This is possible for a participant who is ${allowedFrom.join(' or ')}; this one is ${status}.`,
      { status, allowedFrom },
    );
  }
  static importNotFound() {
    return new ProgramsException('not_found', 'import_not_found', 'No such import in this cohort.');
  }
  static importNotPending(status: ImportStatus) {
    return new ProgramsException(
      'conflict',
      'import_not_pending',
      `This import is ${status}; only a validated import can be imported or discarded.`,
      { status },
    );
  }
  static importHasNoValidRows() {
    return new ProgramsException(
      'conflict',
      'import_has_no_valid_rows',
      'No row of the file can be imported.',
    );
  }
  /** Someone got a place meanwhile: the validation no longer holds, and nothing is written. */
  static importOutdated(emails: string[]) {
    return new ProgramsException(
      'conflict',
      'import_outdated',
      `${emails.length} address(es) of the file have a place in the cohort since it was validated (${emails.slice(0, 3).join(', ')}); validate the file again. Nothing was imported.`,
      { emails: emails.slice(0, 100) },
    );
  }
  static csvMalformed(line: number | null, reason: string) {
    return new ProgramsException(
      'invalid',
      'csv_malformed',
      `The file cannot be read as CSV${line === null ? '' : ` (line ${line})`}: ${reason} Nothing was imported.`,
      { line, reason },
    );
  }
  static csvTooManyRows(rows: number, max: number) {
    return new ProgramsException(
      'invalid',
      'csv_too_many_rows',
      `The file has ${rows} rows; an import takes at most ${max}. Split it. Nothing was imported.`,
      { rows, max },
    );
  }
  /** The matching engine refused the criteria: its message, unchanged. */
  static invalidCriteria(message: string) {
    return new ProgramsException('invalid', 'invalid_criteria', message, [
      { field: 'settings.criteria', problems: [message] },
    ]);
  }
  static invalidFields(problems: FieldProblem[]) {
    return new ProgramsException('invalid', 'validation_failed', 'The request is not valid.', problems);
  }
}

/**
 * The `:cohortId` path parameter for every context's cohort routes: anything but a UUID is a
 * cohort that does not exist (404, as for another organization's cohort).
 */
export const cohortIdParam = new ParseUUIDPipe({
  exceptionFactory: () => ProgramsException.cohortNotFound(),
});
