import { analyticsContext } from '@mentorship/analytics';
import { auditContext } from '@mentorship/audit';
import { matchingContext } from '@mentorship/matching';
import { mentorshipsContext } from '@mentorship/mentorships';
import { identityContext } from '@mentorship/identity';
import { notificationsContext } from '@mentorship/notifications';
import { organizationsContext } from '@mentorship/organizations';
import { peopleContext } from '@mentorship/people';
import { programsContext } from '@mentorship/programs';
import type { BoundedContext } from '@mentorship/platform';

/** Every bounded context of the product: the one list a new context is added to. */
export const CONTEXTS: readonly BoundedContext[] = [
  identityContext,
  organizationsContext,
  auditContext,
  notificationsContext,
  peopleContext,
  programsContext,
  mentorshipsContext,
  matchingContext,
  analyticsContext,
];
