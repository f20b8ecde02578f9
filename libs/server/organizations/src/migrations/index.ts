import type { ContextMigrations } from '@mentorship/platform';
import { Organizations1763770000200 } from './1763770000200-organizations';
import { MembershipLastUsed1764610000100 } from './1764610000100-membership-last-used';
import { OrganizationDeletion1764700000200 } from './1764700000200-organization-deletion';

export const organizationsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [Organizations1763770000200, MembershipLastUsed1764610000100, OrganizationDeletion1764700000200],
};
