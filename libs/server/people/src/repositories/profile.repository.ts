import { Injectable } from '@nestjs/common';
import type { MentorType } from '@mentorship/contracts';
import { TenantRepository, type FoundPage, type TenantRow } from '@mentorship/platform';
import { ProfileEntity } from '../entities/profile.entity';
import type { AvailabilitySlot, ImportedProfile } from '../profile-values.service';

/** A member with their profile; a member who never saved one has the defaults and `updatedAt` null. */
export interface ProfileRow {
  userId: string;
  email: string;
  displayName: string;
  timeZone: string | null;
  languages: string[];
  seniority: number | null;
  department: string | null;
  managerEmail: string | null;
  goals: string[];
  topics: string[];
  offeredMentorTypes: MentorType[];
  wantedMentorTypes: MentorType[];
  availability: AvailabilitySlot[];
  mentorCapacity: number | null;
  paused: boolean;
  pauseEndsOn: string | null;
  pausedNow: boolean;
  updatedAt: Date | null;
}

/** Where and when to reach a member: their address, name and own time zone (none: UTC). */
export interface MemberContact {
  userId: string;
  email: string;
  name: string;
  timeZone: string | null;
}

export type ProfileChanges = Omit<TenantRow<ProfileEntity, 'organizationId'>, 'userId' | 'updatedAt'>;

/** What a profile says of its member, as other contexts read it too (a round's input). */
export type ProfileFacts = Pick<
  ProfileRow,
  | 'timeZone'
  | 'languages'
  | 'seniority'
  | 'department'
  | 'managerEmail'
  | 'goals'
  | 'topics'
  | 'offeredMentorTypes'
  | 'wantedMentorTypes'
  | 'availability'
>;

/**
 * The columns of `ProfileFacts` from the `profiles` row `p` (possibly missing: a member who never
 * saved one reads the defaults), one definition for every read of them.
 */
export function profileFactColumns(p: string): string {
  return `${p}.time_zone AS "timeZone", coalesce(${p}.languages, '{}') AS languages, ${p}.seniority,
         ${p}.department, ${p}.manager_email AS "managerEmail",
         coalesce(${p}.goals, '{}') AS goals, coalesce(${p}.topics, '{}') AS topics,
         coalesce(${p}.offered_mentor_types, '{}') AS "offeredMentorTypes",
         coalesce(${p}.wanted_mentor_types, '{}') AS "wantedMentorTypes",
         coalesce(${p}.availability, '[]') AS availability`;
}

/** Members joined with their (possibly missing) profile: one row per member. */
const MEMBER_PROFILES = `
  SELECT m.user_id AS "userId", u.email, u.display_name AS "displayName",
         ${profileFactColumns('p')}, p.mentor_capacity AS "mentorCapacity",
         coalesce(p.paused, false) AS paused, to_char(p.pause_ends_on, 'YYYY-MM-DD') AS "pauseEndsOn",
         coalesce(p.paused AND (p.pause_ends_on IS NULL OR p.pause_ends_on > current_date), false) AS "pausedNow",
         p.updated_at AS "updatedAt"
    FROM memberships m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN profiles p ON p.organization_id = m.organization_id AND p.user_id = m.user_id
   WHERE m.organization_id = $1`;

@Injectable()
export class ProfileRepository extends TenantRepository<ProfileEntity> {
  constructor() {
    super(ProfileEntity);
  }

  /** The member's profile, or null for someone who is not a member here. */
  async ofMember(userId: string): Promise<ProfileRow | null> {
    const [row] = await this.sql<ProfileRow>(`${MEMBER_PROFILES} AND m.user_id = $2`, [userId]);
    return row ?? null;
  }

  /** Members' addresses, names and time zones, for what is sent to them (reminders). */
  async contactsOf(userIds: readonly string[]): Promise<MemberContact[]> {
    return this.sql<MemberContact>(
      `SELECT m.user_id AS "userId", u.email, coalesce(u.display_name, u.email) AS name, p.time_zone AS "timeZone"
         FROM memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN profiles p ON p.organization_id = m.organization_id AND p.user_id = m.user_id
        WHERE m.organization_id = $1 AND m.user_id = ANY($2::uuid[])`,
      [[...userIds]],
    );
  }

  /** Members by name, optionally those who offer or want `skillId` or work in `department` (any case). */
  async page(filter: {
    skillId?: string;
    department?: string;
    offset: number;
    limit: number;
  }): Promise<FoundPage<ProfileRow>> {
    return this.findPage<ProfileRow>(
      {
        select: `${MEMBER_PROFILES}
          AND ($2::uuid IS NULL OR EXISTS (
                SELECT 1 FROM profile_skills ps
                 WHERE ps.organization_id = m.organization_id AND ps.user_id = m.user_id AND ps.skill_id = $2))
          AND ($3::text IS NULL OR lower(p.department) = lower($3))`,
        params: [filter.skillId ?? null, filter.department ?? null],
        orderBy: 'lower(listed."displayName"), listed."userId"',
      },
      filter,
    );
  }

  /**
   * Makes sure the member has a profile row and locks it until the transaction ends, so two
   * edits of one profile (lists included) apply one after the other.
   */
  async lockCreating(userId: string): Promise<void> {
    await this.sql(`INSERT INTO profiles (organization_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      userId,
    ]);
    await this.findOneForUpdate({ userId });
  }

  /**
   * Sets the fields each entry gives (the others stay), creating profiles that do not exist, in
   * two statements whatever the number of people.
   */
  async applyMany(entries: { userId: string; profile: ImportedProfile }[]): Promise<void> {
    if (entries.length === 0) return;
    const userIds = entries.map((entry) => entry.userId);
    await this.sql(
      `INSERT INTO profiles (organization_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [userIds],
    );
    const rows = entries.map(({ userId, profile }) => ({
      user_id: userId,
      time_zone: profile.timeZone ?? null,
      languages: profile.languages ?? null,
      department: profile.department ?? null,
      manager_email: profile.managerEmail ?? null,
      mentor_capacity: profile.mentorCapacity ?? null,
    }));
    await this.sql(
      `UPDATE profiles p
          SET time_zone = coalesce(given.time_zone, p.time_zone),
              languages = coalesce(given.languages, p.languages),
              department = coalesce(given.department, p.department),
              manager_email = coalesce(given.manager_email, p.manager_email),
              mentor_capacity = coalesce(given.mentor_capacity, p.mentor_capacity),
              updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS given (
                user_id uuid, time_zone text, languages text[], department text, manager_email text, mentor_capacity smallint)
        WHERE p.organization_id = $1 AND p.user_id = given.user_id`,
      [JSON.stringify(rows)],
    );
  }

  change(userId: string, changes: ProfileChanges): Promise<void> {
    return this.update({ userId }, { ...changes, updatedAt: new Date() });
  }
}
