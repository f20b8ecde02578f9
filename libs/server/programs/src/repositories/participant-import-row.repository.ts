import { Injectable } from '@nestjs/common';
import { TenantRepository, type FoundPage } from '@mentorship/platform';
import { ImportedParticipant, ParticipantImportRowEntity } from '../entities/participant-import-row.entity';

export type NewImportRow = Omit<ParticipantImportRowEntity, 'organizationId' | 'importId'>;

@Injectable()
export class ParticipantImportRowRepository extends TenantRepository<ParticipantImportRowEntity> {
  constructor() {
    super(ParticipantImportRowEntity);
  }

  /** Every row of the file in one statement. */
  async addMany(importId: string, rows: NewImportRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.sql(
      `INSERT INTO participant_import_rows (organization_id, import_id, line, valid, email, name, role, reasons, participant)
       SELECT $1, $2, line, valid, email, name, role, reasons, participant
         FROM jsonb_to_recordset($3::jsonb) AS given (
                line integer, valid boolean, email text, name text, role text, reasons text[], participant jsonb)`,
      [importId, JSON.stringify(rows)],
    );
  }

  /** A page of the report, by line; `valid` narrows it to the valid or the rejected rows. */
  async page(
    importId: string,
    filter: { valid?: boolean; offset: number; limit: number },
  ): Promise<FoundPage<ParticipantImportRowEntity>> {
    const builder = this.query('row').andWhere('row.import_id = :importId', { importId });
    if (filter.valid !== undefined) builder.andWhere('row.valid = :valid', { valid: filter.valid });
    return this.findPage(builder.orderBy('row.line'), filter);
  }

  /** What the valid rows import, in file order. */
  async validParticipants(importId: string): Promise<ImportedParticipant[]> {
    const rows = await this.sql<{ participant: ImportedParticipant }>(
      `SELECT participant FROM participant_import_rows
        WHERE organization_id = $1 AND import_id = $2 AND valid ORDER BY line`,
      [importId],
    );
    return rows.map((row) => row.participant);
  }

  removeAll(importId: string): Promise<void> {
    return this.delete({ importId });
  }
}
