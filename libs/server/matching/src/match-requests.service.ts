import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MatchStatus } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { MatchesService } from '@mentorship/mentorships';
import { NotificationsService, readableDay } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { JobOutbox, pageOf, TenantContext } from '@mentorship/platform';
import type { ProgramSettings } from '@mentorship/programs';
import { completeProgramSettings, isCohortManager } from '@mentorship/programs';
import {
  DeclineMatchRequestDto,
  MatchRequestPageDto,
  MatchRequestQueryDto,
  MatchRequestViewDto,
  MentorPlacesDto,
  OTHER_MENTORS_LIMIT,
  ReceivedMatchRequestPageDto,
  SendMatchRequestDto,
} from './dto/match-request.dto';
import type { MatchRequestEntity } from './entities/match-request.entity';
import { matchRequestExpiryJob } from './jobs/match-request-expiry.job';
import { MatchingAudit } from './matching.audit';
import { MatchingException } from './matching.exception';
import { MatchingNotifications } from './matching.notifications';
import { MenteeChoiceService } from './mentee-choice.service';
import { MentorPlacesService } from './mentor-places.service';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import { MatchRequestRepository, type MatchRequestRow } from './repositories/match-request.repository';
import { SuggestionLedger } from './suggestion-ledger.service';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The state an accepted request's match starts in, as the program says: a trial when the program
 * has one; a flash program's single conversation is active at once (no trial). The mentor's
 * accept is the "mentor must accept" step, so a request never makes a `pending` match.
 */
function acceptedMatchState(settings: ProgramSettings): {
  status: Extract<MatchStatus, 'pending' | 'trial' | 'active'>;
  singleConversation: boolean;
} {
  if (settings.kind === 'flash') return { status: 'active', singleConversation: true };
  return { status: settings.trialDays !== null ? 'trial' : 'pending', singleConversation: false };
}

/**
 * Structured match requests: a mentee of a mentee-choice cohort asks one of its mentors; the
 * mentor accepts (a match, never over capacity) or declines with a reason; the mentee may
 * withdraw; an unanswered request expires after the program's days (a delayed job).
 */
