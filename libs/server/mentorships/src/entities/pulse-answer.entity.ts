import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One side's pulse survey of a match, for one period of the program's interval (issue 9.6). */
@Entity({ name: 'pulse_answers' })
export class PulseAnswerEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId!: string;

  @PrimaryColumn('text')
  side!: 'mentee' | 'mentor';

  @PrimaryColumn('integer')
  period!: number;

  @Column('smallint')
  rating!: number;

  /** For coordinators, in aggregate, where the program lets them read private notes. */
  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('uuid', { name: 'answered_by' })
  answeredBy!: string;

  @Column('timestamptz', { name: 'answered_at' })
  answeredAt!: Date;
}
