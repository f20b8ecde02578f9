import { Injectable, Module } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { JOB_HANDLER, JobRun } from './job-handler';
import { SCHEDULE_HANDLER } from './schedule-definition';
import { purgeSchedule, ReminderPayload, reminderJob } from './sample-jobs.spec-fixture';
import { ScheduleCalling, TenantJobCalling } from './service-call-handler';

@Injectable()
class ReminderService {
  readonly calls: string[] = [];
  async send(id: string): Promise<void> {
    this.calls.push(`send ${id}`);
  }
  async purge(at: Date): Promise<void> {
    this.calls.push(`purge ${at.toISOString()}`);
  }
}

class ReminderDueJob extends TenantJobCalling(
  reminderJob,
  () => ReminderService,
  (reminders, payload) => reminders.send(payload.reminderId),
) {}

class PurgeTick extends ScheduleCalling(
  purgeSchedule,
  () => ReminderService,
  (reminders, tick) => reminders.purge(tick.at),
) {}

describe(TenantJobCalling.name, () => {
  @Module({ providers: [ReminderService, ReminderDueJob, PurgeTick] })
  class RemindersModule {}

  const build = async () => {
    const module = await NestFactory.createApplicationContext(RemindersModule, { logger: false });
    return { module, service: module.get(ReminderService) };
  };

  it("is found as the job's handler, and calls the service inside the run's tenant", async () => {
    const { module, service } = await build();
    expect(new Reflector().get(JOB_HANDLER, ReminderDueJob)).toBe(reminderJob);
    const inTenant: string[] = [];
    const run = {
      jobId: 'j1',
      key: 'k1',
      attemptsMade: 0,
      inTenant: async <T>(work: () => Promise<T>) => {
        inTenant.push('open');
        const result = await work();
        inTenant.push(`closed after ${service.calls.length} call(s)`);
        return result;
      },
    } satisfies JobRun;
    const payload: ReminderPayload = { organizationId: 'org-1', reminderId: 'r-7' };
    await module.get(ReminderDueJob).handle(payload, run);
    expect(service.calls).toEqual(['send r-7']);
    expect(inTenant).toEqual(['open', 'closed after 1 call(s)']);
  });

  it("is found as the schedule's handler, and gives the service the tick", async () => {
    const { module, service } = await build();
    expect(new Reflector().get(SCHEDULE_HANDLER, PurgeTick)).toBe(purgeSchedule);
    const at = new Date('2026-12-02T03:00:00.000Z');
    await module.get(PurgeTick).tick({ schedule: purgeSchedule.name, at, key: 'nightly-purge.1' });
    expect(service.calls).toEqual(['purge 2026-12-02T03:00:00.000Z']);
  });
});
