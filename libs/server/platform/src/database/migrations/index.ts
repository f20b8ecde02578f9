import { Foundation1763770000000 } from './1763770000000-foundation';

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [Foundation1763770000000];
