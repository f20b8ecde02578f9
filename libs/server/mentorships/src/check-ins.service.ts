import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationsService, startOfLocalDay } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { DateTime } from 'luxon';
import { AuditService } from '@mentorship/audit';
import { Clock, PageQueryDto, pageOf, TenantContext } from '@mentorship/platform';
import type {
  CheckInPageDto,
  CheckInViewDto,
  LogCheckInDto,
  NotebookEntryInputDto,
  NotebookEntryViewDto,
  NotebookPageDto,
} from './dto/check-in.dto';
import type { CheckInEntity } from './entities/check-in.entity';
import type { MatchEntity } from './entities/match.entity';
import { MatchAccessService, type SeenMatch } from './match-access.service';
import { MatchLifecycleService } from './match-lifecycle.service';
import { reachableSides, MentorshipsNotifications } from './mentorships.notifications';
import { MentorshipMapsService } from './mentorship-maps.service';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { QuietPairsService } from './quiet-pairs.service';
import { AgreementRepository } from './repositories/agreement.repository';
import { CheckInRepository, type NotebookEntryRow } from './repositories/check-in.repository';

/**
 * Check-ins and the shared notebook of a match (issue 9.5). Its mentee and mentor log meetings
 * and post entries; both read them. A private note (a check-in's, or a private entry) is its
 * writer's alone, and coordinators' where the cohort's program says so
 * (`privateNotesToCoordinators`). Progress on a milestone marked done updates the map.
 */
@Injectable()
export class CheckInsService implements OnModuleInit {
  constructor(
    private readonly access: MatchAccessService,
    private readonly checkIns: CheckInRepository,
    private readonly maps: MentorshipMapsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lifecycle: MatchLifecycleService,
    private readonly agreements: AgreementRepository,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
    private readonly quietPairs: QuietPairsService,
  ) {}

  onModuleInit(): void {
    // A match that becomes active has its first check-in due one cadence on; one that ends, none.
    this.lifecycle.onTransition(async ({ match, to }) => {
      if (to === 'active') await this.remindOfNextCheckIn(match, this.clock.now().toISOString().slice(0, 10));
      else if (to !== 'trial') await this.notifications.withdrawAll(DUE, `${match.id}:`);
    });
  }

  async log(matchId: string, input: LogCheckInDto): Promise<CheckInViewDto> {
    const seen = await this.access.asSide(matchId);
    const progress = (input.milestoneProgress ?? []).map((p) => ({ ...p, done: p.done ?? false }));
    await this.maps.markFromCheckIn(matchId, progress, seen.caller.userId, input.heldOn);
    const checkIn: Omit<CheckInEntity, 'organizationId'> = {
      id: randomUUID(),
      matchId,
      heldOn: input.heldOn,
      durationMinutes: input.durationMinutes,
      sharedNotes: input.sharedNotes ?? '',
      privateNotes: input.privateNotes || null,
      actionItems: (input.actionItems ?? []).map((a) => ({
        text: a.text,
        owner: a.owner,
        done: a.done ?? false,
      })),
      milestoneProgress: progress,
      loggedBy: seen.caller.userId,
      loggedAt: this.clock.now(),
    };
    await this.checkIns.add(checkIn);
    await this.remindOfNextCheckIn(seen.match, checkIn.heldOn);
    await this.quietPairs.checkInLogged(seen.match, checkIn.heldOn);
    await this.audit.record({
      action: MentorshipsAudit.checkInLogged,
      target: { type: 'match', id: matchId },
      details: { checkInId: checkIn.id, heldOn: checkIn.heldOn, durationMinutes: checkIn.durationMinutes },
    });
    return checkInView({ organizationId: '', ...checkIn }, true);
  }

