import type { AgreementTermsViewDto } from '@mentorship/programs';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A match's agreement (issue 9.3): its terms now, and who has signed this version. */
@Entity({ name: 'agreements' })
export class AgreementEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId!: string;

  /** Bumped by every edit; signatures are of one version. */
  @Column('integer')
  version!: number;

  @Column('jsonb')
  terms!: AgreementTermsViewDto;

  @Column('timestamptz', { name: 'mentee_signed_at', nullable: true })
  menteeSignedAt!: Date | null;

  @Column('timestamptz', { name: 'mentor_signed_at', nullable: true })
  mentorSignedAt!: Date | null;

  /** Null when the system drafted it. */
  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
