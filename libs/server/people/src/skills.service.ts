import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { MalformedCsvError, readCsv } from '@mentorship/csv';
import { AuditService } from '@mentorship/audit';
import { pageOf, TenantContext } from '@mentorship/platform';
import {
  CreateSkillDto,
  MergeSkillDto,
  SkillImportReportDto,
  SkillMergeResultDto,
  SkillPageDto,
  SkillQueryDto,
  SkillViewDto,
  UpdateSkillDto,
} from './dto/skill.dto';
import type { SkillEntity } from './entities/skill.entity';
import { PeopleAudit } from './people.audit';
import { PeopleException, type RejectedLine } from './people.exception';
import { ProfileSkillRepository } from './repositories/profile-skill.repository';
import { SkillRepository, type SkillRow } from './repositories/skill.repository';

/** The organization's skills catalogue. */
@Injectable()
export class SkillsService {
  constructor(
    private readonly audit: AuditService,
    private readonly skills: SkillRepository,
    private readonly profileSkills: ProfileSkillRepository,
  ) {}

  async list(query: SkillQueryDto): Promise<SkillPageDto> {
    const found = await this.skills.page({
      status: query.status,
      text: query.q,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found);
  }

  async get(skillId: string): Promise<SkillViewDto> {
    const row = await this.skills.row(skillId);
    if (!row) throw PeopleException.skillNotFound();
    return row;
  }

  async add(input: CreateSkillDto): Promise<SkillViewDto> {
    const id = randomUUID();
    if (!(await this.skills.add(id, input.name))) throw PeopleException.skillNameTaken(input.name);
    await this.audit.record({
      action: PeopleAudit.skillAdded,
      target: { type: 'skill', id },
      details: { name: input.name },
    });
    return this.get(id);
  }

  /** Renames, retires (`status: retired`) or restores a skill; profiles keep it throughout. */
  async update(skillId: string, input: UpdateSkillDto): Promise<SkillViewDto> {
    const skill = await this.lock(skillId);
    if (input.name !== undefined && input.name !== skill.name) {
      if (!(await this.skills.rename(skillId, input.name))) throw PeopleException.skillNameTaken(input.name);
      await this.audit.record({
        action: PeopleAudit.skillRenamed,
        target: { type: 'skill', id: skillId },
        details: { from: skill.name, to: input.name },
      });
    }
    if (input.status !== undefined && input.status !== skill.status) {
      await this.skills.setStatus(skillId, input.status);
      await this.audit.record({
        action: input.status === 'retired' ? PeopleAudit.skillRetired : PeopleAudit.skillRestored,
        target: { type: 'skill', id: skillId },
        details: { name: input.name ?? skill.name },
      });
    }
    return this.get(skillId);
  }

  /** Profiles that had the skill get the one it is merged into; the merged skill is gone. */
  async merge(skillId: string, input: MergeSkillDto): Promise<SkillMergeResultDto> {
    if (skillId === input.intoSkillId) throw PeopleException.mergeIntoItself();
    // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const inOrder = skillId < input.intoSkillId;
    const firstLocked = await this.lock(inOrder ? skillId : input.intoSkillId);
    const secondLocked = await this.lock(inOrder ? input.intoSkillId : skillId);
    const [from, into] = inOrder ? [firstLocked, secondLocked] : [secondLocked, firstLocked];
    if (into.status !== 'active') throw PeopleException.mergeIntoRetired();

    const movedProfileSkills = await this.profileSkills.moveToSkill(skillId, into.id);
    await this.skills.remove(skillId);
    await this.audit.record({
      action: PeopleAudit.skillMerged,
      target: { type: 'skill', id: into.id },
      details: { merged: from.name, mergedId: from.id, into: into.name, movedProfileSkills },
    });
    return { skill: await this.get(into.id), movedProfileSkills };
  }

  /**
   * Adds the names of a CSV list (a `name` column, or one name per line) that the catalogue
   * lacks. A file with any unreadable line adds nothing and says which lines and why.
   */
  async importCsv(text: string): Promise<SkillImportReportDto> {
    const names = namesOf(text);
    const existing = await this.skills.byNames(names);
    const missing = names.filter((name) => !existing.has(name));
    const added: SkillRow[] = await this.skills.addMissing(
      missing.map((name) => ({ id: randomUUID(), name })),
    );
    if (added.length > 0)
      await this.audit.record({
        action: PeopleAudit.skillsImported,
        target: { type: 'skill_catalogue', id: TenantContext.organizationId() },
        details: { added: added.length, names: added.map((skill) => skill.name) },
      });
    return {
      added: added.sort(byName),
      alreadyPresent: names.filter((name) => existing.has(name)),
    };
  }

  private async lock(skillId: string): Promise<SkillEntity> {
    const skill = await this.skills.lock(skillId);
    if (!skill) throw PeopleException.skillNotFound();
    return skill;
  }
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The distinct names of the file (first spelling wins), or a refusal naming every bad line. */
function namesOf(text: string): string[] {
  let records;
  try {
    records = readCsv(text, [{ name: 'name', aliases: ['skill', 'skill_name'], required: true }], {
      headerless: 'name',
    }).records;
  } catch (error) {
    if (error instanceof MalformedCsvError) throw PeopleException.csvMalformed(error.line, error.message);
    throw error;
  }
  const rejected: RejectedLine[] = [];
  const names = new Map<string, string>();
  for (const record of records) {
    const name = record.values['name'] ?? '';
    const reasons: string[] = [];
    if (record.fieldCountMismatch)
      reasons.push('one name per line; quote a name that contains the separator');
    if (name.length > FIELD_LIMITS.skillName.max)
      reasons.push(`a skill name has at most ${FIELD_LIMITS.skillName.max} characters`);
    if (name.length === 0) reasons.push('the name is empty');
    if (reasons.length > 0) rejected.push({ line: record.line, reasons });
    else if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  if (rejected.length > 0) throw PeopleException.csvRowsRejected(rejected);
  if (names.size === 0) throw PeopleException.csvMalformed(null, 'The file names no skill.');
  return [...names.values()];
}
