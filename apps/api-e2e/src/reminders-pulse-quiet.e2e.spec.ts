import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@mentorship/contracts';
import { PulseDueJob, pulseDueJob, QUIET_ALERT_AFTER_DAYS } from '@mentorship/mentorships';
import { NotificationDeliveryJob, type NotificationPageDto } from '@mentorship/notifications';
import { InvitationTokens } from '@mentorship/organizations';
import { Clock, JobQueueService, jobKeyOf, TenancyService, type JobRun } from '@mentorship/platform';
import {
  makeMember,
  makeOrganization,
  makeUser,
  type SignedUpUser,
  useTestSystem,
} from '@mentorship/testing';
import { enrollingCohort, trialMatch } from './support/cohort-matches';

const DAY_MS = 24 * 3600 * 1000;
type Answer<T> = T & ErrorBody;

type NotificationRow = {
  id: string;
  kind: string;
  idempotency_key: string;
  recipient_user_id: string;
  delivered_at: Date | null;
  shown_in_app: boolean;
  email_state: string;
};

/**
 * The pulse survey and quiet-pair reminders of an active match, and a program turning kinds off:
 * pulses come as each period opens (answering settles one and makes the next), a pair with no
 * check-in for the program's quiet days is nudged and their coordinator alerted a week later (a
 * check-in starts the stretch again, an ended match takes them back), and a kind the program
 * turned off is not delivered, decided when it is due.
 */
