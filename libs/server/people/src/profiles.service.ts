import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { NotificationsService, startOfLocalDay } from '@mentorship/notifications';
import { pageOf, TenantContext } from '@mentorship/platform';
import { ProfilePageDto, ProfileQueryDto, ProfileViewDto, UpdateProfileDto } from './dto/profile.dto';
import type { ProfileSkillKind } from './entities/profile-skill.entity';
import { PeopleAudit } from './people.audit';
import { PeopleException } from './people.exception';
import { PeopleNotifications } from './people.notifications';
import { canonicalTimeZone, languageCode, type ImportedProfile } from './profile-values.service';
import { ProfileSkillRepository, type ProfileSkillRow } from './repositories/profile-skill.repository';
import {
  ProfileChanges,
  ProfileRepository,
  type MemberContact,
  type ProfileRow,
} from './repositories/profile.repository';
import { SkillRepository } from './repositories/skill.repository';

/** The profile fields a PATCH may carry that are plain columns (lists of skills are separate). */
const PLAIN_FIELDS = [
  'timeZone',
  'languages',
  'seniority',
  'department',
  'managerEmail',
  'goals',
  'topics',
  'offeredMentorTypes',
  'wantedMentorTypes',
  'availability',
  'mentorCapacity',
  'paused',
  'pauseEndsOn',
] as const satisfies readonly (keyof UpdateProfileDto & keyof ProfileChanges)[];

