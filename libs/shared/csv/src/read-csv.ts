import { CsvError, parse } from 'csv-parse/sync';

/** Field separators HR exports use: comma (most tools), semicolon (spreadsheets in many locales), tab. */
export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** A column the reader knows, under its name and the other names exports give it. */
export interface CsvColumn {
  name: string;
  aliases?: readonly string[];
  required?: boolean;
}

export interface CsvRecord {
  /** 1-based line of the file on which the record starts (a quoted field may span lines). */
  line: number;
  /** Trimmed cell per known column; a column the file lacks, or a short row, gives ''. */
  values: Record<string, string>;
  /** How many fields the row has when that differs from the header's count, else null. */
  fieldCountMismatch: { expected: number; found: number } | null;
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** The known columns the header names, in the file's order. */
  columns: string[];
  /** Header cells that name no known column: ignored, and reported so nobody wonders. */
  ignoredColumns: string[];
  records: CsvRecord[];
}

/** The file cannot be read as CSV at all (an unclosed quote, no header): nothing in it counts. */
export class MalformedCsvError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'MalformedCsvError';
  }
}

/** `Time Zone`, `time-zone` and `TIME_ZONE` are one column. */
export function normalizeHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The separator used most often in the header line, outside quotes; a single column reads as comma. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && char in counts) counts[char as CsvDelimiter] += 1;
  }
  return DELIMITERS.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

function parseRecords(text: string, delimiter: CsvDelimiter): { cells: string[]; line: number }[] {
  // One line end for the parser: Windows (CRLF) and old Mac (CR) files read like Unix ones, and
  // line numbers count what an editor shows.
  const unix = text.replace(/\r\n?/g, '\n');
  try {
    const parsed = parse(unix, {
      bom: true,
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({
      cells: record.map((cell) => cell.trim()),
      // The parser reports the record's last line; a quoted field with line breaks started earlier.
      line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
    }));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      throw new MalformedCsvError(line, describeCsvError(error));
    }
    throw error;
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field is never closed.';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quote appears inside a field that is not quoted, or after a closing quote; double it ("") or quote the whole field.';
    default:
      return error.message;
  }
}

const isBlank = (cells: string[]) => cells.every((cell) => cell === '');

/**
 * Reads a CSV file as HR tools export it: UTF-8 with or without a byte-order mark, comma,
 * semicolon or tab separated, quoted fields (with doubled quotes and line breaks inside),
 * Unix, Windows or old Mac line ends, blank lines skipped. The header names the columns, in any
 * order, under any of their aliases. Throws MalformedCsvError for a file that cannot be read;
 * a row with the wrong number of fields is the caller's to reject, with its line.
 */
export function readCsv(
  text: string,
  known: readonly CsvColumn[],
  options: { headerless?: string } = {},
): CsvTable {
  const delimiter = detectDelimiter(text.replace(/^\ufeff/, ''));
  const rows = parseRecords(text, delimiter).filter((row) => !isBlank(row.cells));
  const header = rows[0];
  if (!header) throw new MalformedCsvError(null, 'The file is empty.');

  const byName = new Map<string, string>();
  for (const column of known)
    for (const name of [column.name, ...(column.aliases ?? [])])
      byName.set(normalizeHeader(name), column.name);
  const headerColumns = header.cells.map((cell) => byName.get(normalizeHeader(cell)) ?? null);

  // A plain list (one column, no header), e.g. skill names one per line.
  const headerless = options.headerless;
  if (headerless && headerColumns.every((column) => column === null) && header.cells.length === 1) {
    return {
      delimiter,
      columns: [headerless],
      ignoredColumns: [],
      records: rows.map((row) => ({
        line: row.line,
        values: { [headerless]: row.cells[0] ?? '' },
        fieldCountMismatch: row.cells.length === 1 ? null : { expected: 1, found: row.cells.length },
      })),
    };
  }

  const seen = new Set<string>();
  for (const [index, column] of headerColumns.entries()) {
    if (column === null) continue;
    if (seen.has(column))
      throw new MalformedCsvError(header.line, `The header names the column "${header.cells[index]}" twice.`);
    seen.add(column);
  }
  const missing = known.filter((column) => column.required && !seen.has(column.name)).map((c) => c.name);
  if (missing.length > 0)
    throw new MalformedCsvError(header.line, `The header lacks the required columns: ${missing.join(', ')}.`);

  return {
    delimiter,
    columns: headerColumns.filter((column): column is string => column !== null),
    ignoredColumns: header.cells.filter((_, index) => headerColumns[index] === null),
    records: rows.slice(1).map((row) => {
      const values: Record<string, string> = Object.fromEntries(known.map((column) => [column.name, '']));
      headerColumns.forEach((column, index) => {
        if (column !== null) values[column] = row.cells[index] ?? '';
      });
      const fieldCountMismatch =
        row.cells.length === header.cells.length
          ? null
          : { expected: header.cells.length, found: row.cells.length };
      return { line: row.line, values, fieldCountMismatch };
    }),
  };
}
