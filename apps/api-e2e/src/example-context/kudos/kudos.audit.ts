import { defineAuditActions } from '@mentorship/audit';

export const KudosAudit = defineAuditActions({ given: 'kudos.given' });
