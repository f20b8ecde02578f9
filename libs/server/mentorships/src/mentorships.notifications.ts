import { defineNotificationKind } from '@mentorship/platform';

/** What the mentorships context's rules send to members. */
export const MentorshipsNotifications = {
  trialHalfway: defineNotificationKind({
    id: 'trial.halfway',
    label: 'Trial halfway',
    description: 'Halfway through a trial period: a nudge to have your first conversations.',
    timing: 'morning',
  }),
} as const;
