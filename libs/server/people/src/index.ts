export * from './people.module';
export * from './people.context';
export * from './people.exception';
export * from './people.audit';
export * from './profile-values.service';
export * from './profiles.service';
export * from './skills.service';
export * from './entities/skill.entity';
export * from './entities/profile.entity';
export * from './entities/profile-skill.entity';
export * from './dto/skill.dto';
export * from './dto/profile.dto';
export type { ProfileSkillRow } from './repositories/profile-skill.repository';
export {
  profileFactColumns,
  type MemberContact,
  type ProfileFacts,
  type ProfileRow,
} from './repositories/profile.repository';
