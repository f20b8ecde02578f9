import type { ContextMigrations } from '@mentorship/platform';
import { Programs1764500000100 } from './1764500000100-programs';

export const programsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Programs1764500000100],
};