@Injectable()
export class MatchRequestsService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly choice: MenteeChoiceService,
    private readonly places: MentorPlacesService,
    private readonly matches: MatchesService,
    private readonly people: CohortPeopleRepository,
    private readonly requests: MatchRequestRepository,
    private readonly ledger: SuggestionLedger,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
  ) {}

  async send(cohortId: string, input: SendMatchRequestDto): Promise<MatchRequestViewDto> {
    const { settings } = await this.choice.asMentee(cohortId);
    const me = TenantContext.caller().userId;
    if (!(await this.people.person(cohortId, input.mentorUserId, 'mentor')))
      throw MatchingException.mentorNotInCohort('mentorUserId');

    // The mentee's requests in the cohort are counted and written one at a time.
    await this.requests.lockMentee(cohortId, me);
    if ((await this.requests.declinedBy(cohortId, me)).has(input.mentorUserId))
      throw MatchingException.mentorUnavailable('declined');
    if ((await this.requests.matchedWith(cohortId, me)).has(input.mentorUserId))
      throw MatchingException.mentorUnavailable('matched');
    const open = await this.requests.openOf(cohortId, me);
    const same = open.find((request) => request.mentorUserId === input.mentorUserId);
    if (same) throw MatchingException.requestDuplicate(same.id);
    if (open.length >= settings.maxOpenRequestsPerMentee)
      throw MatchingException.openRequestLimit(settings.maxOpenRequestsPerMentee);
    const free = await this.places.freePlaces(cohortId, [input.mentorUserId], settings);
    if ((free.get(input.mentorUserId) ?? 0) === 0) throw MatchingException.mentorFull(input.mentorUserId);

    const id = randomUUID();
    const expiresAt = new Date(Date.now() + settings.requestExpiryDays * DAY_MS);
    await this.requests.add({
      id,
      cohortId,
      menteeUserId: me,
      mentorUserId: input.mentorUserId,
      subject: input.subject,
      howFound: input.howFound,
      wantToLearn: input.wantToLearn,
      specificAsk: input.specificAsk,
      offerBack: input.offerBack,
      declineReason: null,
      declineNote: null,
      suggestedMentorUserId: null,
      matchId: null,
      expiresAt,
      decidedAt: null,
    });
    await this.outbox.enqueue(matchRequestExpiryJob, { requestId: id }, { notBefore: expiresAt });
    await this.remindMentorBeforeExpiry(id, cohortId, input.mentorUserId, input.subject, expiresAt);
    await this.audit.record({
      action: MatchingAudit.matchRequestSent,
      target: { type: 'match_request', id },
      details: { cohortId, mentorUserId: input.mentorUserId },
    });
    return this.get(id);
  }

  /** The mentor accepts: a match in the state the program says, or 409 when they have no place. */
  async accept(requestId: string): Promise<MatchRequestViewDto> {
    const me = TenantContext.caller().userId;
    const request = await this.openRequest(await this.requests.lockForMentor(requestId, me));
    const { settings } = await this.choice.openCohort(request.cohortId);
    // Either side may have left the cohort since the request was sent.
    for (const [userId, role] of [
      [request.menteeUserId, 'mentee'],
      [me, 'mentor'],
    ] as const)
      if (!(await this.people.person(request.cohortId, userId, role)))
        throw MatchingException.participantLeft(role);
    const places = await this.places.places([me], settings);
    const [matchId] = await this.matches.create(
      [
        {
          cohortId: request.cohortId,
          mentorUserId: me,
          menteeUserId: request.menteeUserId,
          ...acceptedMatchState(settings),
          origin: 'request',
          originId: request.id,
        },
      ],
      places,
    );
    await this.requests.change(request.id, { status: 'accepted', matchId, decidedAt: new Date() });
    await this.notifications.withdraw(MatchingNotifications.requestExpiring, request.id);
    // A matched mentee is no longer choosing: the mentors on their list are free for others
    // (once the match is committed; Redis down then: their holds run out with the list).
    const { cohortId, menteeUserId } = request;
    const organizationId = TenantContext.organizationId();
    TenantContext.afterCommit(() => this.ledger.giveUp(organizationId, cohortId, menteeUserId));
    await this.audit.record({
      action: MatchingAudit.matchRequestAccepted,
      target: { type: 'match_request', id: request.id },
      details: { cohortId: request.cohortId, matchId },
    });
    return this.get(request.id);
  }

  async decline(requestId: string, input: DeclineMatchRequestDto): Promise<MatchRequestViewDto> {
    const me = TenantContext.caller().userId;
    const request = await this.openRequest(await this.requests.lockForMentor(requestId, me));
    const suggested = input.suggestedMentorUserId ?? null;
    if (
      suggested !== null &&
      (suggested === me || !(await this.people.person(request.cohortId, suggested, 'mentor')))
    )
      throw MatchingException.mentorNotInCohort('suggestedMentorUserId');
    await this.requests.change(request.id, {
      status: 'declined',
      declineReason: input.reason,
      declineNote: input.note ? input.note : null,
      suggestedMentorUserId: suggested,
      decidedAt: new Date(),
    });
    // The mentor no longer appears on the mentee's list: their hold on the mentor is given up.
    const { cohortId, menteeUserId } = request;
    const organizationId = TenantContext.organizationId();
    TenantContext.afterCommit(() => this.ledger.giveUp(organizationId, cohortId, menteeUserId, me));
    await this.notifications.withdraw(MatchingNotifications.requestExpiring, request.id);
    await this.audit.record({
      action: MatchingAudit.matchRequestDeclined,
      target: { type: 'match_request', id: request.id },
      details: { cohortId: request.cohortId, reason: input.reason, suggestedMentorUserId: suggested },
    });
    return this.get(request.id);
  }

  async withdraw(requestId: string): Promise<MatchRequestViewDto> {
    const me = TenantContext.caller().userId;
    const request = await this.openRequest(await this.requests.lockForMentee(requestId, me));
    await this.requests.change(request.id, { status: 'withdrawn', decidedAt: new Date() });
    await this.notifications.withdraw(MatchingNotifications.requestExpiring, request.id);
    await this.audit.record({
      action: MatchingAudit.matchRequestWithdrawn,
      target: { type: 'match_request', id: request.id },
      details: { cohortId: request.cohortId },
    });
    return this.get(request.id);
  }

  /**
   * The expiry job's work: a request still open past its time becomes expired; any other (answered,
   * withdrawn, already expired, or not due: a job run early) is left as it is, so a repeated run
   * changes nothing. Returns whether it expired the request.
   */
  async expire(requestId: string): Promise<boolean> {
    const request = await this.requests.lock(requestId);
    if (!request || request.status !== 'open' || request.expiresAt.getTime() > Date.now()) return false;
    await this.requests.change(request.id, { status: 'expired', decidedAt: new Date() });
    await this.tellMenteeExpired(request);
    // Nobody acts: the mentee's request ran out, so the entry is theirs.
    await TenantContext.withCaller({ userId: request.menteeUserId, email: '', roles: [] }, () =>
      this.audit.record({
        action: MatchingAudit.matchRequestExpired,
        target: { type: 'match_request', id: request.id },
        details: { cohortId: request.cohortId },
      }),
    );
    return true;
  }

  /** A request its mentee, its mentor, or a coordinator may read; for anyone else it is not there. */
  async get(requestId: string): Promise<MatchRequestViewDto> {
    const row = await this.requests.row(requestId);
    const caller = TenantContext.caller();
    if (
      !row ||
      (row.menteeUserId !== caller.userId &&
        row.mentorUserId !== caller.userId &&
        !isCohortManager(caller.roles))
    )
      throw MatchingException.requestNotFound();
    return toView(row);
  }

  /** The requests the caller sent (as a mentee) or received (as a mentor), newest first. */
  async list(side: 'mentee' | 'mentor', query: MatchRequestQueryDto): Promise<MatchRequestPageDto> {
    const found = await this.requests.page({
      side,
      userId: TenantContext.caller().userId,
      status: query.status,
      cohortId: query.cohortId,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, toView);
  }

  /** The requests the caller received as a mentor, with their places in each cohort they mentor. */
  async received(query: MatchRequestQueryDto): Promise<ReceivedMatchRequestPageDto> {
    const page = await this.list('mentor', query);
    return { ...page, places: await this.myPlaces() };
  }

  /** The caller's places and free places in each cohort they mentor while it is matching or running. */
  private async myPlaces(): Promise<MentorPlacesDto[]> {
    const me = TenantContext.caller().userId;
    const places: MentorPlacesDto[] = [];
    // One after the other: all run on the request's one connection.
    for (const cohort of await this.people.enrolledCohortsAs('mentor', me)) {
      const settings = completeProgramSettings(cohort.settings);
      const offered = await this.places.places([me], settings);
      const colleagues = await this.people.otherMentors(cohort.id, me);
      const free = await this.places.freePlaces(
        cohort.id,
        [me, ...colleagues.map((c) => c.userId)],
        settings,
      );
      places.push({
        cohortId: cohort.id,
        cohortName: cohort.name,
        places: offered.get(me) ?? 0,
        freePlaces: free.get(me) ?? 0,
        // Suggesting a mentor who is full sends the mentee to a second refusal.
        otherMentors: colleagues.filter((c) => (free.get(c.userId) ?? 0) > 0).slice(0, OTHER_MENTORS_LIMIT),
      });
    }
    return places;
  }

  /** Only an open request that has not run out can be answered or withdrawn. */
  private async openRequest(request: MatchRequestEntity | null): Promise<MatchRequestEntity> {
    if (!request) throw MatchingException.requestNotFound();
    if (request.status !== 'open') throw MatchingException.requestNotOpen(request.status);
    if (request.expiresAt.getTime() <= Date.now()) throw MatchingException.requestNotOpen('expired');
    return request;
  }

  /** A day before the request expires (on a working morning, before it does), the mentor is reminded. */
  private async remindMentorBeforeExpiry(
    requestId: string,
    cohortId: string,
    mentorUserId: string,
    subject: string,
    expiresAt: Date,
  ): Promise<void> {
    const contacts = await this.profiles.contactsOf([mentorUserId, TenantContext.caller().userId]);
    const mentor = contacts.get(mentorUserId);
    if (!mentor) return;
    const mentee = contacts.get(TenantContext.caller().userId)?.name ?? 'A mentee';
    await this.notifications.notify({
      kind: MatchingNotifications.requestExpiring,
      recipient: mentor,
      key: requestId,
      title: `${mentee}'s request expires soon`,
      body: `${mentee} asked you: “${subject}”. The request expires unanswered on ${readableDay(expiresAt, mentor.timeZone)}: accept or decline it, so they know where they stand.`,
      link: `/orgs/${TenantContext.organizationId()}/requests/received`,
      subject: { type: 'match_request', id: requestId },
      due: new Date(Math.max(Date.now(), expiresAt.getTime() - DAY_MS)),
      before: expiresAt,
    });
  }

  /** An expired request sends the mentee back to the cohort's other mentors. */
  private async tellMenteeExpired(request: MatchRequestEntity): Promise<void> {
    const contacts = await this.profiles.contactsOf([request.menteeUserId, request.mentorUserId]);
    const mentee = contacts.get(request.menteeUserId);
    if (!mentee) return;
    const mentor = contacts.get(request.mentorUserId)?.name ?? 'The mentor';
    await this.notifications.notify({
      kind: MatchingNotifications.requestExpired,
      recipient: mentee,
      key: request.id,
      title: `Your request to ${mentor} expired`,
      body: `${mentor} did not answer your request “${request.subject}” in time. Other mentors of the cohort have free places: the suggestions list them with why each fits.`,
      link: `/orgs/${TenantContext.organizationId()}/cohorts/${request.cohortId}/mentors`,
      subject: { type: 'match_request', id: request.id },
      due: new Date(),
    });
  }
}

function toView(row: MatchRequestRow): MatchRequestViewDto {
  const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());
  return {
    id: row.id,
    cohortId: row.cohortId,
    cohortName: row.cohortName,
    // Shown as it is: past its time a request is expired, even before the expiry job has run.
    status: row.status === 'open' && new Date(row.expiresAt).getTime() <= Date.now() ? 'expired' : row.status,
    mentee: { userId: row.menteeUserId, displayName: row.menteeName },
    mentor: { userId: row.mentorUserId, displayName: row.mentorName },
    subject: row.subject,
    howFound: row.howFound,
    wantToLearn: row.wantToLearn,
    specificAsk: row.specificAsk,
    offerBack: row.offerBack,
    declineReason: row.declineReason,
    declineNote: row.declineNote,
    suggestedMentor: row.suggestedMentorUserId
      ? { userId: row.suggestedMentorUserId, displayName: row.suggestedMentorName ?? '' }
      : null,
    matchId: row.matchId,
    expiresAt: iso(row.expiresAt) as string,
    decidedAt: iso(row.decidedAt),
    createdAt: iso(row.createdAt) as string,
  };
}
