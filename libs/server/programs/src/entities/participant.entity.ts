import type { ParticipantRole, ParticipantSource, ParticipantStatus } from '@mentorship/contracts';
import type { ImportedProfile } from '@mentorship/people';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person's place in a cohort, as mentor or mentee. */
@Entity({ name: 'cohort_participants' })
export class ParticipantEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cohort_id' })
  cohortId!: string;

  /** Lower-cased; how a person is known before they join the organization. */
  @Column('text')
  email!: string;

  /** The membership, once the person is a member who accepted, applied or was enrolled. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  /** The name an invitation or import gave; a member's own name wins. */
  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text')
  role!: ParticipantRole;

  @Column('text')
  status!: ParticipantStatus;

  @Column('text')
  source!: ParticipantSource;

  /** What an applicant wrote. */
  @Column('text', { nullable: true })
  motivation!: string | null;

  /** Profile columns of an import for someone not a member yet: applied when they accept. */
  @Column('jsonb', { name: 'pending_profile', nullable: true })
  pendingProfile!: ImportedProfile | null;

  @Column('uuid', { name: 'invited_by', nullable: true })
  invitedBy!: string | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  /** The waitlist goes by this: first enrolled, first placed. */
  @Column('timestamptz', { name: 'enrolled_at', nullable: true })
  enrolledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
