import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MatchAction, MatchActor, MatchEndReason, MatchStatus } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { ProgramsException } from '@mentorship/programs';
import { Clock, pageOf, TenantContext, type Caller, type FoundPage } from '@mentorship/platform';
import type { MatchDetailDto, MatchPageDto, MatchQueryDto, MatchViewDto } from './dto/match.dto';
import type { MatchEventEntity } from './entities/match-event.entity';
import type { MatchEntity } from './entities/match.entity';
import { actionsFrom, decide, MATCH_TRANSITIONS, targetOf } from './match-state-machine.service';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { phaseOf } from './match-phase.service';
import { MatchEventRepository } from './repositories/match-event.repository';
import { MatchRepository, type MatchLabels } from './repositories/match.repository';

/** What the state machine did: the match as it is now, and the step it took. */
export interface MatchTransitioned {
  match: MatchEntity;
  from: MatchStatus;
  to: MatchStatus;
}

/**
 * Takes the state machine's actions on one match at a time: the match row is locked first, so
 * two actions on it run one after the other and the second sees the first's status (the
 * loser of a race gets the 409 naming what is open now). Every step writes the match, its
 * timeline row and its audit row in the caller's transaction. Someone who is neither side of
 * the match nor a coordinator is told it does not exist.
 */
@Injectable()
export class MatchLifecycleService {
  /** Runs after each step, in its transaction (the trial schedules its deadlines here). */
  private readonly listeners: ((step: MatchTransitioned) => Promise<void>)[] = [];

