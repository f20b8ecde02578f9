import { join } from 'node:path';
import type { NamedMigrations } from '../context-migrations';
import { Tenancy1763770000000 } from './1763770000000-tenancy';
import { JobOutbox1764300000000 } from './1764300000000-job-outbox';
import { JobOutboxDelay1764300000100 } from './1764300000100-job-outbox-delay';

/** The platform's own schema; the folder hashed is schema/, so a change to the RLS helper counts too. */
export const PLATFORM_MIGRATIONS: NamedMigrations = {
  name: 'platform',
  migrations: {
    directory: join(__dirname, '..'),
    classes: [Tenancy1763770000000, JobOutbox1764300000000, JobOutboxDelay1764300000100],
  },
};
