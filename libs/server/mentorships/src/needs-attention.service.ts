import { Injectable } from '@nestjs/common';
import { PROGRAM_LIMITS } from '@mentorship/contracts';
import { Clock, pageOf } from '@mentorship/platform';
import { ProgramsException } from '@mentorship/programs';
import type {
  NeedsAttentionItemDto,
  NeedsAttentionPageDto,
  NeedsAttentionQueryDto,
} from './dto/needs-attention.dto';
import { NeedsAttentionRepository, type NeedsAttentionRow } from './repositories/needs-attention.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The coordinator's "needs attention" list (issue 9, point 9): trials ending within the asked
 * days (or ended and undecided), declined trials whose mentee waits for a new match, running
 * pairs with no check-in for the program's quietDays (the rule the pair's nudge follows too),
 * and milestones past due and not done. Oldest first, so what waited longest leads. Time is the
 * `Clock`'s, so tests move it instead of waiting. The route admits coordinators and admins only.
 */
@Injectable()
export class NeedsAttentionService {
  constructor(
    private readonly items: NeedsAttentionRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: NeedsAttentionQueryDto): Promise<NeedsAttentionPageDto> {
    if (query.cohortId && !(await this.items.cohortExists(query.cohortId)))
      throw ProgramsException.cohortNotFound();
    const now = this.clock.now();
    const found = await this.items.page({
      cohortId: query.cohortId,
      kind: query.kind,
      now,
      trialsEndingBy: new Date(now.getTime() + query.trialEndingWithinDays * DAY_MS),
      today: now.toISOString().slice(0, 10),
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, (row) => toItem(row, now));
  }
}

function toItem(row: NeedsAttentionRow, now: Date): NeedsAttentionItemDto {
  return {
    kind: row.kind,
    matchId: row.matchId,
    matchStatus: row.matchStatus,
    cohortId: row.cohortId,
    cohortName: row.cohortName,
    mentee: { userId: row.menteeUserId, displayName: row.menteeName },
    mentor: { userId: row.mentorUserId, displayName: row.mentorName },
    reason: reasonOf(row, now),
    since: row.since.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    milestone:
      row.milestoneId && row.milestoneDueOn
        ? { id: row.milestoneId, title: row.milestoneTitle ?? '', dueOn: row.milestoneDueOn }
        : null,
  };
}

/** The line a coordinator reads: what is wrong, in numbers. */
function reasonOf(row: NeedsAttentionRow, now: Date): string {
  const day = (at: Date | null) => at?.toISOString().slice(0, 10) ?? '';
  switch (row.kind) {
    case 'trial_ending':
      return row.dueAt && row.dueAt <= now
        ? `The trial ended on ${day(row.dueAt)} and is not decided yet.`
        : `The trial ends on ${day(row.dueAt)}.`;
    case 'rematch_waiting':
      return `The trial was declined on ${day(row.since)}; the mentee waits for a new match.`;
    case 'no_check_in':
      return (
        `No check-in for ${Math.floor((now.getTime() - row.since.getTime()) / DAY_MS)} days ` +
        `(the program's limit is ${row.quietDays ?? PROGRAM_LIMITS.quietDays.default} days without one).`
      );
    case 'milestone_missed':
      return `The milestone "${row.milestoneTitle ?? ''}" was due on ${row.milestoneDueOn ?? ''} and is not done.`;
  }
}