  /**
   * Both sides are reminded on the morning the next check-in is due (the last one, or the start,
   * plus the program's cadence); a check-in logged meanwhile replaces the reminder with the next.
   * A check-in back-dated before the latest one does not move it.
   */
  private async remindOfNextCheckIn(match: MatchEntity, heldOn: string): Promise<void> {
    const latest = await this.checkIns.latestHeldOn(match.id);
    const from = latest && latest > heldOn ? latest : heldOn;
    const { cadence } = await this.agreements.templateOf(match.cohortId);
    const days = (cadence && CADENCE_DAYS[cadence]) || DEFAULT_CADENCE_DAYS;
    const dueOn = DateTime.fromISO(from, { zone: 'utc' }).plus({ days }).toFormat('yyyy-MM-dd');
    await this.notifications.withdrawAll(DUE, `${match.id}:`);
    const contacts = await this.profiles.contactsOf([match.menteeUserId, match.mentorUserId]);
    for (const { recipient, otherName } of reachableSides(match, contacts, 'your partner')) {
      const due = startOfLocalDay(dueOn, recipient.timeZone);
      await this.notifications.notify({
        kind: DUE,
        recipient,
        key: `${match.id}:${dueOn}:${recipient.userId}`,
        title: `Time for a check-in with ${otherName}`,
        body: `Your next mentoring conversation with ${otherName} is due today (the program meets ${cadence ?? 'biweekly'}). Meet, then log it: what you talked about, what each of you will do next.`,
        link: `/orgs/${TenantContext.organizationId()}/matches/${match.id}`,
        subject: { type: 'match', id: match.id },
        due: new Date(Math.max(due.getTime(), this.clock.now().getTime())),
      });
    }
  }

  async list(matchId: string, query: PageQueryDto): Promise<CheckInPageDto> {
    const seen = await this.access.see(matchId);
    const readsAll = await this.readsAllPrivate(seen);
    const found = await this.checkIns.page(matchId, { offset: query.offset, limit: query.pageSize });
    return pageOf(query, found, (c) => checkInView(c, readsAll || c.loggedBy === seen.caller.userId));
  }

  async get(matchId: string, checkInId: string): Promise<CheckInViewDto> {
    const seen = await this.access.see(matchId);
    const checkIn = await this.checkIns.one(matchId, checkInId);
    if (!checkIn) throw MentorshipsException.checkInNotFound();
    const readsAll = await this.readsAllPrivate(seen);
    return checkInView(checkIn, readsAll || checkIn.loggedBy === seen.caller.userId);
  }

  async post(matchId: string, input: NotebookEntryInputDto): Promise<NotebookEntryViewDto> {
    const seen = await this.access.asSide(matchId);
    const entry: NotebookEntryRow = {
      id: randomUUID(),
      matchId,
      authorUserId: seen.caller.userId,
      kind: input.kind,
      body: input.body,
      private: input.private ?? false,
      createdAt: this.clock.now(),
    };
    await this.checkIns.addEntry(entry);
    await this.audit.record({
      action: MentorshipsAudit.notebookEntryPosted,
      target: { type: 'match', id: matchId },
      details: { entryId: entry.id, kind: entry.kind, private: entry.private },
    });
    return entryView(entry);
  }

  /** The notebook as the caller may read it: others' private entries are left out. */
  async notebook(matchId: string, query: PageQueryDto): Promise<NotebookPageDto> {
    const seen = await this.access.see(matchId);
    const found = await this.checkIns.entries(
      matchId,
      { userId: seen.caller.userId, allPrivate: await this.readsAllPrivate(seen) },
      { offset: query.offset, limit: query.pageSize },
    );
    return pageOf(query, found, entryView);
  }

  /** Coordinators read every private note where the program allows it; nobody else does. */
  private async readsAllPrivate(seen: SeenMatch): Promise<boolean> {
    return seen.coordinator && (await this.checkIns.privateNotesToCoordinators(seen.match.cohortId));
  }
}

function checkInView(c: CheckInEntity, readsPrivate: boolean): CheckInViewDto {
  return {
    id: c.id,
    matchId: c.matchId,
    heldOn: c.heldOn,
    durationMinutes: c.durationMinutes,
    sharedNotes: c.sharedNotes,
    privateNotes: readsPrivate ? c.privateNotes : null,
    actionItems: c.actionItems,
    milestoneProgress: c.milestoneProgress,
    loggedBy: c.loggedBy,
    loggedAt: c.loggedAt.toISOString(),
  };
}

function entryView(e: NotebookEntryRow): NotebookEntryViewDto {
  return {
    id: e.id,
    authorUserId: e.authorUserId,
    kind: e.kind,
    body: e.body,
    private: e.private,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}

const DUE = MentorshipsNotifications.checkInDue;
/** Days between check-ins by the program's cadence. */
const CADENCE_DAYS: Record<string, number> = { weekly: 7, biweekly: 14, monthly: 30 };
/** A program without a cadence (or with one this release does not know) is reminded biweekly. */
const DEFAULT_CADENCE_DAYS = 14;
