import type { ContextMigrations } from '@mentorship/platform';
import { People1764500000000 } from './1764500000000-people';

export const peopleMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [People1764500000000],
};
