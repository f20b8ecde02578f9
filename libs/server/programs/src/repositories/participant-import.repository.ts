import { Injectable } from '@nestjs/common';
import { TenantRepository, type FoundPage, type TenantRow } from '@mentorship/platform';
import { ParticipantImportEntity } from '../entities/participant-import.entity';

export type ImportChanges = Partial<
  Omit<TenantRow<ParticipantImportEntity, 'organizationId'>, 'id' | 'cohortId'>
>;

@Injectable()
export class ParticipantImportRepository extends TenantRepository<ParticipantImportEntity> {
  constructor() {
    super(ParticipantImportEntity);
  }

  add(entity: Omit<TenantRow<ParticipantImportEntity, 'organizationId'>, 'createdAt'>): Promise<void> {
    return this.insert(entity);
  }

  findById(id: string): Promise<ParticipantImportEntity | null> {
    return this.findOne({ id });
  }

  get(cohortId: string, id: string): Promise<ParticipantImportEntity | null> {
    return this.findOne({ cohortId, id });
  }

  /** The import, locked until the transaction ends: it is committed or discarded once. */
  lock(cohortId: string, id: string): Promise<ParticipantImportEntity | null> {
    return this.findOneForUpdate({ cohortId, id });
  }

  /**
   * One run of the import at a time, until the transaction ends, without locking its row: the
   * run's progress is written to that row from other transactions meanwhile.
   */
  async runExclusively(id: string): Promise<void> {
    await this.sql(`SELECT pg_advisory_xact_lock(hashtextextended($1::text || $2::text, 0))`, [id]);
  }

  /** Newest first. */
  async page(
    cohortId: string,
    page: { offset: number; limit: number },
  ): Promise<FoundPage<ParticipantImportEntity>> {
    const builder = this.query('import')
      .andWhere('import.cohort_id = :cohortId', { cohortId })
      .orderBy('import.created_at', 'DESC')
      .addOrderBy('import.id');
    return this.findPage(builder, page);
  }

  async change(id: string, changes: ImportChanges): Promise<void> {
    await this.update({ id }, changes);
  }
}
