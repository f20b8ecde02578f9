import { defineJob } from './job-definition';
import { checkJobHandlers, JobRegistryError } from './job-registry';
import { reminderJob, rollupJob } from './sample-jobs.spec-fixture';

describe(checkJobHandlers.name, () => {
  const declared = [reminderJob, rollupJob];
  const complete = () => new Map<string, unknown[]>(declared.map((job) => [job.name, [{ job: job.name }]]));

  it('accepts exactly one handler per declared job, and pairs each job with it', () => {
    const jobs = checkJobHandlers(declared, complete());
    expect([...jobs.keys()].sort()).toEqual(['daily-rollup', 'reminder-due']);
    expect(jobs.get('reminder-due')).toEqual({ definition: reminderJob, handler: { job: 'reminder-due' } });
  });

  it('refuses a declared job without a handler', () => {
    const found = complete();
    found.delete(reminderJob.name);
    expect(() => checkJobHandlers(declared, found)).toThrow(JobRegistryError);
    expect(() => checkJobHandlers(declared, found)).toThrow(/reminder-due" has 0 handlers/);
  });

  it('refuses two handlers for one job', () => {
    const found = complete();
    found.set(reminderJob.name, [{}, {}]);
    expect(() => checkJobHandlers(declared, found)).toThrow(/reminder-due" has 2 handlers/);
  });

  it('refuses a handler for a job nobody declares', () => {
    const found = complete();
    found.set('mystery-job', [{}]);
    expect(() => checkJobHandlers(declared, found)).toThrow(/unknown job "mystery-job"/);
  });

  it('refuses two declarations of one job name', () => {
    const twin = defineJob({ ...rollupJob, queue: 'reminders' });
    expect(() => checkJobHandlers([...declared, twin], complete())).toThrow(
      /"daily-rollup" is declared twice/,
    );
  });
});
