import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One side's "continue?" at the end of a trial. */
@Entity({ name: 'trial_answers' })
export class TrialAnswerEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId!: string;

  @PrimaryColumn('text')
  side!: 'mentee' | 'mentor';

  @Column('boolean')
  continues!: boolean;

  @Column('smallint', { nullable: true })
  rating!: number | null;

  @Column('text', { name: 'private_note', nullable: true })
  privateNote!: string | null;

  @Column('uuid', { name: 'answered_by', nullable: true })
  answeredBy!: string | null;

  @Column('timestamptz', { name: 'answered_at' })
  answeredAt!: Date;
}
