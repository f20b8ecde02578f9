export * from './programs.module';
export * from './programs.context';
export * from './programs.exception';
export * from './programs.audit';
export * from './cohort-lifecycle.service';
export * from './dto/program.dto';
export * from './dto/cohort.dto';
export * from './dto/participant.dto';
