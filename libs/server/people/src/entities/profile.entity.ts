import type { MentorType } from '@mentorship/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AvailabilitySlot } from '../profile-values.service';

/** A member's profile in one organization: who they are and when they can meet. */
@Entity({ name: 'profiles' })
export class ProfileEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  /** IANA zone; availability is in this zone. */
  @Column('text', { name: 'time_zone', nullable: true })
  timeZone!: string | null;

  /** ISO 639 codes. */
  @Column('text', { array: true })
  languages!: string[];

  @Column('smallint', { nullable: true })
  seniority!: number | null;

  @Column('text', { nullable: true })
  department!: string | null;

  /** An address rather than a member: managers need not use the product. */
  @Column('text', { name: 'manager_email', nullable: true })
  managerEmail!: string | null;

  @Column('text', { array: true })
  goals!: string[];

  @Column('text', { array: true })
  topics!: string[];

  @Column('text', { name: 'offered_mentor_types', array: true })
  offeredMentorTypes!: MentorType[];

  @Column('text', { name: 'wanted_mentor_types', array: true })
  wantedMentorTypes!: MentorType[];

  @Column('jsonb')
  availability!: AvailabilitySlot[];

  /** Mentees at once; null takes the program's default. */
  @Column('smallint', { name: 'mentor_capacity', nullable: true })
  mentorCapacity!: number | null;

  @Column('boolean')
  paused!: boolean;

  /** The day the pause ends, when the mentor takes mentees again (YYYY-MM-DD); null: until switched off. */
  @Column('date', { name: 'pause_ends_on', nullable: true })
  pauseEndsOn!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
