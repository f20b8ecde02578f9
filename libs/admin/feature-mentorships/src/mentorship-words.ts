import type {
  MapFlag,
  MatchAction,
  MatchActor,
  MatchEndReason,
  MatchPhase,
  MatchStatus,
  MatchView,
  MissedMilestoneCause,
} from '@mentorship/contracts';

const STATUS: Record<MatchStatus, string> = {
  proposed: 'Proposed',
  pending: 'Waiting for the mentor',
  trial: 'In trial',
  active: 'Active',
  completed: 'Completed',
  declined: 'Declined',
  trial_declined: 'Ended after the trial',
  ended: 'Ended',
};

export const matchStatusLabel = (status: MatchStatus) => STATUS[status];

/** The chip colour of a status: still to happen, running, or over. */
export function matchStatusTone(status: MatchStatus): 'waiting' | 'good' | 'over' {
  if (status === 'proposed' || status === 'pending') return 'waiting';
  if (status === 'trial' || status === 'active') return 'good';
  return 'over';
}

const ACTION: Record<MatchAction, { label: string; done: string; reason: 'required' | 'optional' | 'none' }> =
  {
    approve: { label: 'Approve', done: 'Approved', reason: 'none' },
    reject: { label: 'Reject', done: 'Rejected', reason: 'required' },
    accept: { label: 'Accept', done: 'Accepted: the trial started', reason: 'none' },
    decline: { label: 'Decline', done: 'Declined', reason: 'required' },
    withdraw: { label: 'Withdraw', done: 'Withdrawn', reason: 'required' },
    leave_trial: { label: 'Leave the trial', done: 'Left the trial', reason: 'optional' },
    confirm: { label: 'Decide: both continue', done: 'The trial ended well', reason: 'none' },
    end_trial: { label: 'Decide: end the trial', done: 'The trial ended', reason: 'optional' },
    complete: { label: 'Complete', done: 'Completed', reason: 'none' },
    end: { label: 'End the mentorship', done: 'Ended', reason: 'required' },
  };

export const actionLabel = (action: MatchAction) => ACTION[action].label;
export const actionDone = (action: MatchAction) => ACTION[action].done;
export const actionReason = (action: MatchAction) => ACTION[action].reason;

const ACTOR: Record<MatchActor, string> = {
  mentee: 'by the mentee',
  mentor: 'by the mentor',
  coordinator: 'by a coordinator',
  // A deadline of the trial or the cohort, or both answers together.
  system: 'by Mentorship Map',
};
export const actorLabel = (actor: MatchActor) => ACTOR[actor];

const PHASE: Record<MatchPhase, string> = {
  initiation: 'Initiation (months 1–3)',
  development: 'Development (months 4–12)',
  maturation: 'Maturation (after a year)',
};
export const phaseLabel = (phase: MatchPhase) => PHASE[phase];

const END_REASON: Record<MatchEndReason, string> = {
  goals_met: 'Goals met',
  no_time: 'No time',
  not_a_fit: 'Not a fit',
  role_change: 'Role change',
  other: 'Other',
  member_left: 'A member left the organization',
  cohort_ended: 'The cohort ended',
};
export const endReasonLabel = (code: MatchEndReason) => END_REASON[code];

/** Which side of the match `userId` is on, if either. */
export function sideOf(match: Pick<MatchView, 'menteeUserId' | 'mentorUserId'>, userId: string | undefined) {
  if (userId === match.menteeUserId) return 'mentee' as const;
  if (userId === match.mentorUserId) return 'mentor' as const;
  return null;
}

/** What the person should do next on a match, in a sentence for "My mentorships". */
export function nextStep(match: MatchView, side: 'mentee' | 'mentor' | null): string {
  switch (match.status) {
    case 'proposed':
      return 'A coordinator reviews the proposal.';
    case 'pending':
      return side === 'mentor'
        ? 'Accept or decline: accepting starts the trial.'
        : `${match.mentor.displayName} has not answered yet.`;
    case 'trial':
      return 'Meet during the trial, then answer “continue?”.';
    case 'active':
      return side === 'mentee'
        ? 'Keep your map current and log your check-ins.'
        : 'Meet, log check-ins and follow the map.';
    default:
      return 'Nothing more to do.';
  }
}

const FLAG: Record<MapFlag, string> = {
  milestone_without_measure: 'No measure of done',
  milestone_without_due_date: 'No due date',
  no_community_milestone: 'The map has performance milestones but no community one.',
  fewer_than_three_milestones: 'Fewer than the three milestones suggested.',
  milestone_missed_twice: 'Missed twice',
  review_due: 'The map’s review is due.',
};
export const flagLabel = (flag: MapFlag) => FLAG[flag];

const CAUSE: Record<MissedMilestoneCause, string> = {
  too_ambitious: 'Is it too ambitious? Split it or give it more time.',
  support_lacking: 'Is support lacking? Name someone who helps.',
  goal_changed: 'Has the goal changed? Retarget it or replace it.',
};
export const causeLabel = (cause: MissedMilestoneCause) => CAUSE[cause];

/** "1 version", "2 versions". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A day (YYYY-MM-DD) in words, as written: days carry no time zone. */
export function dayLabel(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant in the browser's time zone. */
export function instantLabel(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Today in the browser's zone, as a day. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
