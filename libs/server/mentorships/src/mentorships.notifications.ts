import type { MemberContact } from '@mentorship/people';
import type { MatchEntity } from './entities/match.entity';
import { defineNotificationKind } from '@mentorship/platform';

/** What the mentorships context's rules send to members. */
export const MentorshipsNotifications = {
  trialHalfway: defineNotificationKind({
    id: 'trial.halfway',
    label: 'Trial halfway',
    description: 'Halfway through a trial period: a nudge to have your first conversations.',
    timing: 'morning',
    perProgram: true,
  }),
  checkInDue: defineNotificationKind({
    id: 'check-in.due',
    label: 'Check-in due',
    description: 'When your next meeting is due by the program’s check-in cadence and none is logged since.',
    timing: 'morning',
    perProgram: true,
  }),
  mapReview: defineNotificationKind({
    id: 'map.review',
    label: 'Map review',
    description:
      'On the day your mentorship map is due for review (monthly by default), to you and your map buddy.',
    timing: 'morning',
    perProgram: true,
  }),
  agreementSignatureWaiting: defineNotificationKind({
    id: 'agreement.signature-waiting',
    label: 'Agreement to sign',
    description:
      'A few days after your mentoring agreement is drafted or changed, if you have not signed it yet.',
    timing: 'morning',
    perProgram: true,
  }),
  pulseDue: defineNotificationKind({
    id: 'pulse.due',
    label: 'Pulse survey due',
    description:
      'When a new pulse period of your mentorship opens (the program’s interval) and you have not rated it yet.',
    timing: 'morning',
    perProgram: true,
  }),
  pairQuiet: defineNotificationKind({
    id: 'pair.quiet',
    label: 'Gone quiet',
    description:
      'When no check-in has been logged with your mentor or mentee for the program’s number of quiet days.',
    timing: 'morning',
    perProgram: true,
  }),
  pairQuietAlert: defineNotificationKind({
    id: 'pair.quiet-alert',
    label: 'Quiet pair (coordinators)',
    description: 'To coordinators: a pair is still quiet a week after they were nudged.',
    timing: 'morning',
    perProgram: true,
  }),
  exitSurvey: defineNotificationKind({
    id: 'match.exit-survey',
    label: 'Exit survey',
    description: 'When a mentorship ends or completes: three short questions on how it went.',
    timing: 'morning',
  }),
  cohortSurvey: defineNotificationKind({
    id: 'cohort.survey',
    label: 'End-of-cohort survey',
    description: 'When a cohort closes: would you recommend the program (0-10), and a comment.',
    timing: 'morning',
  }),
} as const;

/** The two people of a match, mentee first. */
export const PAIR_SIDES = ['mentee', 'mentor'] as const;
export type PairSide = (typeof PAIR_SIDES)[number];

/** One side of a match as a notification to it names the pair. */
export interface ReachableSide {
  side: PairSide;
  recipient: MemberContact;
  otherName: string;
}

/**
 * The sides of `match` that can be notified, mentee first (a member who left the organization has
 * no contact and is not), each with the other side's name: `unnamed` when the other has no
 * contact either, "your mentor" or "your mentee" by default.
 */
export function reachableSides(
  match: Pick<MatchEntity, 'menteeUserId' | 'mentorUserId'>,
  contacts: ReadonlyMap<string, MemberContact>,
  unnamed?: string,
): ReachableSide[] {
  return PAIR_SIDES.flatMap((side) => {
    const [me, other] =
      side === 'mentee' ? [match.menteeUserId, match.mentorUserId] : [match.mentorUserId, match.menteeUserId];
    const recipient = contacts.get(me);
    if (!recipient) return [];
    const otherName =
      contacts.get(other)?.name ?? unnamed ?? `your ${side === 'mentee' ? 'mentor' : 'mentee'}`;
    return [{ side, recipient, otherName }];
  });
}
