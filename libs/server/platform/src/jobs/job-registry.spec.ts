import { defineJob } from './job-definition';
import { checkJobHandlers, checkScheduleHandlers, JobRegistryError } from './job-registry';
import { defineSchedule } from './schedule-definition';
import { purgeSchedule, reminderJob, resetJob, rollupJob } from './sample-jobs.spec-fixture';

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

describe(checkScheduleHandlers.name, () => {
  it('pairs each schedule with its one handler, and account jobs count as jobs', () => {
    const schedules = checkScheduleHandlers([purgeSchedule], new Map([[purgeSchedule.name, [{ tick: 1 }]]]), [
      resetJob,
    ]);
    expect(schedules.get('nightly-purge')).toEqual({ definition: purgeSchedule, handler: { tick: 1 } });
    expect(
      checkJobHandlers([resetJob], new Map([[resetJob.name, [{}]]])).get(resetJob.name)?.definition,
    ).toBe(resetJob);
  });

  it('refuses a schedule with no handler or two, a handler for no schedule, and a twin', () => {
    expect(() => checkScheduleHandlers([purgeSchedule], new Map())).toThrow(/"nightly-purge" has 0 handlers/);
    expect(() => checkScheduleHandlers([purgeSchedule], new Map([[purgeSchedule.name, [{}, {}]]]))).toThrow(
      /"nightly-purge" has 2 handlers/,
    );
    expect(() => checkScheduleHandlers([], new Map([['mystery', [{}]]]))).toThrow(
      /unknown schedule "mystery"/,
    );
    expect(() =>
      checkScheduleHandlers([purgeSchedule, purgeSchedule], new Map([[purgeSchedule.name, [{}]]])),
    ).toThrow(/declared twice/);
  });

  it("refuses a schedule named like a job (ticks carry the schedule's name) or on the platform's queue", () => {
    const clash = defineSchedule({ ...purgeSchedule, name: reminderJob.name });
    expect(() => checkScheduleHandlers([clash], new Map([[clash.name, [{}]]]), [reminderJob])).toThrow(
      /also a job's name/,
    );
    const platform = defineSchedule({ ...purgeSchedule, queue: 'platform-outbox' });
    expect(() => checkScheduleHandlers([platform], new Map([[platform.name, [{}]]]))).toThrow(
      /platform's queue/,
    );
  });
});
