import { Injectable } from '@nestjs/common';
import type { SkillStatus } from '@mentorship/contracts';
import { TenantRepository } from '@mentorship/platform';
import { ProfileSkillEntity, type ProfileSkillKind } from '../entities/profile-skill.entity';

export interface ProfileSkillRow {
  userId: string;
  kind: ProfileSkillKind;
  skillId: string;
  name: string;
  status: SkillStatus;
  level: number;
}

@Injectable()
export class ProfileSkillRepository extends TenantRepository<ProfileSkillEntity> {
  constructor() {
    super(ProfileSkillEntity);
  }

  /** The skills of each of `userIds`, alphabetically. */
  of(userIds: readonly string[]): Promise<ProfileSkillRow[]> {
    return this.sql<ProfileSkillRow>(
      `SELECT ps.user_id AS "userId", ps.kind, ps.skill_id AS "skillId", s.name, s.status, ps.level
         FROM profile_skills ps
         JOIN skills s ON s.organization_id = ps.organization_id AND s.id = ps.skill_id
        WHERE ps.organization_id = $1 AND ps.user_id = ANY($2::uuid[])
        ORDER BY lower(s.name), ps.skill_id`,
      [userIds],
    );
  }

  /** The person's `kind` skills become exactly `skills`. */
  async replace(
    userId: string,
    kind: ProfileSkillKind,
    skills: { skillId: string; level: number }[],
  ): Promise<void> {
    await this.delete({ userId, kind });
    if (skills.length === 0) return;
    await this.sql(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT $1, $2, $3, skill_id, level FROM unnest($4::uuid[], $5::smallint[]) AS given (skill_id, level)`,
      [userId, kind, skills.map((skill) => skill.skillId), skills.map((skill) => skill.level)],
    );
  }

  /** Each entry's `kind` skills become exactly its `skills`, in two statements whatever the number. */
  async replaceMany(
    entries: { userId: string; kind: ProfileSkillKind; skills: { skillId: string; level: number }[] }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.sql(
      `DELETE FROM profile_skills ps USING unnest($2::uuid[], $3::text[]) AS given (user_id, kind)
        WHERE ps.organization_id = $1 AND ps.user_id = given.user_id AND ps.kind = given.kind`,
      [entries.map((entry) => entry.userId), entries.map((entry) => entry.kind)],
    );
    const rows = entries.flatMap((entry) =>
      entry.skills.map((skill) => ({ ...skill, userId: entry.userId, kind: entry.kind })),
    );
    if (rows.length === 0) return;
    await this.sql(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT $1, user_id, kind, skill_id, level FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::smallint[])
           AS given (user_id, kind, skill_id, level)`,
      [
        rows.map((row) => row.userId),
        rows.map((row) => row.kind),
        rows.map((row) => row.skillId),
        rows.map((row) => row.level),
      ],
    );
  }

  /**
   * Every profile entry of `fromSkillId` becomes one of `intoSkillId`; a person who had both
   * keeps the higher level. Answers how many entries moved. The old entries go with their skill.
   */
  async moveToSkill(fromSkillId: string, intoSkillId: string): Promise<number> {
    const moved = await this.sql<{ userId: string }>(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT organization_id, user_id, kind, $3, level FROM profile_skills
        WHERE organization_id = $1 AND skill_id = $2
       ON CONFLICT (organization_id, user_id, kind, skill_id)
       DO UPDATE SET level = GREATEST(profile_skills.level, EXCLUDED.level)
       RETURNING user_id AS "userId"`,
      [fromSkillId, intoSkillId],
    );
    return moved.length;
  }
}
