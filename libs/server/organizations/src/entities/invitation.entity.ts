import type { OrganizationRole } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';

@Entity({ name: 'invitations' })
export class InvitationEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { array: true })
  roles!: OrganizationRole[];

  @Column('text')
  status!: InvitationStatus;

  @Column('uuid', { name: 'invited_by' })
  invitedBy!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { name: 'accepted_by', nullable: true })
  acceptedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
