import { defineAuditActions } from '@mentorship/audit';

/** What the people context writes to the audit log. */
export const PeopleAudit = defineAuditActions({
  skillAdded: 'skill.added',
  skillRenamed: 'skill.renamed',
  skillRetired: 'skill.retired',
  skillRestored: 'skill.restored',
  skillMerged: 'skill.merged',
  skillsImported: 'skill.imported',
  profileUpdated: 'profile.updated',
  /** Many at once, from a participant import: one row with the count. */
  profilesImported: 'profile.imported',
});
