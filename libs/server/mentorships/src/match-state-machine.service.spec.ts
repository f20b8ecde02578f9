import {
  MATCH_ACTIONS,
  MATCH_ACTORS,
  MATCH_STATUSES,
  MATCH_STATUSES_HOLDING_A_PLACE,
} from '@mentorship/contracts';
import { actionsFrom, decide, MATCH_TRANSITIONS, targetOf } from './match-state-machine.service';

/**
 * The table of DEVELOPMENT.md ("Match state machine"), written out again by hand, one line per
 * legal step: `status action -> to: actors`. Every (status, action, actor) not listed is refused.
 */
const LEGAL = `
proposed approve -> pending: coordinator
proposed reject -> declined: coordinator system
pending reject -> declined: coordinator system
pending accept -> trial: mentor
pending decline -> declined: mentor
proposed withdraw -> declined: mentee
pending withdraw -> declined: mentee
trial leave_trial -> trial_declined: mentee mentor
trial confirm -> active: coordinator system
trial end_trial -> trial_declined: coordinator system
trial complete -> completed: coordinator system
active complete -> completed: coordinator system
active end -> ended: mentee mentor coordinator system
`
  .trim()
  .split('\n')
  .map((line) => {
    const [, status, action, to, actors] = /^(\w+) (\w+) -> (\w+): (.+)$/.exec(line)!;
    return { status, action, to, actors: actors.split(' ') };
  });

describe('match state machine', () => {
  it('decides every action from every status for every actor as the written table says', () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const status of MATCH_STATUSES)
      for (const action of MATCH_ACTIONS)
        for (const actor of MATCH_ACTORS) {
          const decision = decide(status, action, [actor]);
          seen.push(
            `${status} ${action} ${actor}: ${decision.kind === 'allowed' ? `-> ${decision.transition.to}` : decision.kind}`,
          );
          const legalFrom = LEGAL.filter((l) => l.status === status && l.action === action);
          const line = legalFrom.find((l) => l.actors.includes(actor));
          expected.push(
            `${status} ${action} ${actor}: ${line ? `-> ${line.to}` : legalFrom.length > 0 ? 'forbidden' : 'illegal'}`,
          );
        }
    expect(seen).toHaveLength(MATCH_STATUSES.length * MATCH_ACTIONS.length * MATCH_ACTORS.length);
    expect(seen).toEqual(expected);
  });

  it('names, for an illegal action, exactly the actions open from the status', () => {
    for (const status of MATCH_STATUSES) {
      const open = [...new Set(LEGAL.filter((l) => l.status === status).map((l) => l.action))].sort();
      expect([...actionsFrom(status)].sort()).toEqual(open);
      const closed = MATCH_ACTIONS.find((action) => !open.includes(action))!;
      expect(decide(status, closed, MATCH_ACTORS)).toEqual({ kind: 'illegal', allowed: actionsFrom(status) });
    }
  });

  it('has final statuses: completed, declined, trial_declined and ended allow nothing', () => {
    for (const status of ['completed', 'declined', 'trial_declined', 'ended'] as const)
      expect(actionsFrom(status)).toEqual([]);
  });

  it('takes a place only by approve, and frees it on every exit', () => {
    const holds = (s: string) => (MATCH_STATUSES_HOLDING_A_PLACE as readonly string[]).includes(s);
    for (const action of MATCH_ACTIONS) {
      const rule = MATCH_TRANSITIONS[action];
      const takes = rule.from.some((from) => !holds(from)) && holds(rule.to);
      expect(`${action} takes a place: ${takes}`).toBe(`${action} takes a place: ${action === 'approve'}`);
    }
    for (const exit of ['declined', 'trial_declined', 'ended', 'completed']) expect(holds(exit)).toBe(false);
  });

  it('asks a reason for every exit but a trial’s, whose reason is private', () => {
    for (const action of MATCH_ACTIONS) {
      const rule = MATCH_TRANSITIONS[action];
      if (rule.to === 'declined' || rule.to === 'ended') expect(rule.reason).toBe('required');
      if (rule.to === 'trial_declined') expect(rule.reason).toBe('private');
    }
  });

  it('sends a match with no trial (flash) from accept straight to active, and changes nothing else', () => {
    for (const action of MATCH_ACTIONS) {
      const rule = MATCH_TRANSITIONS[action];
      expect(`${action}: ${targetOf(rule, false)}`).toBe(
        `${action}: ${action === 'accept' ? 'active' : rule.to}`,
      );
      expect(targetOf(rule, true)).toBe(rule.to);
    }
  });
});
