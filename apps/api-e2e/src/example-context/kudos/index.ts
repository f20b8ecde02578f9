export * from './kudos.module';
export * from './kudos.exception';
export * from './kudos.audit';
export * from './entities/kudos.entity';
export * from './dto/kudos.dto';
export * from './jobs/kudos-announcement.job';
export * from './kudos.context';
