import { defineNotificationKind } from '@mentorship/platform';

/** What the people context's rules send to members. */
export const PeopleNotifications = {
  pauseEnding: defineNotificationKind({
    id: 'mentor-pause.ending',
    label: 'Pause ending',
    description:
      'A few days before the pause you set as a mentor ends: extend it, or get ready for new mentees.',
    timing: 'morning',
  }),
} as const;
