import { defineNotificationKind } from '@mentorship/platform';

/** What the matching context's rules send to members. */
export const MatchingNotifications = {
  requestExpiring: defineNotificationKind({
    id: 'match-request.expiring',
    label: 'Request about to expire',
    description: 'A day before a match request to you expires unanswered: accept or decline it.',
    timing: 'morning',
    perProgram: true,
  }),
  requestExpired: defineNotificationKind({
    id: 'match-request.expired',
    label: 'Request expired',
    description: 'A match request you sent expired unanswered: other mentors to ask.',
    timing: 'morning',
    perProgram: true,
  }),
} as const;
