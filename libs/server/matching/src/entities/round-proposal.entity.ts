import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One score component of a proposal, with the engine's reason. */
export interface ProposalComponent {
  id: string;
  value: number;
  weight: number;
  points: number;
  reason: string;
}

/** A draft pair of a round: who, the score and why. Immutable once its round is published. */
@Entity({ name: 'round_proposals' })
export class RoundProposalEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'round_id' })
  roundId!: string;

  @PrimaryColumn('uuid', { name: 'mentee_user_id' })
  menteeUserId!: string;

  @Column('uuid', { name: 'mentor_user_id' })
  mentorUserId!: string;

  @Column('numeric', {
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  score!: number;

  @Column('boolean')
  fixed!: boolean;

  @Column('smallint', { name: 'group_number', nullable: true })
  groupNumber!: number | null;

  @Column('jsonb')
  components!: ProposalComponent[];
}
