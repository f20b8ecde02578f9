import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mentorship/audit';
import { NotificationsModule } from '@mentorship/notifications';
import { ProfileSkillEntity } from './entities/profile-skill.entity';
import { ProfileEntity } from './entities/profile.entity';
import { SkillEntity } from './entities/skill.entity';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { ProfileSkillRepository } from './repositories/profile-skill.repository';
import { ProfileRepository } from './repositories/profile.repository';
import { SkillRepository } from './repositories/skill.repository';
import { SkillsController } from './skills.controller';
import { SkillsService } from './skills.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SkillEntity, ProfileEntity, ProfileSkillEntity]),
    AuditModule,
    NotificationsModule,
  ],
  controllers: [SkillsController, ProfilesController],
  providers: [SkillsService, ProfilesService, SkillRepository, ProfileRepository, ProfileSkillRepository],
  exports: [SkillsService, ProfilesService],
})
export class PeopleModule {}
