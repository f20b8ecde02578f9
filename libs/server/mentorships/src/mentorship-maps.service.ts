import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MISSED_MILESTONE_CAUSES, type FieldProblem } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { NotificationsService, startOfLocalDay } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { Clock, TenantContext } from '@mentorship/platform';
import type { MapTemplateViewDto } from '@mentorship/programs';
import { DateTime } from 'luxon';
import {
  MAP_PEOPLE_LIMIT,
  type MapFlagDto,
  type MapPeopleDto,
  type MapPeopleQueryDto,
  type MapVersionsDto,
  type MapViewDto,
  type MilestoneInputDto,
  type MilestoneViewDto,
  type SaveMapDto,
} from './dto/mentorship-map.dto';
import type {
  MapContent,
  MapHelper,
  MapMilestone,
  MentorshipMapEntity,
} from './entities/mentorship-map.entity';
import { MatchAccessService, RUNNING_MATCH_STATUSES, requireStatus } from './match-access.service';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { MentorshipsNotifications } from './mentorships.notifications';
import { MentorshipMapRepository, type MapChange } from './repositories/mentorship-map.repository';

/** Three to five milestones are suggested; fewer is flagged, more is never pushed. */
const SUGGESTED_MILESTONES = 3;

/**
 * The mentorship map (issue 9.4): the mentee's plan for one match, read by their mentor and
 * coordinators, written by the mentee. Every save is a new version kept whole with what changed
 * (milestones added, removed, replaced, retargeted, reordered), so the map is adjusted without
 * starting over. A milestone keeps its id through retargets; a due date that passed undone is
 * remembered as missed, and a milestone missed twice is flagged with the usual causes.
 */
@Injectable()
export class MentorshipMapsService {
  constructor(
    private readonly access: MatchAccessService,
    private readonly maps: MentorshipMapRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
  ) {}

  async get(matchId: string): Promise<MapViewDto> {
    const { match } = await this.access.see(matchId);
    const map = await this.maps.ofMatch(matchId);
    if (!map) throw MentorshipsException.mapNotFound();
    return this.view(map, match.menteeUserId);
  }

  /** Members the mentee may name as a helper or their map buddy, by name (the two sides only). */
  async people(matchId: string, query: MapPeopleQueryDto): Promise<MapPeopleDto> {
    const { sides } = await this.access.see(matchId);
    if (!sides.includes('mentee') && !sides.includes('mentor')) throw MentorshipsException.sideOnly();
    return { items: await this.maps.membersNamed(query.q ?? '', MAP_PEOPLE_LIMIT) };
  }

  /** Milestones the cohort's program suggests (none when it has no template). */
  async template(matchId: string): Promise<MapTemplateViewDto> {
    const { match } = await this.access.see(matchId);
    return (await this.maps.templateOf(match.cohortId)) ?? { milestones: [] };
  }

  async versions(matchId: string): Promise<MapVersionsDto> {
    await this.access.see(matchId);
    const today = this.today();
    const versions = await this.maps.versionsOf(matchId);
    return {
      items: versions.map((v) => ({
        version: v.version,
        changes: v.changes,
        currentState: v.content.currentState,
        desiredState: v.content.desiredState,
        communityLevel: v.content.communityLevel,
        milestones: v.content.milestones.map((m) => milestoneView(m, today)),
        nextReviewOn: v.nextReviewOn,
        buddyUserId: v.buddyUserId,
        changedBy: v.changedBy,
        changedAt: new Date(v.changedAt).toISOString(),
      })),
    };
  }

