import type { CohortStatus, ParticipantRole, ParticipantStatus } from '@mentorship/contracts';

const COHORT_STATUS: Record<CohortStatus, string> = {
  draft: 'Draft',
  enrolling: 'Enrolling',
  matching: 'Matching',
  running: 'Running',
  closed: 'Closed',
};

/** What a step to each status does, on the button that takes it. */
const COHORT_STEP: Record<CohortStatus, string> = {
  draft: 'Back to draft',
  enrolling: 'Open enrollment',
  matching: 'Start matching',
  running: 'Start the cohort',
  closed: 'Close the cohort',
};

const PARTICIPANT_STATUS: Record<ParticipantStatus, string> = {
  invited: 'Invited',
  applied: 'Applied',
  enrolled: 'Enrolled',
  declined: 'Declined',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export function cohortStatusLabel(status: CohortStatus): string {
  return COHORT_STATUS[status];
}

export function cohortStepLabel(status: CohortStatus): string {
  return COHORT_STEP[status];
}

export function participantStatusLabel(status: ParticipantStatus): string {
  return PARTICIPANT_STATUS[status];
}

export function participantRoleLabel(role: ParticipantRole): string {
  return role === 'mentor' ? 'Mentor' : 'Mentee';
}
