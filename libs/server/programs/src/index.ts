export * from './programs.module';
export * from './programs.context';
export * from './programs.exception';
export * from './programs.audit';
export * from './cohort-lifecycle.service';
export * from './dto/program.dto';
export * from './dto/cohort.dto';
export * from './dto/participant.dto';
export * from './dto/participant-import.dto';
export * from './jobs/participant-import.job';
export * from './participant-imports.service';
export * from './programs.service';
export * from './cohorts.service';
export * from './participants.service';
export * from './program-settings.service';
export * from './program-notification-gates.service';
export {
  cohortCriteria,
  resolveEngineCriteria,
  type ProgramCriteriaRequest,
} from './matching-criteria.service';
