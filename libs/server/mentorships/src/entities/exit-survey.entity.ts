import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One side's exit survey of a match that ended or completed (issue 9, point 8). */
@Entity({ name: 'exit_surveys' })
export class ExitSurveyEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'match_id' })
  matchId!: string;

  @PrimaryColumn('text')
  side!: 'mentee' | 'mentor';

  @Column('smallint')
  rating!: number;

  @Column('text', { name: 'what_worked', nullable: true })
  whatWorked!: string | null;

  @Column('text', { name: 'what_to_change', nullable: true })
  whatToChange!: string | null;

  @Column('uuid', { name: 'answered_by' })
  answeredBy!: string;

  @Column('timestamptz', { name: 'answered_at' })
  answeredAt!: Date;
}
