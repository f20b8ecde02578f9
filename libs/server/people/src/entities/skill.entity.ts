import type { SkillStatus } from '@mentorship/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A skill of the organization's catalogue: profiles pick their skills from it. */
@Entity({ name: 'skills' })
export class SkillEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** A retired skill stays on the profiles that have it but cannot be picked again. */
  @Column('text')
  status!: SkillStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
