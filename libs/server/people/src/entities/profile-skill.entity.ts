import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `offered`: a mentor's own level; `wanted`: the level a mentee wants to reach. */
export type ProfileSkillKind = 'offered' | 'wanted';

@Entity({ name: 'profile_skills' })
export class ProfileSkillEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text')
  kind!: ProfileSkillKind;

  @PrimaryColumn('uuid', { name: 'skill_id' })
  skillId!: string;

  @Column('smallint')
  level!: number;
}
