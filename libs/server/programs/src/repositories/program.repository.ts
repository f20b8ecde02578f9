import { Injectable } from '@nestjs/common';
import type { ProgramKind } from '@mentorship/contracts';
import { TenantRepository, type FoundPage, type TenantRow } from '@mentorship/platform';
import { ProgramEntity } from '../entities/program.entity';
import type { ProgramSettings } from '../program-settings.service';

/** A program with how many cohorts it has run or runs. */
export interface ProgramRow {
  id: string;
  name: string;
  description: string;
  settings: ProgramSettings;
  cohorts: number;
  createdAt: Date;
  updatedAt: Date;
}

const PROGRAM_COLUMNS = `p.id, p.name, p.description, p.settings, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM cohorts c WHERE c.organization_id = p.organization_id AND c.program_id = p.id) AS cohorts`;

/**
 * The notification kinds the program of a cohort's row (a match, a match request) turned off, as
 * SQL giving a jsonb array: its live settings, not the cohort's snapshot, so a change applies to
 * what is still to be delivered. `table` has `organization_id` and `cohort_id`; `row` is the SQL
 * that picks the row: `$1` and `$2` in a repository, a notification's `n.organization_id` and
 * `n.subject_id` in the delivery's one statement.
 */
export function disabledNotificationKindsSql(
  table: string,
  row: { organizationId: string; id: string },
): string {
  return `SELECT p.settings->'disabledNotificationKinds'
     FROM ${table} s
     JOIN cohorts c ON c.organization_id = s.organization_id AND c.id = s.cohort_id
     JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
    WHERE s.organization_id = ${row.organizationId} AND s.id = ${row.id}`;
}

@Injectable()
export class ProgramRepository extends TenantRepository<ProgramEntity> {
  constructor() {
    super(ProgramEntity);
  }

  /** Alphabetically, optionally of one kind. */
  async page(filter: { kind?: ProgramKind; offset: number; limit: number }): Promise<FoundPage<ProgramRow>> {
    return this.findPage<ProgramRow>(
      {
        select: `SELECT ${PROGRAM_COLUMNS} FROM programs p
                  WHERE p.organization_id = $1 AND ($2::text IS NULL OR p.settings->>'kind' = $2)`,
        params: [filter.kind ?? null],
        orderBy: 'lower(listed.name), listed.id',
      },
      filter,
    );
  }

  async row(id: string): Promise<ProgramRow | null> {
    const [row] = await this.sql<ProgramRow>(
      `SELECT ${PROGRAM_COLUMNS} FROM programs p WHERE p.organization_id = $1 AND p.id = $2`,
      [id],
    );
    return row ?? null;
  }

  /** The kinds of notification the program of `table`'s row `id` turned off (see `disabledNotificationKindsSql`). */
  async disabledNotificationKindsOf(table: string, id: string): Promise<string[]> {
    const [row] = await this.sql<{ kinds: string[] | null }>(
      `SELECT (${disabledNotificationKindsSql(table, { organizationId: '$1', id: '$2' })}) AS kinds`,
      [id],
    );
    return Array.isArray(row?.kinds) ? row.kinds : [];
  }

  /** Reads a program and locks it, so edits and cohorts freezing its settings queue up. */
  lock(id: string): Promise<ProgramEntity | null> {
    return this.findOneForUpdate({ id });
  }

  /** False when another program has the name, in any case. */
  add(program: {
    id: string;
    name: string;
    description: string;
    settings: ProgramSettings;
  }): Promise<boolean> {
    return this.insertUnlessDuplicate(program);
  }

  /** False when another program has the name, in any case. */
  change(id: string, changes: Omit<TenantRow<ProgramEntity, 'organizationId'>, 'id'>): Promise<boolean> {
    return this.updateUnlessDuplicate({ id }, { ...changes, updatedAt: new Date() });
  }
}
