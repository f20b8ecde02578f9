import type { OrganizationRole } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person's place in an organization, with one or more roles. */
@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { array: true })
  roles!: OrganizationRole[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the member last opened the organization (`POST /orgs/:orgId/visits`). */
  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
