export * from './mentorships.module';
export * from './mentorships.context';
export * from './mentorships.exception';
export * from './mentorships.audit';
export * from './matches.service';
export * from './entities/match.entity';
