import { checkJobHandlers, JobRegistryError } from './job-registry';
import { JobName } from './job-names';

describe(checkJobHandlers.name, () => {
  const complete = () => new Map<string, unknown[]>(Object.values(JobName).map((name) => [name, [{ name }]]));

  it('accepts exactly one handler per job name', () => {
    const handlers = checkJobHandlers(complete());
    expect([...handlers.keys()].sort()).toEqual(Object.values(JobName).sort());
  });

  it('refuses a job name without a handler', () => {
    const found = complete();
    found.delete(JobName.InvitationEmail);
    expect(() => checkJobHandlers(found)).toThrow(JobRegistryError);
    expect(() => checkJobHandlers(found)).toThrow(/invitation-email" has 0 handlers/);
  });

  it('refuses two handlers for one job name', () => {
    const found = complete();
    found.set(JobName.InvitationEmail, [{}, {}]);
    expect(() => checkJobHandlers(found)).toThrow(/invitation-email" has 2 handlers/);
  });

  it('refuses a handler for a job name nobody enqueues', () => {
    const found = complete();
    found.set('mystery-job', [{}]);
    expect(() => checkJobHandlers(found)).toThrow(/unknown job "mystery-job"/);
  });
});