describe('reminders: pulse survey due, quiet pairs, kinds turned off per program', () => {
  const system = useTestSystem();
  const http = () => system.http;
  const app = () => system.api.app;
  const clock = () => app().get(Clock);
  let orgId: string;
  let programId: string;
  const people = {} as Record<'admin' | 'coordinator' | 'mentor' | 'mentee', SignedUpUser>;
  const org = () => `/api/v1/orgs/${orgId}`;
  const call = <T>(method: string, who: SignedUpUser, path: string, body?: unknown) =>
    http().request<Answer<T>>(method, `${org()}/${path}`, { token: who.token, body });
  const inTenant = <T>(work: () => Promise<T>) => app().get(TenancyService).runInTenant(orgId, work);
  const run = (key: string): JobRun => ({ jobId: 'test', key, attemptsMade: 0, inTenant });
  const day = (offset = 0) => new Date(clock().now().getTime() + offset * DAY_MS).toISOString().slice(0, 10);

  const notifications = async (matchId: string, kind: string) =>
    system.api.db.query<NotificationRow>(
      `SELECT id, kind, idempotency_key, recipient_user_id, delivered_at, shown_in_app, email_state
         FROM notifications WHERE organization_id = $1 AND subject_id = $2 AND kind = $3
        ORDER BY idempotency_key`,
      [orgId, matchId, kind],
    );
  const keys = async (matchId: string, kind: string) =>
    (await notifications(matchId, kind)).map((row) => row.idempotency_key);
  /** The periods 0-3 whose pulse job is recorded: in the outbox, or relayed from it to BullMQ. */
  const pulseJobs = async (matchId: string) => {
    const periods: number[] = [];
    for (const period of [0, 1, 2, 3]) {
      const key = jobKeyOf(pulseDueJob, { organizationId: orgId, matchId, period });
      const [outboxed] = await system.api.db.query(
        `SELECT 1 FROM job_outbox WHERE organization_id = $1 AND job_key = $2`,
        [orgId, key],
      );
      if (outboxed || (await app().get(JobQueueService).queue(pulseDueJob.queue).getJob(key)))
        periods.push(period);
    }
    return periods;
  };
  const deliver = (notificationId: string) =>
    app()
      .get(NotificationDeliveryJob)
      .handle({ organizationId: orgId, notificationId }, run(`delivery.${notificationId}`));
  const inbox = async (who: SignedUpUser) =>
    (await http().get<NotificationPageDto>(`${org()}/notifications`, who.token)).body.items;

  /** An active match of the program (trial answered yes by both). */
  const activeMatch = async () => {
    const cohortId = await enrollingCohort(
      http(),
      orgId,
      people.admin,
      programId,
      `Cohort ${randomUUID().slice(0, 8)}`,
    );
    const matchId = await trialMatch(system, orgId, cohortId, people);
    for (const who of [people.mentee, people.mentor])
      await call('POST', who, `matches/${matchId}/trial/answers`, { continue: true, rating: 5 });
    const match = await call<{ status: string }>('GET', people.mentee, `matches/${matchId}`);
    expect(match.body.status).toBe('active');
    return matchId;
  };

  beforeAll(async () => {
    people.admin = await makeUser(http());
    orgId = (await makeOrganization(http(), people.admin, 'Reminder Org')).id;
    const accept = (id: string) => app().get(InvitationTokens).issue(orgId, id);
    people.coordinator = await makeMember(http(), people.admin, orgId, ['coordinator'], accept);
    people.mentor = await makeMember(http(), people.admin, orgId, ['mentor'], accept);
    people.mentee = await makeMember(http(), people.admin, orgId, ['mentee'], accept);
    const program = await http().post<{ id: string }>(
      `${org()}/programs`,
      { name: 'Reminded', settings: { trialDays: 14, pulseIntervalDays: 14, quietDays: 10 } },
      people.admin.token,
    );
    expect(program.status).toBe(201);
    programId = program.body.id;
  });

  it('asks both sides for a pulse as each period opens; an answer settles it and makes the next', async () => {
    const matchId = await activeMatch();
    // Active from the start of period 0 (the trial began it): the first pulse job is period 1's.
    expect(await pulseJobs(matchId)).toEqual([1]);
    expect(await keys(matchId, 'pulse.due')).toEqual([]);

    clock().advance(14 * DAY_MS);
    const pulseDue = (period: number) =>
      app()
        .get(PulseDueJob)
        .handle({ organizationId: orgId, matchId, period }, run(`pulse-due.${matchId}.${period}`));
    await pulseDue(1);
    await pulseDue(1); // twice: still one reminder per side
    const pulseKey = (period: number, who: SignedUpUser) => `pulse.due:${matchId}:${period}:${who.id}`;
    expect(await keys(matchId, 'pulse.due')).toEqual(
      [pulseKey(1, people.mentee), pulseKey(1, people.mentor)].sort(),
    );
    expect(await pulseJobs(matchId)).toEqual([1, 2]);

    // The mentee answers before the reminder is delivered: theirs is taken back, the next is made.
    const answered = await call('POST', people.mentee, `matches/${matchId}/pulse`, { rating: 4 });
    expect(answered.status).toBe(200);
    expect(await keys(matchId, 'pulse.due')).toEqual(
      [pulseKey(1, people.mentor), pulseKey(2, people.mentee)].sort(),
    );

    // The mentor's is delivered, in the app and by email.
    const [mentorsPulse] = (await notifications(matchId, 'pulse.due')).filter(
      (row) => row.recipient_user_id === people.mentor.id,
    );
    await deliver(mentorsPulse!.id);
    const shown = (await inbox(people.mentor)).find((n) => n.id === mentorsPulse!.id);
    expect(shown?.title).toMatch(/^How is it going with /);
    await system.sink.waitFor((m) => m.to.includes(people.mentor.email) && m.raw.includes('pulse'));

    // An ended match's waiting pulse reminders go; a later job for it makes none.
    clock().advance(DAY_MS);
    const ended = await call('POST', people.mentee, `matches/${matchId}/actions`, {
      action: 'end',
      reason: 'Moved teams',
    });
    expect(ended.status).toBe(200);
    expect(await keys(matchId, 'pulse.due')).toEqual([pulseKey(1, people.mentor)]);
    clock().advance(14 * DAY_MS);
    await pulseDue(2);
    expect(await keys(matchId, 'pulse.due')).toEqual([pulseKey(1, people.mentor)]);
  });

  it('nudges a quiet pair after the quiet days, alerts the coordinator a week later, and a check-in starts again', async () => {
    const matchId = await activeMatch();
    const since = day();
    const nudgeKeys = (from: string) =>
      [people.mentee, people.mentor].map((who) => `pair.quiet:${matchId}:${from}:${who.id}`).sort();
    const alertKeys = (from: string) => [`pair.quiet-alert:${matchId}:${from}:${people.coordinator.id}`];
    expect(await keys(matchId, 'pair.quiet')).toEqual(nudgeKeys(since));
    expect(await keys(matchId, 'pair.quiet-alert')).toEqual(alertKeys(since));
    const deliverAt = async (kind: string) =>
      (
        await system.api.db.query<{ deliver_at: Date }>(
          `SELECT deliver_at FROM notifications WHERE organization_id = $1 AND subject_id = $2 AND kind = $3`,
          [orgId, matchId, kind],
        )
      ).map((row) => row.deliver_at.getTime());
    // Not before the quiet days (10), the alert not before a week after that.
    const start = Date.parse(`${since}T00:00:00Z`);
    for (const at of await deliverAt('pair.quiet')) expect(at).toBeGreaterThanOrEqual(start + 9 * DAY_MS);
    for (const at of await deliverAt('pair.quiet-alert'))
      expect(at).toBeGreaterThanOrEqual(start + (9 + QUIET_ALERT_AFTER_DAYS) * DAY_MS);

    // A check-in takes both back and starts the quiet stretch from the meeting.
    clock().advance(3 * DAY_MS);
    const met = day(-1);
    const logged = await call('POST', people.mentor, `matches/${matchId}/check-ins`, {
      heldOn: met,
      durationMinutes: 30,
    });
    expect(logged.status).toBe(201);
    expect(await keys(matchId, 'pair.quiet')).toEqual(nudgeKeys(met));
    expect(await keys(matchId, 'pair.quiet-alert')).toEqual(alertKeys(met));

    // Still quiet: the coordinator's alert is delivered to them.
    clock().advance(20 * DAY_MS);
    const [alert] = await notifications(matchId, 'pair.quiet-alert');
    await deliver(alert!.id);
    const coordinatorsInbox = await inbox(people.coordinator);
    expect(coordinatorsInbox.find((n) => n.subjectId === matchId)?.title).toMatch(/have gone quiet$/);

    // The match ends: the nudges not delivered yet go.
    await call('POST', people.coordinator, `matches/${matchId}/actions`, { action: 'end', reason: 'Over' });
    expect(await keys(matchId, 'pair.quiet')).toEqual([]);
    expect(await keys(matchId, 'pair.quiet-alert')).toEqual(alertKeys(met)); // delivered: it stays
  });

  it('lets the program turn kinds off: a waiting reminder of such a kind is not delivered', async () => {
    const matchId = await activeMatch();
    const update = (disabledNotificationKinds: unknown) =>
      call<{ settings: { disabledNotificationKinds: string[] } }>(
        'PATCH',
        people.admin,
        `programs/${programId}`,
        {
          settings: { disabledNotificationKinds },
        },
      );
    const unknown = await update(['pair.quiet', 'pair.loud']);
    expect([unknown.status, unknown.body.code, unknown.body.details]).toEqual([
      400,
      'validation_failed',
      [
        {
          field: 'settings.disabledNotificationKinds.1',
          problems: ['is not a kind of notification: pair.loud'],
        },
      ],
    ]);
    const kept = await call<{ settings: { disabledNotificationKinds: string[] } }>(
      'GET',
      people.admin,
      `programs/${programId}`,
    );
    expect(kept.body.settings.disabledNotificationKinds).toEqual([]);
    expect((await update('pair.quiet')).status).toBe(400);
    // A kind about a person (a mentor's pause) is not the program's to turn off.
    const personal = await update(['mentor-pause.ending']);
    expect([personal.status, personal.body.details]).toEqual([
      400,
      [
        {
          field: 'settings.disabledNotificationKinds.0',
          problems: ['is not sent per program, so a program cannot turn it off: mentor-pause.ending'],
        },
      ],
    ]);

    // Turned off after the nudges were made: they are settled unseen and unsent when due.
    const off = await update(['pair.quiet']);
    expect([off.status, off.body.settings.disabledNotificationKinds]).toEqual([200, ['pair.quiet']]);
    clock().advance(11 * DAY_MS);
    const sentBefore = system.sink.messages.length;
    for (const nudge of await notifications(matchId, 'pair.quiet')) await deliver(nudge.id);
    const settled = await notifications(matchId, 'pair.quiet');
    expect(settled.map((row) => [row.delivered_at !== null, row.shown_in_app, row.email_state])).toEqual([
      [true, false, 'off'],
      [true, false, 'off'],
    ]);
    expect((await inbox(people.mentee)).some((n) => n.subjectId === matchId)).toBe(false);
    // Other kinds of the same match still go: the coordinator's alert.
    const [alert] = await notifications(matchId, 'pair.quiet-alert');
    clock().advance(7 * DAY_MS);
    await deliver(alert!.id);
    expect((await inbox(people.coordinator)).some((n) => n.id === alert!.id)).toBe(true);
    await system.sink.waitFor((m) => m.to.includes(people.coordinator.email) && m.raw.includes('quiet'));
    expect(
      system.sink.messages.slice(sentBefore).filter((m) => m.to.includes(people.mentee.email)),
    ).toHaveLength(0);

    // Turned on again: the next stretch's nudge is delivered.
    expect((await update([])).status).toBe(200);
    await call('POST', people.mentor, `matches/${matchId}/check-ins`, { heldOn: day(), durationMinutes: 30 });
    clock().advance(11 * DAY_MS);
    const [next] = (await notifications(matchId, 'pair.quiet')).filter(
      (row) => row.delivered_at === null && row.recipient_user_id === people.mentee.id,
    );
    await deliver(next!.id);
    expect((await inbox(people.mentee)).some((n) => n.id === next!.id)).toBe(true);
  });
});
