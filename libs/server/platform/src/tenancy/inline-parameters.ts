import { escapeLiteral } from 'pg';

/**
 * `sql` with its `$1`, `$2`, ... replaced by `params` as quoted literals, for a simple query
 * (several statements in one round trip, where bind parameters are not allowed). Each value
 * goes in as the text pg would bind for it, quoted, so it has the same unknown type and is read
 * the same way (`$2::uuid`, `= ANY($3::text[])`): strings, finite numbers, booleans, dates (as
 * ISO instants), null, and arrays of those (as array literals). `sql` must not have `$n` inside
 * its own literals: the SQL of repositories, not text from outside.
 */
export function inlineParameters(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`no parameter $${n} (${params.length} given)`);
    const value = params[index];
    return value === null || value === undefined ? 'NULL' : escapeLiteral(textOf(value));
  });
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(',')}}`;
  throw new Error(`no SQL literal for ${String(value)}`);
}

/** An element of an array literal: NULL, or double-quoted with `"` and `\` escaped. */
const arrayElement = (value: unknown): string =>
  value === null || value === undefined ? 'NULL' : `"${textOf(value).replace(/["\\]/g, '\\$&')}"`;