  constructor(
    private readonly matches: MatchRepository,
    private readonly events: MatchEventRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onTransition(listener: (step: MatchTransitioned) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async listMine(query: MatchQueryDto): Promise<MatchPageDto> {
    const found = await this.matches.ofPerson(TenantContext.caller().userId, {
      status: query.status,
      offset: query.offset,
      limit: query.pageSize,
    });
    return this.pageOfMatches(query, found);
  }

  /** Every match of a cohort, for its coordinators (the route admits no one else). */
  async listOfCohort(cohortId: string, query: MatchQueryDto): Promise<MatchPageDto> {
    if ((await this.matches.cohortEndOf(cohortId)) === null) throw ProgramsException.cohortNotFound();
    const found = await this.matches.pageOfCohort(cohortId, {
      status: query.status,
      offset: query.offset,
      limit: query.pageSize,
    });
    return this.pageOfMatches(query, found);
  }

  /** A page of matches as the caller sees them, with their people's and cohorts' names. */
  private async pageOfMatches(query: MatchQueryDto, found: FoundPage<MatchEntity>): Promise<MatchPageDto> {
    const caller = TenantContext.caller();
    const labels = await this.matches.labelsOf(found.rows);
    return pageOf(query, found, (match) => toView(match, sidesOf(match, caller), labels));
  }

  async get(matchId: string): Promise<MatchDetailDto> {
    const caller = TenantContext.caller();
    const match = await this.matches.byId(matchId);
    const sides = match ? sidesOf(match, caller) : [];
    if (!match || sides.length === 0) throw MentorshipsException.matchNotFound();
    return this.detail(match, caller, sides);
  }

  /**
   * The caller takes `action` (refused with 404, 409, 403 or 400 as the table says). Ending takes
   * a reason code (`other` when only a note is given); no other action takes one.
   */
  async act(
    matchId: string,
    action: MatchAction,
    reason?: string,
    reasonCode?: MatchEndReason,
  ): Promise<MatchDetailDto> {
    if (reasonCode !== undefined && action !== 'end')
      throw MentorshipsException.invalidFields([
        { field: 'reasonCode', problems: ['only ending a match ("end") takes a reason code'] },
      ]);
    const code = action === 'end' && reasonCode === undefined && reason ? 'other' : (reasonCode ?? null);
    const caller = TenantContext.caller();
    const match = await this.matches.lockById(matchId);
    const sides = match ? sidesOf(match, caller) : [];
    if (!match || sides.length === 0) throw MentorshipsException.matchNotFound();
    const decision = decide(match.status, action, sides);
    if (decision.kind === 'illegal')
      throw MentorshipsException.actionNotAllowed(match.status, action, decision.allowed);
    if (decision.kind === 'forbidden') throw MentorshipsException.actionForbidden(action, decision.actors);
    // Recorded as the first side the table names that the caller holds (a mentor who coordinates ends as mentor).
    const actor = decision.transition.actors.find((side) => sides.includes(side)) ?? 'coordinator';
    const moved = await this.step(match, action, actor, caller.userId, reason, code);
    return this.detail(moved, caller, sidesOf(moved, caller));
  }

  /**
   * The system's step on a match it has locked (a trial's deadline): false, and nothing written,
   * when the match has moved on meanwhile, so a deadline firing twice changes nothing.
   */
  async actAsSystem(
    matchId: string,
    action: MatchAction,
    reason?: string,
    reasonCode?: MatchEndReason,
  ): Promise<boolean> {
    const match = await this.matches.lockById(matchId);
    if (!match || decide(match.status, action, ['system']).kind !== 'allowed') return false;
    await this.step(match, action, 'system', null, reason, reasonCode ?? null);
    return true;
  }

  /** A locked match moves: capacity when the step takes a place, then status, timeline, audit. */
  private async step(
    match: MatchEntity,
    action: MatchAction,
    actor: MatchActor,
    actorUserId: string | null,
    given: string | undefined,
    code: MatchEndReason | null,
  ): Promise<MatchEntity> {
    const rule = MATCH_TRANSITIONS[action];
    // A reason code says why as well as a note does: ending with a code alone is enough.
    if (rule.reason === 'required' && !given && !code) throw MentorshipsException.reasonRequired(action);
    const reason = rule.reason === 'none' ? null : (given ?? null);
    if (action === 'approve') await this.holdPlace(match);
    const to = rule.toWithoutTrial ? targetOf(rule, await this.hasTrial(match)) : rule.to;
    const at = this.clock.now();
    const from = match.status;
    await this.matches.moveTo(match.id, to, at, reason, code);
    await this.events.append({
      id: randomUUID(),
      matchId: match.id,
      action,
      fromStatus: from,
      toStatus: to,
      actor,
      actorUserId,
      reason,
      reasonCode: code,
      occurredAt: at,
    });
    await this.audit.record({
      action: MentorshipsAudit.matchTransitioned,
      target: { type: 'match', id: match.id },
      // The reason stays out of the audit log: a trial's is private to coordinators.
      details: { action, from, to, actor, ...(code ? { reasonCode: code } : {}) },
    });
    const moved = {
      ...match,
      status: to,
      statusChangedAt: at,
      exitReason: reason ?? match.exitReason,
      exitReasonCode: code ?? match.exitReasonCode,
    };
    for (const listener of this.listeners) await listener({ match: moved, from, to });
    return moved;
  }

  /** A flash match (one conversation) has no trial, nor does a cohort whose program is flash. */
  private async hasTrial(match: MatchEntity): Promise<boolean> {
    return !match.singleConversation && (await this.matches.programKindOf(match.cohortId)) !== 'flash';
  }

  /** `approve` puts a proposal on the mentor's load: under their lock, within their places. */
  private async holdPlace(match: MatchEntity): Promise<void> {
    await this.matches.lockMentors([match.mentorUserId]);
    const places = await this.matches.placesOf(match.mentorUserId, match.cohortId);
    const load =
      (await this.matches.loadOf([match.mentorUserId], match.cohortId)).get(match.mentorUserId) ?? 0;
    if (load + 1 > places) throw MentorshipsException.mentorAtCapacity(match.mentorUserId, places, load);
    const [repeated] = await this.matches.openPairs(match.cohortId, [match]);
    if (repeated) throw MentorshipsException.pairAlreadyMatched(match.mentorUserId, match.menteeUserId);
  }

  private async detail(
    match: MatchEntity,
    caller: Caller,
    sides: readonly MatchActor[],
  ): Promise<MatchDetailDto> {
    const events = await this.events.ofMatch(match.id);
    const labels = await this.matches.labelsOf([match]);
    const coordinator = sides.includes('coordinator');
    // A trial's exit reason is no one's blame: coordinators and its writer read it, nobody else.
    const readable = (event: MatchEventEntity) =>
      MATCH_TRANSITIONS[event.action].reason !== 'private' ||
      coordinator ||
      event.actorUserId === caller.userId;
    const exit = events.at(-1);
    const started = events.find((event) => event.toStatus === 'trial' || event.toStatus === 'active');
    return {
      ...toView(match, sides, labels),
      exitReason: exit && exit.reason !== null && readable(exit) ? match.exitReason : null,
      exitReasonCode: match.exitReasonCode,
      phase: phaseOf(match, started?.occurredAt ?? null, this.clock.now()),
      timeline: events.map((event) => ({
        action: event.action,
        from: event.fromStatus,
        to: event.toStatus,
        actor: event.actor,
        actorUserId: event.actorUserId,
        reason: readable(event) ? event.reason : null,
        reasonCode: event.reasonCode,
        occurredAt: event.occurredAt.toISOString(),
      })),
    };
  }
}

/** The sides `caller` holds on the match: mentee, mentor, coordinator (admins count as one). */
export function sidesOf(match: MatchEntity, caller: Caller): MatchActor[] {
  const sides: MatchActor[] = [];
  if (match.menteeUserId === caller.userId) sides.push('mentee');
  if (match.mentorUserId === caller.userId) sides.push('mentor');
  if (caller.roles.includes('admin') || caller.roles.includes('coordinator')) sides.push('coordinator');
  return sides;
}

function toView(match: MatchEntity, sides: readonly MatchActor[], labels: MatchLabels): MatchViewDto {
  const person = (userId: string) => ({ userId, displayName: labels.people.get(userId) ?? '' });
  return {
    id: match.id,
    cohortId: match.cohortId,
    mentorUserId: match.mentorUserId,
    menteeUserId: match.menteeUserId,
    mentor: person(match.mentorUserId),
    mentee: person(match.menteeUserId),
    cohortName: labels.cohorts.get(match.cohortId) ?? '',
    status: match.status,
    origin: match.origin,
    singleConversation: match.singleConversation,
    statusChangedAt: match.statusChangedAt.toISOString(),
    createdAt: match.createdAt.toISOString(),
    allowedActions: actionsFrom(match.status, sides),
  };
}
