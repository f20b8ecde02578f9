import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Members who joined on a day, split by whether they took part within the horizon, and how many stayed. */
@Entity({ name: 'analytics_membership_outcomes' })
export class MembershipOutcomeEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('date', { name: 'joined_day' })
  joinedDay!: string;

  @PrimaryColumn('smallint', { name: 'horizon_months' })
  horizonMonths!: number;

  @PrimaryColumn('boolean')
  participant!: boolean;

  @Column('integer')
  members!: number;

  @Column('integer', { name: 'still_members' })
  stillMembers!: number;
}
