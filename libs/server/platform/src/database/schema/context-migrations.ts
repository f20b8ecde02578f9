import type { MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/**
 * The tables of one bounded context: its migration classes and the folder they live in.
 * Each context exports one from its `migrations/index.ts`; the platform gathers them all.
 */
export interface ContextMigrations {
  /** The folder of the migration files (`__dirname` of that index): the test harness hashes it. */
  readonly directory: string;
  readonly classes: readonly MigrationClass[];
}

/** Whose migrations these are, for messages. */
export interface NamedMigrations {
  readonly name: string;
  readonly migrations: ContextMigrations;
}

export class MigrationOrderError extends Error {}

/** TypeORM's convention: a migration's name ends with its JavaScript timestamp (13 digits). */
const TIMESTAMP = /(\d{13})$/;

/**
 * Every context's migrations in timestamp order. Two migrations with one timestamp would run
 * in an order nobody chose, so that (and a name without a timestamp) is refused.
 */
export function collectMigrations(contexts: readonly NamedMigrations[]): MigrationClass[] {
  const entries = contexts.flatMap((context) =>
    context.migrations.classes.map((migration) => {
      const name = new migration().name ?? migration.name;
      return { context: context.name, migration, name, timestamp: TIMESTAMP.exec(name)?.[1] };
    }),
  );
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.timestamp) {
      problems.push(`${entry.context}: migration ${entry.name} does not end with a 13-digit timestamp`);
      continue;
    }
    const other = seen.get(entry.timestamp);
    if (other) problems.push(`${entry.name} and ${other} share the timestamp ${entry.timestamp}`);
    seen.set(entry.timestamp, entry.name);
  }
  if (problems.length > 0)
    throw new MigrationOrderError(`Migrations are not in order: ${problems.join('; ')}`);
  return entries.sort((a, b) => Number(a.timestamp) - Number(b.timestamp)).map((entry) => entry.migration);
}
