import type { ParticipantRole } from '@mentorship/contracts';
import type { ImportedProfile } from '@mentorship/people';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a valid row becomes: a participant and, for a member, their profile fields. */
export interface ImportedParticipant {
  email: string;
  name: string;
  role: ParticipantRole;
  profile: ImportedProfile;
}

/** One line of an import's file: valid (with what it imports) or rejected (with every reason). */
@Entity({ name: 'participant_import_rows' })
export class ParticipantImportRowEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'import_id' })
  importId!: string;

  @PrimaryColumn('integer')
  line!: number;

  @Column('boolean')
  valid!: boolean;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  role!: string | null;

  @Column('text', { array: true })
  reasons!: string[];

  @Column('jsonb', { nullable: true })
  participant!: ImportedParticipant | null;
}