  /** The mentee saves the whole map, from the version they read. */
  async save(matchId: string, input: SaveMapDto): Promise<MapViewDto> {
    const { match, sides, caller } = await this.access.see(matchId, { lock: true });
    if (!sides.includes('mentee')) throw MentorshipsException.mapMenteeOnly();
    requireStatus(match, RUNNING_MATCH_STATUSES);
    const current = await this.maps.lockOfMatch(matchId);
    if (current && input.version !== current.version)
      throw MentorshipsException.mapVersionStale(current.version);
    await this.checkMembers(input);
    const today = this.today();
    const before = current?.content.milestones ?? [];
    const milestones = this.milestonesOf(input.milestones, before, today);
    const content: MapContent = {
      currentState: input.currentState,
      desiredState: input.desiredState,
      communityLevel: input.communityLevel,
      milestones,
    };
    const nextReviewOn =
      input.nextReviewOn ??
      current?.nextReviewOn ??
      DateTime.fromISO(`${today}T00:00:00Z`, { zone: 'utc' }).plus({ months: 1 }).toFormat('yyyy-MM-dd');
    const buddyUserId = input.buddyUserId !== undefined ? input.buddyUserId : (current?.buddyUserId ?? null);
    const changes = current
      ? changesBetween(current, { content, nextReviewOn, buddyUserId }, input.milestones)
      : [{ kind: 'created' }];
    const at = this.clock.now();
    const saved: Omit<MentorshipMapEntity, 'organizationId'> = {
      matchId,
      version: (current?.version ?? 0) + 1,
      content,
      nextReviewOn,
      buddyUserId,
      updatedBy: caller.userId,
      updatedAt: at,
      createdAt: current?.createdAt ?? at,
    };
    await this.maps.save(saved, changes);
    await this.remindOfReview(match, current, saved);
    await this.audit.record({
      action: MentorshipsAudit.mapSaved,
      target: { type: 'match', id: matchId },
      details: { version: saved.version, changes: [...new Set(changes.map((c) => c.kind))] },
    });
    return this.view({ organizationId: '', ...saved }, match.menteeUserId);
  }

  /**
   * The mentee and their map buddy are reminded on the morning of the review date; a new date or
   * another buddy takes back the reminders of the old ones while they have not come.
   */
  private async remindOfReview(
    match: { id: string; menteeUserId: string },
    before: { nextReviewOn: string; buddyUserId: string | null } | null,
    after: { nextReviewOn: string; buddyUserId: string | null },
  ): Promise<void> {
    const whoOf = (map: { buddyUserId: string | null }) => [
      match.menteeUserId,
      ...(map.buddyUserId ? [map.buddyUserId] : []),
    ];
    const key = (day: string, userId: string) => `${match.id}:${day}:${userId}`;
    if (before && (before.nextReviewOn !== after.nextReviewOn || before.buddyUserId !== after.buddyUserId))
      for (const userId of whoOf(before))
        await this.notifications.withdraw(REVIEW, key(before.nextReviewOn, userId));
    const recipients = whoOf(after);
    const contacts = await this.profiles.contactsOf(recipients);
    const mentee = contacts.get(match.menteeUserId)?.name ?? 'your mentee';
    for (const userId of recipients) {
      const recipient = contacts.get(userId);
      if (!recipient) continue;
      const due = startOfLocalDay(after.nextReviewOn, recipient.timeZone);
      if (due.getTime() < this.clock.now().getTime() - 24 * 3600 * 1000) continue;
      const mine = userId === match.menteeUserId;
      await this.notifications.notify({
        kind: REVIEW,
        recipient,
        key: key(after.nextReviewOn, userId),
        title: mine ? 'Time to review your mentorship map' : `Map review with ${mentee}`,
        body: mine
          ? 'Your mentorship map is due for its review today: look at each milestone with your mentor (or your map buddy), mark what is done, and move or replace what no longer fits.'
          : `You are ${mentee}'s map buddy, and their mentorship map is due for its review today: go through the milestones together.`,
        link: `/orgs/${TenantContext.organizationId()}/matches/${match.id}`,
        subject: { type: 'match', id: match.id },
        due: new Date(Math.max(due.getTime(), this.clock.now().getTime())),
      });
    }
  }

  /**
   * Milestones a check-in reports done: marked on the map as a new version (in the check-in's
   * transaction). Ids not on the map are refused, naming the field.
   */
  async markFromCheckIn(
    matchId: string,
    progress: readonly { milestoneId: string; done?: boolean }[],
    userId: string,
    heldOn: string,
  ): Promise<void> {
    if (progress.length === 0) return;
    const current = await this.maps.lockOfMatch(matchId);
    const known = new Set(current?.content.milestones.map((m) => m.id) ?? []);
    const problems = progress.flatMap((p, i) =>
      known.has(p.milestoneId)
        ? []
        : [
            {
              field: `milestoneProgress.${i}.milestoneId`,
              problems: ["not a milestone of this match's map"],
            },
          ],
    );
    if (problems.length > 0) throw MentorshipsException.invalidFields(problems);
    const done = new Set(progress.filter((p) => p.done).map((p) => p.milestoneId));
    if (!current || done.size === 0) return;
    const changes: MapChange[] = [];
    const milestones = current.content.milestones.map((m) => {
      if (!done.has(m.id) || m.doneOn) return m;
      changes.push({ kind: 'milestone_done', milestoneId: m.id });
      return { ...m, doneOn: heldOn };
    });
    if (changes.length === 0) return;
    await this.maps.save(
      {
        ...current,
        version: current.version + 1,
        content: { ...current.content, milestones },
        updatedBy: userId,
        updatedAt: this.clock.now(),
      },
      changes,
    );
  }

