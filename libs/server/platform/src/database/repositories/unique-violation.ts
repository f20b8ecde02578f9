import { EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

/** Runs `write`; answers false instead of throwing when a unique index refuses it. */
export async function unlessDuplicate(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Inserts `values`; answers false instead of throwing when a unique index refuses them. The
 * insert runs in a savepoint, so a duplicate does not abort the surrounding transaction.
 */
export function insertUnlessDuplicate<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  return unlessDuplicate(() => manager.transaction((savepoint) => savepoint.insert(target, values)));
}
