import { Injectable } from '@nestjs/common';
import { TenantContext } from '@mentorship/platform';
import { ProgramsException } from '@mentorship/programs';
import type { CohortExportQueryDto, ExportDataset, ExportFormat } from './dto/cohort-export.dto';
import {
  CohortExportRepository,
  EXPORT_COLUMNS,
  type ExportCell,
} from './repositories/cohort-export.repository';

/** A file to send: its name and type, and its text in chunks (one per batch of rows). */
export interface ExportFile {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<string>;
}

/**
 * A cohort's matches, check-ins or feedback as CSV or JSON, for the organization's own analysis.
 * The rows come from a cursor and go out a batch at a time, so an export of any size holds one
 * batch in memory. Whoever reads it (admins and coordinators) reads private notes as the product
 * shows them: their own, and others' only where the program lets coordinators read them.
 */
@Injectable()
export class ExportsService {
  constructor(private readonly exports: CohortExportRepository) {}

  /** Checks the cohort (404 when it is not the organization's) before anything is sent. */
  async open(cohortId: string, dataset: ExportDataset, query: CohortExportQueryDto): Promise<ExportFile> {
    const cohort = await this.exports.cohort(cohortId);
    if (!cohort) throw ProgramsException.cohortNotFound();
    const format: ExportFormat = query.format ?? 'csv';
    const batches = this.exports.rows(dataset, cohortId, {
      userId: TenantContext.caller().userId,
      privateNotesToCoordinators: cohort.privateNotesToCoordinators,
    });
    return {
      filename: `${fileSlug(cohort.name)}-${dataset}.${format}`,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      chunks: format === 'csv' ? csvChunks(dataset, batches) : jsonChunks(batches),
    };
  }
}

async function* csvChunks(
  dataset: ExportDataset,
  batches: AsyncIterable<Record<string, ExportCell>[]>,
): AsyncGenerator<string> {
  const columns = EXPORT_COLUMNS[dataset];
  yield `${columns.join(',')}\r\n`;
  for await (const rows of batches)
    yield rows
      .map((row) => `${columns.map((column) => csvCell(row[column] ?? null)).join(',')}\r\n`)
      .join('');
}

/** A JSON array written a batch at a time: `[`, the rows with commas between them, `]`. */
async function* jsonChunks(batches: AsyncIterable<Record<string, ExportCell>[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const rows of batches) {
    const text = rows.map((row) => JSON.stringify(row, jsonValue)).join(',\n');
    yield first ? `\n${text}` : `,\n${text}`;
    first = false;
  }
  yield '\n]\n';
}

/** Dates as ISO instants in both formats. */
function jsonValue(this: unknown, _key: string, value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * RFC 4180 quoting, and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) is prefixed with `'`: notes are written by members, and the file is
 * opened by admins in spreadsheet tools.
 */
export function csvCell(value: ExportCell): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The cohort's name as a file name: letters, digits and dashes. */
function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'cohort'
  );
}
