import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ParticipantStatus } from '@mentorship/contracts';
import { AuditService, type AuditAction } from '@mentorship/audit';
import { normalizeEmail } from '@mentorship/identity';
import { InvitationsService, MembersService } from '@mentorship/organizations';
import { ProfilesService, type ProfileSkillRow } from '@mentorship/people';
import { TenantContext, type PageQueryDto } from '@mentorship/platform';
import { CohortsService } from './cohorts.service';
import {
  ApplyDto,
  InviteParticipantDto,
  ParticipantPageDto,
  ParticipantViewDto,
  RosterQueryDto,
  WaitlistEntryDto,
  WaitlistPageDto,
} from './dto/participant.dto';
import type { CohortEntity } from './entities/cohort.entity';
import type { ParticipantEntity } from './entities/participant.entity';
import { ProgramsAudit } from './programs.audit';
import { ProgramsException } from './programs.exception';
import {
  ParticipantRepository,
  type RosterPageRow,
  type RosterRow,
} from './repositories/participant.repository';

/** Where a person's place can still go from, for each thing they may do with it. */
const WITHDRAWABLE: readonly ParticipantStatus[] = ['invited', 'applied', 'enrolled'];

/** The people of a cohort: invitations, applications, decisions, the roster and the waitlist. */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly audit: AuditService,
    private readonly cohorts: CohortsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly profiles: ProfilesService,
    private readonly participants: ParticipantRepository,
  ) {}

  async roster(cohortId: string, query: RosterQueryDto): Promise<ParticipantPageDto> {
    // One statement reads the cohort, the page with profiles and skills, and its total.
    const found = await this.participants.roster(cohortId, {
      role: query.role,
      status: query.status,
      skillId: query.skillId,
      text: query.q,
      offset: query.offset,
      limit: query.pageSize,
    });
    if (!found) throw ProgramsException.cohortNotFound();
    return {
      items: found.rows.map(toRosterView),
      page: query.page,
      pageSize: query.pageSize,
      total: found.total,
    };
  }

  async get(cohortId: string, participantId: string): Promise<ParticipantViewDto> {
    const row = await this.participants.rosterRow(cohortId, participantId);
    if (!row) throw ProgramsException.participantNotFound();
    const [view] = await this.withProfiles([row]);
    return view as ParticipantViewDto;
  }

  /** Invites a person by address; someone who is not a member yet is invited to the organization too. */
  async invite(cohortId: string, input: InviteParticipantDto): Promise<ParticipantViewDto> {
    const cohort = await this.openCohort(cohortId);
    const member = (await this.members.byEmails([input.email])).get(input.email);
    const id = randomUUID();
    const added = await this.participants.add({
      id,
      cohortId: cohort.id,
      email: input.email,
      userId: member?.userId ?? null,
      name: input.name ?? null,
      role: input.role,
      status: 'invited',
      source: 'invitation',
      motivation: null,
      pendingProfile: null,
      invitedBy: TenantContext.caller().userId,
      decidedBy: null,
      decidedAt: null,
      enrolledAt: null,
    });
    if (!added) throw ProgramsException.participantExists(input.email);
    if (!member) await this.invitations.inviteMany([{ email: input.email, roles: [input.role] }]);
    await this.record(ProgramsAudit.participantInvited, id, {
      cohortId,
      email: input.email,
      role: input.role,
    });
    return this.get(cohortId, id);
  }

  /** A coordinator admits an applicant. */
  approve(cohortId: string, participantId: string): Promise<ParticipantViewDto> {
    return this.decide(cohortId, participantId, 'enrolled');
  }

  /** A coordinator turns an applicant down. */
  reject(cohortId: string, participantId: string): Promise<ParticipantViewDto> {
    return this.decide(cohortId, participantId, 'rejected');
  }

  /** Takes a person off the roster, whatever their status (a mistake, someone who left). */
  async remove(cohortId: string, participantId: string): Promise<void> {
    await this.cohorts.lock(cohortId);
    const participant = await this.participants.lock(cohortId, participantId);
    if (!participant) throw ProgramsException.participantNotFound();
    await this.participants.remove(participantId);
    await this.record(ProgramsAudit.participantRemoved, participantId, {
      cohortId,
      email: participant.email,
      status: participant.status,
    });
  }

  /** The caller's own place in the cohort. */
  async mine(cohortId: string): Promise<ParticipantViewDto> {
    const cohort = await this.cohorts.get(cohortId);
    const own = cohort.participation;
    if (!own) throw ProgramsException.participantNotFound();
    return this.get(cohortId, own.id);
  }

  /** The caller asks for a place, while the cohort is enrolling and within its window. */
  async apply(cohortId: string, input: ApplyDto): Promise<ParticipantViewDto> {
    await this.cohorts.get(cohortId);
    const cohort = await this.cohorts.lock(cohortId);
    const today = new Date().toISOString().slice(0, 10);
    const windowOpen =
      (!cohort.enrollmentOpensOn || cohort.enrollmentOpensOn <= today) &&
      (!cohort.enrollmentClosesOn || today <= cohort.enrollmentClosesOn);
    if (cohort.status !== 'enrolling' || !windowOpen) throw ProgramsException.enrollmentClosed(cohort);
    const caller = TenantContext.caller();
    const email = normalizeEmail(caller.email);
    const id = randomUUID();
    const added = await this.participants.add({
      id,
      cohortId,
      email,
      userId: caller.userId,
      name: null,
      role: input.role,
      status: 'applied',
      source: 'application',
      motivation: input.motivation ?? null,
      pendingProfile: null,
      invitedBy: null,
      decidedBy: null,
      decidedAt: null,
      enrolledAt: null,
    });
    if (!added) throw ProgramsException.participantExists(email);
    await this.record(ProgramsAudit.participantApplied, id, { cohortId, role: input.role });
    return this.get(cohortId, id);
  }

  /**
   * The caller takes the place they were invited to; a profile an import gave them becomes
   * theirs (what they filled in themselves is kept where the import says nothing).
   */
  async accept(cohortId: string): Promise<ParticipantViewDto> {
    const participant = await this.ownInvitation(cohortId);
    const caller = TenantContext.caller();
    if (participant.pendingProfile)
      await this.profiles.applyImported([
        { userId: caller.userId, role: participant.role, profile: participant.pendingProfile },
      ]);
    await this.participants.change(participant.id, {
      userId: caller.userId,
      status: 'enrolled',
      enrolledAt: new Date(),
      pendingProfile: null,
    });
    await this.record(ProgramsAudit.participantAccepted, participant.id, {
      cohortId,
      role: participant.role,
    });
    return this.get(cohortId, participant.id);
  }

  async decline(cohortId: string): Promise<ParticipantViewDto> {
    const participant = await this.ownInvitation(cohortId);
    await this.participants.change(participant.id, { status: 'declined', pendingProfile: null });
    await this.record(ProgramsAudit.participantDeclined, participant.id, {
      cohortId,
      role: participant.role,
    });
    return this.get(cohortId, participant.id);
  }

  /** The caller gives up their place (an invitation, an application or an enrollment). */
  async withdraw(cohortId: string): Promise<ParticipantViewDto> {
    const participant = await this.ownPlace(cohortId);
    if (!WITHDRAWABLE.includes(participant.status))
      throw ProgramsException.participantStatusConflict(participant.status, WITHDRAWABLE);
    await this.participants.change(participant.id, { status: 'withdrawn', pendingProfile: null });
    await this.record(ProgramsAudit.participantWithdrew, participant.id, {
      cohortId,
      from: participant.status,
    });
    return this.get(cohortId, participant.id);
  }

  /**
   * Mentees beyond the mentor places, in order of enrollment, and the capacity gap: how many
   * more mentor places would place everyone.
   */
  async waitlist(cohortId: string, page: PageQueryDto): Promise<WaitlistPageDto> {
    const cohort = await this.cohorts.get(cohortId);
    const capacity = await this.participants.capacity(cohortId, cohort.settings);
    const placeable = Math.min(capacity.mentees, capacity.mentorPlaces);
    const waiting = capacity.mentees - placeable;
    const rows = await this.participants.waitlist(cohortId, capacity.mentorPlaces, {
      offset: page.offset,
      limit: page.pageSize,
    });
    const views = await this.withProfiles(rows);
    const items: WaitlistEntryDto[] = views.map((view, index) => ({
      ...view,
      position: rows[index]!.position,
    }));
    return {
      capacity: { ...capacity, placeable, waiting, gap: waiting },
      items,
      page: page.page,
      pageSize: page.pageSize,
      total: waiting,
    };
  }

  private async decide(
    cohortId: string,
    participantId: string,
    to: 'enrolled' | 'rejected',
  ): Promise<ParticipantViewDto> {
    await this.openCohort(cohortId);
    const participant = await this.participants.lock(cohortId, participantId);
    if (!participant) throw ProgramsException.participantNotFound();
    if (participant.status !== 'applied')
      throw ProgramsException.participantStatusConflict(participant.status, ['applied']);
    await this.participants.change(participantId, {
      status: to,
      decidedBy: TenantContext.caller().userId,
      decidedAt: new Date(),
      enrolledAt: to === 'enrolled' ? new Date() : null,
    });
    await this.record(
      to === 'enrolled' ? ProgramsAudit.participantApproved : ProgramsAudit.participantRejected,
      participantId,
      {
        cohortId,
        email: participant.email,
      },
    );
    return this.get(cohortId, participantId);
  }

  /** The cohort, locked, unless it is closed: people join and leave until then. */
  private async openCohort(cohortId: string): Promise<CohortEntity> {
    const cohort = await this.cohorts.lock(cohortId);
    if (cohort.status === 'closed') throw ProgramsException.cohortClosed();
    return cohort;
  }

  /** The caller's place in a cohort they can see, locked. */
  private async ownPlace(cohortId: string): Promise<ParticipantEntity> {
    await this.cohorts.get(cohortId);
    await this.openCohort(cohortId);
    const participant = await this.participants.lockByEmail(
      cohortId,
      normalizeEmail(TenantContext.caller().email),
    );
    if (!participant) throw ProgramsException.participantNotFound();
    return participant;
  }

  private async ownInvitation(cohortId: string): Promise<ParticipantEntity> {
    const participant = await this.ownPlace(cohortId);
    if (participant.status !== 'invited')
      throw ProgramsException.participantStatusConflict(participant.status, ['invited']);
    return participant;
  }

  private record(action: AuditAction, id: string, details: Record<string, string>) {
    return this.audit.record({ action, target: { type: 'participant', id }, details });
  }

  /** Roster lines with the profile of each member: their offered skills as mentor, wanted as mentee. */
  private async withProfiles(rows: RosterRow[]): Promise<ParticipantViewDto[]> {
    const skills = await this.profiles.skillsOf(rows.flatMap((row) => (row.userId ? [row.userId] : [])));
    const byPerson = new Map<string, ProfileSkillRow[]>();
    for (const skill of skills) byPerson.set(skill.userId, [...(byPerson.get(skill.userId) ?? []), skill]);
    return rows.map((row) => toParticipantView(row, byPerson.get(row.userId ?? '') ?? []));
  }
}

/** A roster page's line, shaped by its statement: one object per line, nothing computed. */
function toRosterView(row: RosterPageRow): ParticipantViewDto {
  return {
    id: row.id,
    email: row.email,
    userId: row.userId,
    name: row.name,
    role: row.role,
    status: row.status,
    source: row.source,
    motivation: row.motivation,
    enrolledAt: row.enrolledAt,
    createdAt: row.createdAt,
    profile: row.userId
      ? {
          timeZone: row.timeZone,
          languages: row.languages ?? [],
          department: row.department,
          skills: row.skills,
        }
      : null,
  };
}

/** A line read with Date times and all of the person's skills: the roster line's shape from it. */
function toParticipantView(row: RosterRow, skills: ProfileSkillRow[]): ParticipantViewDto {
  const kind = row.role === 'mentor' ? 'offered' : 'wanted';
  return toRosterView({
    ...row,
    enrolledAt: row.enrolledAt ? new Date(row.enrolledAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
    skills: skills
      .filter((skill) => skill.kind === kind)
      .map(({ skillId, name, level }) => ({ skillId, name, level })),
  });
}
