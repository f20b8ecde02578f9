import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ActionItem {
  text: string;
  owner: 'mentee' | 'mentor' | 'both';
  done: boolean;
}

export interface MilestoneProgress {
  milestoneId: string;
  note: string;
  done: boolean;
}

/** A meeting of the match, logged by one of its two people (issue 9.5). */
@Entity({ name: 'check_ins' })
export class CheckInEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'match_id' })
  matchId!: string;

  @Column('date', { name: 'held_on' })
  heldOn!: string;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes!: number;

  @Column('text', { name: 'shared_notes' })
  sharedNotes!: string;

  /** The writer's alone (and coordinators' where the program says so). */
  @Column('text', { name: 'private_notes', nullable: true })
  privateNotes!: string | null;

  @Column('jsonb', { name: 'action_items' })
  actionItems!: ActionItem[];

  @Column('jsonb', { name: 'milestone_progress' })
  milestoneProgress!: MilestoneProgress[];

  @Column('uuid', { name: 'logged_by' })
  loggedBy!: string;

  @Column('timestamptz', { name: 'logged_at' })
  loggedAt!: Date;
}
