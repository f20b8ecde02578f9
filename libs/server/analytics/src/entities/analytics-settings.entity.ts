import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The organization's analytics settings: the time zone its days and nightly rollup follow. */
@Entity({ name: 'analytics_settings' })
export class AnalyticsSettingsEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
