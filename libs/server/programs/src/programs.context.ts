import type { BoundedContext } from '@mentorship/platform';
import { participantImportJob } from './jobs/participant-import.job';
import { programsMigrations } from './migrations';
import { ProgramsModule } from './programs.module';

export const programsContext: BoundedContext = {
  name: 'programs',
  module: ProgramsModule,
  migrations: programsMigrations,
  jobs: [participantImportJob],
};
