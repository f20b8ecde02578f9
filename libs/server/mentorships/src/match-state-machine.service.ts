import { MATCH_ACTIONS, type MatchAction, type MatchActor, type MatchStatus } from '@mentorship/contracts';

/** One named action: the statuses it needs, the status it leads to, who may take it. */
export interface MatchTransition {
  readonly from: readonly MatchStatus[];
  readonly to: MatchStatus;
  readonly actors: readonly MatchActor[];
  /** `required`: declining and ending say why; `private`: kept from the other side (no blame). */
  readonly reason: 'none' | 'required' | 'private';
  /** Where the step leads for a match with no trial (a flash program's: one conversation). */
  readonly toWithoutTrial?: MatchStatus;
}

/**
 * The match's rules, in one place (DESIGN.md, Match; DEVELOPMENT.md "Match state machine" shows
 * this table). `proposed -> pending -> trial -> active -> completed`, with the exits `declined`,
 * `trial_declined` and `ended`. Leaving pending, trial or active frees the mentor's place;
 * `approve` is the one action that takes a place, so it checks the mentor's capacity.
 */
export const MATCH_TRANSITIONS: Readonly<Record<MatchAction, MatchTransition>> = {
  /** A coordinator approves a proposed match: the mentor is asked to accept. */
  approve: { from: ['proposed'], to: 'pending', actors: ['coordinator'], reason: 'none' },
  /**
   * A coordinator turns down a proposal, or cancels a match the mentor has not accepted yet; the
   * system does when the cohort ends or one of the two leaves the organization.
   */
  reject: {
    from: ['proposed', 'pending'],
    to: 'declined',
    actors: ['coordinator', 'system'],
    reason: 'required',
  },
  /** The mentor accepts: the trial starts; a flash match has none and is active at once. */
  accept: { from: ['pending'], to: 'trial', toWithoutTrial: 'active', actors: ['mentor'], reason: 'none' },
  decline: { from: ['pending'], to: 'declined', actors: ['mentor'], reason: 'required' },
  /** The mentee takes back a match not yet accepted. */
  withdraw: { from: ['proposed', 'pending'], to: 'declined', actors: ['mentee'], reason: 'required' },
  /** Either side leaves the trial, without blame; the reason is for coordinators only. */
  leave_trial: { from: ['trial'], to: 'trial_declined', actors: ['mentee', 'mentor'], reason: 'private' },
  /** The trial ends well: decided by both answers (the system) or by a coordinator for them. */
  confirm: { from: ['trial'], to: 'active', actors: ['coordinator', 'system'], reason: 'none' },
  /** The trial ends without a continuation: any "no", no answer, or a coordinator's decision. */
  end_trial: {
    from: ['trial'],
    to: 'trial_declined',
    actors: ['coordinator', 'system'],
    reason: 'private',
  },
  /**
   * The mentorship ran its course: the cohort's end (the system; a trial still running then
   * completes too, the cohort being over), or a coordinator.
   */
  complete: {
    from: ['trial', 'active'],
    to: 'completed',
    actors: ['coordinator', 'system'],
    reason: 'none',
  },
  /**
   * Either side or a coordinator ends a running mentorship early (a reason code, and a note if
   * they like); the system does when one of the two leaves the organization (`member_left`).
   */
  end: {
    from: ['active'],
    to: 'ended',
    actors: ['mentee', 'mentor', 'coordinator', 'system'],
    reason: 'required',
  },
};

/** The status `transition` leads a match to: flash matches (no trial) skip the trial. */
export function targetOf(transition: MatchTransition, hasTrial: boolean): MatchStatus {
  return hasTrial ? transition.to : (transition.toWithoutTrial ?? transition.to);
}

/** What `actors` (the sides the caller holds on the match) may do from `status`, table order. */
export function actionsFrom(status: MatchStatus, actors?: readonly MatchActor[]): MatchAction[] {
  return MATCH_ACTIONS.filter((action) => {
    const rule = MATCH_TRANSITIONS[action];
    return rule.from.includes(status) && (!actors || rule.actors.some((a) => actors.includes(a)));
  });
}

export type MatchDecision =
  | { kind: 'allowed'; transition: MatchTransition }
  /** The action is not open from this status, to anyone. */
  | { kind: 'illegal'; allowed: MatchAction[] }
  /** Open from this status, but not to the caller's sides. */
  | { kind: 'forbidden'; actors: readonly MatchActor[] };

/** Whether someone holding `actors` on a match in `status` may take `action`. */
export function decide(
  status: MatchStatus,
  action: MatchAction,
  actors: readonly MatchActor[],
): MatchDecision {
  const transition = MATCH_TRANSITIONS[action];
  if (!transition.from.includes(status)) return { kind: 'illegal', allowed: actionsFrom(status) };
  if (!transition.actors.some((a) => actors.includes(a)))
    return { kind: 'forbidden', actors: transition.actors };
  return { kind: 'allowed', transition };
}
