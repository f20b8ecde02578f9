import type { MemberContact } from '@mentorship/people';
import type { MatchEntity } from './entities/match.entity';

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
