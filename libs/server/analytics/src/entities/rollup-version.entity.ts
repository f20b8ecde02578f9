import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many times the organization's rollups have been written (`analytics_rollup_versions`). */
@Entity({ name: 'analytics_rollup_versions' })
export class RollupVersionEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('bigint')
  version!: string;

  @Column('timestamptz', { name: 'rolled_up_at' })
  rolledUpAt!: Date;
}
