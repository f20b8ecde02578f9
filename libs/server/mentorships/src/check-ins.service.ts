import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { Clock, PageQueryDto, pageOf } from '@mentorship/platform';
import type {
  CheckInPageDto,
  CheckInViewDto,
  LogCheckInDto,
  NotebookEntryInputDto,
  NotebookEntryViewDto,
  NotebookPageDto,
} from './dto/check-in.dto';
import type { CheckInEntity } from './entities/check-in.entity';
import { MatchAccessService, type SeenMatch } from './match-access.service';
import { MentorshipMapsService } from './mentorship-maps.service';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { CheckInRepository, type NotebookEntryRow } from './repositories/check-in.repository';

/**
 * Check-ins and the shared notebook of a match (issue 9.5). Its mentee and mentor log meetings
 * and post entries; both read them. A private note (a check-in's, or a private entry) is its
 * writer's alone, and coordinators' where the cohort's program says so
 * (`privateNotesToCoordinators`). Progress on a milestone marked done updates the map.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly access: MatchAccessService,
    private readonly checkIns: CheckInRepository,
    private readonly maps: MentorshipMapsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

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
    await this.audit.record({
      action: MentorshipsAudit.checkInLogged,
      target: { type: 'match', id: matchId },
      details: { checkInId: checkIn.id, heldOn: checkIn.heldOn, durationMinutes: checkIn.durationMinutes },
    });
    return checkInView({ organizationId: '', ...checkIn }, true);
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