/** Profiles of the current organization's members: one per membership. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly audit: AuditService,
    private readonly profiles: ProfileRepository,
    private readonly profileSkills: ProfileSkillRepository,
    private readonly skills: SkillRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** The members among `userIds`, by id: whom a reminder reaches, and their time zone. */
  async contactsOf(userIds: readonly string[]): Promise<Map<string, MemberContact>> {
    const contacts = await this.profiles.contactsOf(userIds);
    return new Map(contacts.map((contact) => [contact.userId, contact]));
  }

  async get(userId: string): Promise<ProfileViewDto> {
    const row = await this.profiles.ofMember(userId);
    if (!row) throw PeopleException.profileNotFound();
    const [view] = await this.withSkills([row]);
    return view as ProfileViewDto;
  }

  /** The caller's own profile. */
  mine(): Promise<ProfileViewDto> {
    return this.get(TenantContext.caller().userId);
  }

  async list(query: ProfileQueryDto): Promise<ProfilePageDto> {
    const { rows, total } = await this.profiles.page({
      skillId: query.skillId,
      department: query.department,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, { rows: await this.withSkills(rows), total });
  }

  updateMine(input: UpdateProfileDto): Promise<ProfileViewDto> {
    return this.update(TenantContext.caller().userId, input);
  }

  /** What the input carries replaces what was there; lists are replaced as a whole. */
  async update(userId: string, input: UpdateProfileDto): Promise<ProfileViewDto> {
    const before = await this.profiles.ofMember(userId);
    if (!before) throw PeopleException.profileNotFound();
    // Skills before the profile row: merges lock skills, then profiles, in that order too.
    await this.assertPickableSkills(userId, input);

    await this.profiles.lockCreating(userId);
    await this.profiles.change(userId, plainChanges(input));
    const lists: [ProfileSkillKind, { skillId: string; level: number }[] | undefined][] = [
      ['offered', input.offeredSkills],
      ['wanted', input.wantedSkills?.map((skill) => ({ skillId: skill.skillId, level: skill.targetLevel }))],
    ];
    for (const [kind, skills] of lists) if (skills) await this.profileSkills.replace(userId, kind, skills);

    await this.followPause(before, (await this.profiles.ofMember(userId))!);
    await this.audit.record({
      action: PeopleAudit.profileUpdated,
      target: { type: 'profile', id: userId },
      details: {
        fields: Object.keys(input).filter((key) => input[key as keyof UpdateProfileDto] !== undefined),
      },
    });
    return this.get(userId);
  }

  /**
   * A pause with an end date: the mentor is reminded a few days before it ends (on a working
   * morning before that day), once per end date. Another date, or no pause, takes back the
   * reminder of the old date while it has not come.
   */
  private async followPause(before: ProfileRow, after: ProfileRow): Promise<void> {
    const endOf = (row: ProfileRow) => (row.paused && row.pauseEndsOn ? row.pauseEndsOn : null);
    const [was, is] = [endOf(before), endOf(after)];
    if (was === is && before.timeZone === after.timeZone) return;
    if (was) await this.notifications.withdraw(PeopleNotifications.pauseEnding, `${after.userId}:${was}`);
    if (!is) return;
    const endsAt = startOfLocalDay(is, after.timeZone);
    if (endsAt.getTime() <= Date.now()) return;
    await this.notifications.notify({
      kind: PeopleNotifications.pauseEnding,
      recipient: {
        userId: after.userId,
        email: after.email,
        name: after.displayName,
        timeZone: after.timeZone,
      },
      key: `${after.userId}:${is}`,
      title: `Your mentoring pause ends on ${is}`,
      body: `Your pause as a mentor ends on ${is}. From then on mentees can ask you again and matching rounds count your places. If you need longer, change the end date in My profile.`,
      link: `/orgs/${TenantContext.organizationId()}/profile`,
      subject: { type: 'profile', id: after.userId },
      due: new Date(Math.max(Date.now(), endsAt.getTime() - 3 * 24 * 3600 * 1000)),
      before: endsAt,
    });
  }

  /**
   * Profiles from an import (for the programs context): the fields each entry gives replace the
   * stored ones, its skills become the person's offered (mentor) or wanted (mentee) skills. The
   * skills are share-locked first; one the catalogue no longer has active refuses the whole batch.
   */
  async applyImported(
    entries: { userId: string; role: 'mentor' | 'mentee'; profile: ImportedProfile }[],
  ): Promise<void> {
    const skillIds = [
      ...new Set(entries.flatMap((entry) => (entry.profile.skills ?? []).map((skill) => skill.skillId))),
    ];
    if (skillIds.length > 0) {
      const active = await this.skills.lockActive(skillIds);
      if (active.size < skillIds.length) throw PeopleException.catalogueChanged();
    }
    await this.profiles.applyMany(entries);
    await this.profileSkills.replaceMany(
      entries
        .filter((entry) => entry.profile.skills !== undefined)
        .map((entry) => ({
          userId: entry.userId,
          kind: entry.role === 'mentor' ? ('offered' as const) : ('wanted' as const),
          skills: entry.profile.skills ?? [],
        })),
    );
    if (entries.length > 0)
      await this.audit.record({
        action: PeopleAudit.profilesImported,
        target: { type: 'organization', id: TenantContext.organizationId() },
        details: { count: entries.length },
      });
  }

  /** The skills of each of `userIds` (for other contexts' lists, e.g. a cohort roster). */
  skillsOf(userIds: readonly string[]): Promise<ProfileSkillRow[]> {
    return userIds.length === 0 ? Promise.resolve([]) : this.profileSkills.of(userIds);
  }

  /** The catalogue's active skills among `names` (any case), by the name as given: for imports. */
  async activeSkillsByName(names: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
    const found = await this.skills.byNames(names);
    return new Map(
      [...found]
        .filter(([, skill]) => skill.status === 'active')
        .map(([given, skill]) => [given, { id: skill.id, name: skill.name }]),
    );
  }

  /**
   * Skills must be skills of this catalogue, each at most once per list, field by field: active
   * ones, or a retired one the list already has (it stays until removed, so a profile that
   * still carries it can be saved again).
   */
  private async assertPickableSkills(userId: string, input: UpdateProfileDto): Promise<void> {
    const lists = { offeredSkills: input.offeredSkills ?? [], wantedSkills: input.wantedSkills ?? [] };
    const ids = [...lists.offeredSkills, ...lists.wantedSkills].map((skill) => skill.skillId);
    if (ids.length === 0) return;
    const statuses = await this.skills.lockStatuses(ids);
    const held = await this.profileSkills.of([userId]);
    const heldIn = (list: string) =>
      new Set(
        held
          .filter((skill) => skill.kind === (list === 'offeredSkills' ? 'offered' : 'wanted'))
          .map((skill) => skill.skillId),
      );
    const problems: FieldProblem[] = [];
    for (const [list, skills] of Object.entries(lists)) {
      const seen = new Set<string>();
      const kept = heldIn(list);
      skills.forEach((skill, index) => {
        const field = `${list}.${index}.skillId`;
        const status = statuses.get(skill.skillId);
        if (status !== 'active' && !(status === 'retired' && kept.has(skill.skillId)))
          problems.push({ field, problems: [`${field} is not an active skill of the catalogue`] });
        else if (seen.has(skill.skillId))
          problems.push({ field, problems: [`${field} names a skill already in ${list}`] });
        seen.add(skill.skillId);
      });
    }
    if (problems.length > 0) throw PeopleException.invalidFields(problems);
  }

  private async withSkills(rows: ProfileRow[]): Promise<ProfileViewDto[]> {
    const skills = await this.profileSkills.of(rows.map((row) => row.userId));
    const byUser = new Map<string, ProfileSkillRow[]>();
    for (const skill of skills) byUser.set(skill.userId, [...(byUser.get(skill.userId) ?? []), skill]);
    return rows.map((row) => toProfileView(row, byUser.get(row.userId) ?? []));
  }
}

/** The plain columns the input sets, in their stored form (canonical zone, language codes). */
function plainChanges(input: UpdateProfileDto): ProfileChanges {
  const changes: Record<string, unknown> = {};
  for (const field of PLAIN_FIELDS) if (input[field] !== undefined) changes[field] = input[field];
  if (typeof input.timeZone === 'string') changes['timeZone'] = canonicalTimeZone(input.timeZone);
  if (input.languages)
    changes['languages'] = [...new Set(input.languages.map(languageCode).filter((code) => code !== null))];
  if (input.availability)
    changes['availability'] = input.availability.map(({ day, start, end }) => ({ day, start, end }));
  return changes as ProfileChanges;
}

function toProfileView(row: ProfileRow, skills: ProfileSkillRow[]): ProfileViewDto {
  const ofKind = (kind: ProfileSkillKind) => skills.filter((skill) => skill.kind === kind);
  return {
    ...row,
    offeredSkills: ofKind('offered').map(({ skillId, name, status, level }) => ({
      skillId,
      name,
      status,
      level,
    })),
    wantedSkills: ofKind('wanted').map(({ skillId, name, status, level }) => ({
      skillId,
      name,
      status,
      targetLevel: level,
    })),
    updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
  };
}
