// The demo's programs and cohorts, made through the services as a coordinator makes them.
import type { INestApplicationContext } from '@nestjs/common';
import {
  CohortQueryDto,
  CohortsService,
  type CohortViewDto,
  type CreateCohortDto,
  type CreateProgramDto,
  ProgramQueryDto,
  ProgramsService,
  type ProgramViewDto,
} from '@mentorship/programs';

/**
 * The program named `program.name` and its cohort named `cohort.name`: created from them the first
 * time, found by name when the seed runs again (what they became since is kept). `asCoordinator`
 * runs a call in the demo organization as its coordinator.
 */
export async function demoProgramWithCohort(
  app: INestApplicationContext,
  asCoordinator: <T>(work: () => Promise<T>) => Promise<T>,
  program: CreateProgramDto,
  cohort: CreateCohortDto,
): Promise<{ program: ProgramViewDto; cohort: CohortViewDto }> {
  const programs = app.get(ProgramsService);
  const cohorts = app.get(CohortsService);
  const existingProgram = (
    await asCoordinator(() => programs.list(Object.assign(new ProgramQueryDto(), { pageSize: 100 })))
  ).items.find((p) => p.name === program.name);
  const foundOrMade = existingProgram ?? (await asCoordinator(() => programs.create(program)));
  const existingCohort = (
    await asCoordinator(() =>
      cohorts.list(Object.assign(new CohortQueryDto(), { programId: foundOrMade.id, pageSize: 100 })),
    )
  ).items.find((c) => c.name === cohort.name);
  return {
    program: foundOrMade,
    cohort: existingCohort ?? (await asCoordinator(() => cohorts.create(foundOrMade.id, cohort))),
  };
}
