import { defineNotificationKind } from '@mentorship/platform';

/** What the mentorships context's rules send to members. */
export const MentorshipsNotifications = {
  trialHalfway: defineNotificationKind({
    id: 'trial.halfway',
    label: 'Trial halfway',
    description: 'Halfway through a trial period: a nudge to have your first conversations.',
    timing: 'morning',
  }),
  checkInDue: defineNotificationKind({
    id: 'check-in.due',
    label: 'Check-in due',
    description: 'When your next meeting is due by the program’s check-in cadence and none is logged since.',
    timing: 'morning',
  }),
  mapReview: defineNotificationKind({
    id: 'map.review',
    label: 'Map review',
    description:
      'On the day your mentorship map is due for review (monthly by default), to you and your map buddy.',
    timing: 'morning',
  }),
  agreementSignatureWaiting: defineNotificationKind({
    id: 'agreement.signature-waiting',
    label: 'Agreement to sign',
    description:
      'A few days after your mentoring agreement is drafted or changed, if you have not signed it yet.',
    timing: 'morning',
  }),
  exitSurvey: defineNotificationKind({
    id: 'match.exit-survey',
    label: 'Exit survey',
    description: 'When a mentorship ends or completes: three short questions on how it went.',
    timing: 'morning',
  }),
} as const;
