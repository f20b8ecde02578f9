import type { CommunityLevel, MapHelperKind, MapStage } from '@mentorship/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface MapHelper {
  kind: MapHelperKind;
  /** A member of the organization, or someone outside named with their role. */
  userId: string | null;
  name: string | null;
  role: string | null;
}

export interface MapMilestone {
  id: string;
  title: string;
  /** What the mentee does better (the performance part). */
  performance: string;
  /** How it shows in their community (the community part). */
  community: string;
  stage: MapStage;
  dueOn: string | null;
  measure: string | null;
  helpers: MapHelper[];
  doneOn: string | null;
  /** Due dates that passed with the milestone not done, oldest first (it was retargeted since). */
  missedDueDates: string[];
}

/** The map's content: everything but its review and buddy, saved whole with each version. */
export interface MapContent {
  currentState: {
    skills: { name: string; rating: number }[];
    performanceThemes: string[];
    communityInvolvement: string;
  };
  desiredState: { description: string; horizonMonths: number };
  communityLevel: CommunityLevel;
  milestones: MapMilestone[];
}

/** The mentee's plan for one match (issue 9.4). */
@Entity({ name: 'mentorship_maps' })
export class MentorshipMapEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId!: string;

  @Column('integer')
  version!: number;

  @Column('jsonb')
  content!: MapContent;

  @Column('date', { name: 'next_review_on' })
  nextReviewOn!: string;

  @Column('uuid', { name: 'buddy_user_id', nullable: true })
  buddyUserId!: string | null;

  @Column('uuid', { name: 'updated_by' })
  updatedBy!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