  private async checkMembers(input: SaveMapDto): Promise<void> {
    const problems: FieldProblem[] = [];
    const wanted: { field: string; userId: string }[] = [];
    if (input.buddyUserId) wanted.push({ field: 'buddyUserId', userId: input.buddyUserId });
    input.milestones.forEach((m, i) =>
      (m.helpers ?? []).forEach((h, j) => {
        const field = `milestones.${i}.helpers.${j}`;
        if (h.userId) wanted.push({ field: `${field}.userId`, userId: h.userId });
        else if (!h.name || !h.role)
          problems.push({ field, problems: ['name a member (userId), or a name and a role'] });
      }),
    );
    const members = await this.maps.membersAmong(wanted.map((w) => w.userId));
    for (const w of wanted)
      if (!members.has(w.userId))
        problems.push({ field: w.field, problems: ['not a member of the organization'] });
    if (problems.length > 0) throw MentorshipsException.invalidFields(problems);
  }

  /** The new milestones: existing ids keep their history, a due date moved from a missed day is remembered. */
  private milestonesOf(input: MilestoneInputDto[], before: MapMilestone[], today: string): MapMilestone[] {
    const byId = new Map(before.map((m) => [m.id, m]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    input.forEach((m, i) => {
      if (m.id && !byId.has(m.id))
        problems.push({ field: `milestones.${i}.id`, problems: ['not a milestone of this map'] });
      if (m.id && seen.has(m.id)) problems.push({ field: `milestones.${i}.id`, problems: ['listed twice'] });
      if (m.id) seen.add(m.id);
      if (m.id && m.replaces)
        problems.push({
          field: `milestones.${i}.replaces`,
          problems: ['a replacement is a new milestone: send no id'],
        });
      if (m.replaces && !byId.has(m.replaces))
        problems.push({ field: `milestones.${i}.replaces`, problems: ['not a milestone of this map'] });
    });
    input.forEach((m, i) => {
      if (m.replaces && seen.has(m.replaces))
        problems.push({
          field: `milestones.${i}.replaces`,
          problems: ['the replaced milestone is still on the map'],
        });
    });
    if (problems.length > 0) throw MentorshipsException.invalidFields(problems);
    return input.map((m) => {
      const old = m.id ? byId.get(m.id) : undefined;
      const dueOn = m.dueOn ?? null;
      const missed = [...(old?.missedDueDates ?? [])];
      // Retargeted after its day passed undone: that day counts as missed.
      if (old?.dueOn && old.dueOn !== dueOn && old.dueOn < today && !old.doneOn) missed.push(old.dueOn);
      return {
        id: old?.id ?? randomUUID(),
        title: m.title,
        performance: m.performance,
        community: m.community,
        stage: m.stage,
        dueOn,
        measure: m.measure ?? null,
        helpers: (m.helpers ?? []).map((h): MapHelper =>
          h.userId
            ? { kind: h.kind, userId: h.userId, name: null, role: null }
            : { kind: h.kind, userId: null, name: h.name ?? null, role: h.role ?? null },
        ),
        doneOn: m.doneOn !== undefined ? m.doneOn : (old?.doneOn ?? null),
        missedDueDates: missed,
      };
    });
  }

  private async view(map: MentorshipMapEntity, menteeUserId: string): Promise<MapViewDto> {
    const today = this.today();
    const milestones = map.content.milestones.map((m) => milestoneView(m, today));
    const named = [
      ...(map.buddyUserId ? [map.buddyUserId] : []),
      ...milestones.flatMap((m) => m.helpers.flatMap((h) => (h.userId ? [h.userId] : []))),
    ];
    return {
      matchId: map.matchId,
      menteeUserId,
      version: map.version,
      currentState: map.content.currentState,
      desiredState: map.content.desiredState,
      communityLevel: map.content.communityLevel,
      milestones,
      nextReviewOn: map.nextReviewOn,
      buddyUserId: map.buddyUserId,
      flags: flagsOf(milestones, map.nextReviewOn, today),
      people: await this.maps.namesOf(named),
      updatedAt: map.updatedAt.toISOString(),
    };
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}

function milestoneView(m: MapMilestone, today: string): MilestoneViewDto {
  const overdue = m.dueOn !== null && m.dueOn < today && !m.doneOn;
  return { ...m, timesMissed: m.missedDueDates.length + (overdue ? 1 : 0) };
}

/** What the map warns about (issue 9.4), milestone by milestone, then the map as a whole. */
export function flagsOf(milestones: MilestoneViewDto[], nextReviewOn: string, today: string): MapFlagDto[] {
  const flags: MapFlagDto[] = [];
  const flag = (
    f: MapFlagDto['flag'],
    milestoneId: string | null = null,
    prompts: MapFlagDto['prompts'] = [],
  ) => flags.push({ flag: f, milestoneId, prompts });
  for (const m of milestones) {
    if (!m.measure) flag('milestone_without_measure', m.id);
    if (!m.dueOn) flag('milestone_without_due_date', m.id);
    if (m.timesMissed >= 2) flag('milestone_missed_twice', m.id, [...MISSED_MILESTONE_CAUSES]);
  }
  if (milestones.some((m) => m.performance) && !milestones.some((m) => m.community))
    flag('no_community_milestone');
  if (milestones.length < SUGGESTED_MILESTONES) flag('fewer_than_three_milestones');
  if (nextReviewOn <= today) flag('review_due');
  return flags;
}

/** What a save changed, for the history. */
function changesBetween(
  before: MentorshipMapEntity,
  after: { content: MapContent; nextReviewOn: string; buddyUserId: string | null },
  input: MilestoneInputDto[],
): MapChange[] {
  const changes: MapChange[] = [];
  const { milestones: oldMilestones, ...oldState } = before.content;
  const { milestones: newMilestones, ...newState } = after.content;
  if (canonical(oldState) !== canonical(newState)) changes.push({ kind: 'state_changed' });
  const oldById = new Map(oldMilestones.map((m) => [m.id, m]));
  const newIds = new Set(newMilestones.map((m) => m.id));
  const replaced = new Set<string>();
  newMilestones.forEach((m, i) => {
    const old = oldById.get(m.id);
    const replaces = input[i]?.replaces;
    if (replaces) {
      replaced.add(replaces);
      changes.push({ kind: 'milestone_replaced', milestoneId: m.id, replaced: replaces });
    } else if (!old) changes.push({ kind: 'milestone_added', milestoneId: m.id });
    else if (
      old.dueOn !== m.dueOn ||
      old.title !== m.title ||
      old.performance !== m.performance ||
      old.community !== m.community
    )
      changes.push({ kind: 'milestone_retargeted', milestoneId: m.id, from: old.dueOn, to: m.dueOn });
    else if (canonical(old) !== canonical(m)) changes.push({ kind: 'milestone_edited', milestoneId: m.id });
  });
  for (const m of oldMilestones)
    if (!newIds.has(m.id) && !replaced.has(m.id))
      changes.push({ kind: 'milestone_removed', milestoneId: m.id });
  // A replacement stands where the milestone it replaced stood; the order of the rest is compared.
  const placeOf = new Map(newMilestones.map((m, i) => [input[i]?.replaces ?? m.id, m.id]));
  const oldOrder = oldMilestones.map((m) => placeOf.get(m.id)).filter((id) => id !== undefined);
  const newOrder = newMilestones.map((m) => m.id).filter((id) => oldOrder.includes(id));
  if (oldOrder.join() !== newOrder.join()) changes.push({ kind: 'milestones_reordered' });
  if (before.nextReviewOn !== after.nextReviewOn) changes.push({ kind: 'review_changed' });
  if (before.buddyUserId !== after.buddyUserId) changes.push({ kind: 'buddy_changed' });
  return changes;
}

/** JSON with keys sorted: stored maps come back from jsonb with their keys in its order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const REVIEW = MentorshipsNotifications.mapReview;
