import type { MatchPhase, MatchStatus } from '@mentorship/contracts';
import { DateTime } from 'luxon';
import type { MatchPhaseDto } from './dto/match.dto';

/** Statuses after which a match's clock stops: its phase is the one it ended in. */
const FINAL: readonly MatchStatus[] = ['completed', 'declined', 'trial_declined', 'ended'];

/** Where each phase starts, in whole months since the match started. */
const PHASES: readonly { phase: MatchPhase; fromMonth: number }[] = [
  { phase: 'initiation', fromMonth: 0 },
  { phase: 'development', fromMonth: 3 },
  { phase: 'maturation', fromMonth: 12 },
];

/**
 * The match's phase (issue 9, point 8): initiation in months 1–3 since it started (its first
 * step into trial or active), development in months 4–12, maturation after. Calendar months in
 * UTC, so a match started on 31 January is in its second month from 28 February on. `now` is the
 * `Clock`'s; a match that ended stays in the phase it ended in. Null for a match that never
 * started (proposed, pending, declined).
 */
export function phaseOf(
  match: { status: MatchStatus; statusChangedAt: Date },
  startedAt: Date | null,
  now: Date,
): MatchPhaseDto | null {
  if (!startedAt) return null;
  const start = DateTime.fromJSDate(startedAt, { zone: 'utc' });
  const until = DateTime.fromJSDate(FINAL.includes(match.status) ? match.statusChangedAt : now, {
    zone: 'utc',
  });
  const months = Math.max(0, Math.floor(until.diff(start, 'months').months));
  // The first phase starts at month 0, so one always matches.
  const index = Math.max(
    0,
    PHASES.findLastIndex((p) => months >= p.fromMonth),
  );
  const current = PHASES[index] ?? PHASES[0];
  const next = PHASES[index + 1];
  return {
    phase: current.phase,
    month: months + 1,
    startedAt: startedAt.toISOString(),
    phaseStartedAt: start.plus({ months: current.fromMonth }).toJSDate().toISOString(),
    nextPhaseAt:
      next && !FINAL.includes(match.status)
        ? start.plus({ months: next.fromMonth }).toJSDate().toISOString()
        : null,
  };
}
