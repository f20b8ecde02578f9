import { Injectable } from '@nestjs/common';
import type { SkillStatus } from '@mentorship/contracts';
import { TenantRepository, type FoundPage } from '@mentorship/platform';
import { SkillEntity } from '../entities/skill.entity';

/** A skill with the number of profiles that offer or want it. */
export interface SkillRow {
  id: string;
  name: string;
  status: SkillStatus;
  profiles: number;
}

/** The list's filter: $2 a status or null, $3 part of the name or null. */
const SKILL_FILTER = `s.organization_id = $1
  AND ($2::text IS NULL OR s.status = $2)
  AND ($3::text IS NULL OR strpos(lower(s.name), lower($3)) > 0)`;

const SKILL_COLUMNS = `s.id, s.name, s.status,
  (SELECT count(DISTINCT ps.user_id)::int FROM profile_skills ps
    WHERE ps.organization_id = s.organization_id AND ps.skill_id = s.id) AS profiles`;

@Injectable()
export class SkillRepository extends TenantRepository<SkillEntity> {
  constructor() {
    super(SkillEntity);
  }

  /** Alphabetical, any case; `text` matches part of the name. */
  async page(filter: {
    status?: SkillStatus;
    text?: string;
    offset: number;
    limit: number;
  }): Promise<FoundPage<SkillRow>> {
    return this.findPage<SkillRow>(
      {
        select: `SELECT ${SKILL_COLUMNS} FROM skills s WHERE ${SKILL_FILTER}`,
        params: [filter.status ?? null, filter.text ?? null],
        orderBy: 'lower(listed.name), listed.id',
      },
      filter,
    );
  }

  async row(id: string): Promise<SkillRow | null> {
    const [row] = await this.sql<SkillRow>(
      `SELECT ${SKILL_COLUMNS} FROM skills s WHERE s.organization_id = $1 AND s.id = $2`,
      [id],
    );
    return row ?? null;
  }

  /** Reads a skill and locks it until the transaction ends, so a rename and a merge queue up. */
  lock(id: string): Promise<SkillEntity | null> {
    return this.findOneForUpdate({ id });
  }

  /** False when the name is taken, in any case. */
  add(id: string, name: string): Promise<boolean> {
    return this.insertUnlessDuplicate({ id, name, status: 'active' });
  }

  /** False when another skill has the name, in any case. */
  rename(id: string, name: string): Promise<boolean> {
    return this.updateUnlessDuplicate({ id }, { name });
  }

  setStatus(id: string, status: SkillStatus): Promise<void> {
    return this.update({ id }, { status });
  }

  remove(id: string): Promise<void> {
    return this.delete({ id });
  }

  /** The catalogue's skill for each of `names` that it has, compared ignoring case, keyed by the name as given. */
  async byNames(names: readonly string[]): Promise<Map<string, SkillEntity>> {
    const rows = await this.sql<{ given: string; id: string; name: string; status: SkillStatus }>(
      `SELECT given, s.id, s.name, s.status
         FROM unnest($2::text[]) AS given
         JOIN skills s ON s.organization_id = $1 AND lower(s.name) = lower(given)`,
      [names],
    );
    return new Map(rows.map(({ given, ...skill }) => [given, skill as SkillEntity]));
  }

  /**
   * The ids among `ids` that are active skills here, share-locked until the transaction ends so
   * no merge or retirement removes them before the profile that names them is written. Locked in
   * id order, as merges lock, so the two cannot deadlock.
   */
  async lockActive(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.sql<{ id: string }>(
      `SELECT id FROM skills WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'active'
        ORDER BY id FOR SHARE`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The status of each of `ids` that is a skill here (active or retired), share-locked like
   * `lockActive`: for a profile edit, which may keep a retired skill it already has.
   */
  async lockStatuses(ids: readonly string[]): Promise<Map<string, SkillStatus>> {
    const rows = await this.sql<{ id: string; status: SkillStatus }>(
      `SELECT id, status FROM skills WHERE organization_id = $1 AND id = ANY($2::uuid[])
        ORDER BY id FOR SHARE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** Adds the names the catalogue lacks (ignoring case) in one statement; answers the rows added. */
  async addMissing(skills: { id: string; name: string }[]): Promise<SkillRow[]> {
    return this.sql<SkillRow>(
      `INSERT INTO skills (organization_id, id, name, status)
       SELECT $1, id, name, 'active' FROM unnest($2::uuid[], $3::text[]) AS given (id, name)
       ON CONFLICT (organization_id, lower(name)) DO NOTHING
       RETURNING id, name, status, 0 AS profiles`,
      [skills.map((skill) => skill.id), skills.map((skill) => skill.name)],
    );
  }
}
