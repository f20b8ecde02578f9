import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'kudos' })
export class KudosEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'from_user_id' })
  fromUserId!: string;

  @Column('uuid', { name: 'to_user_id' })
  toUserId!: string;

  @Column('text')
  message!: string;

  @Column('timestamptz', { name: 'announced_at', nullable: true })
  announcedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
