import type { ErrorBody } from '@mentorship/contracts';
import { TrialHalfwayJob } from '@mentorship/mentorships';
import { MentorshipsNotifications } from '@mentorship/mentorships';
import {
  DeliveryTimeService,
  NotificationDeliveryJob,
  NotificationDigestJob,
  NotificationsService,
  type NotificationPageDto,
  type NotificationPreferencesDto,
  type UnsubscribeViewDto,
} from '@mentorship/notifications';
import { InvitationTokens } from '@mentorship/organizations';
import { Clock, TenancyService, type JobRun } from '@mentorship/platform';
import {
  countRoundTrips,
  makeMember,
  makeOrganization,
  makeUser,
  type SignedUpUser,
  useTestSystem,
} from '@mentorship/testing';
import { enrollingCohortOfNewProgram, trialMatch } from './support/cohort-matches';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The notification centre, end to end on the real services: a trial's halfway nudge made once
 * per side, delivered at 09:00 in each recipient's zone, in the app and by email (SMTP sink)
 * as each member chose, read and unread, and the unsubscribe link that needs no sign-in.
 */
describe('notifications: the trial halfway nudge, the centre, email and unsubscribe', () => {
  const system = useTestSystem({ config: { publicUrl: 'http://admin.example.test' } });
  let orgId: string;
  let otherOrgId: string;
  const people = {} as Record<'admin' | 'mentor' | 'mentee' | 'outsider', SignedUpUser>;
  let matchId: string;
  const http = () => system.http;
  const app = () => system.api.app;
  // As the worker runs a job's tenant transactions (JobWorkerService).
  const inTenant = <T>(work: () => Promise<T>) => app().get(TenancyService).runJobInTenant(orgId, work);
  const run = (key: string): JobRun => ({ jobId: 'test', key, attemptsMade: 0, inTenant });
  const rows = () =>
    system.api.db
      .query<{
        id: string;
        recipient_user_id: string;
        deliver_at: Date;
        email_state: string;
        shown_in_app: boolean;
      }>(
        `SELECT id, recipient_user_id, deliver_at, email_state, shown_in_app FROM notifications
          WHERE organization_id = $1 ORDER BY recipient_user_id`,
        [orgId],
      )
      .then((result) => result);
  const rowOf = async (user: SignedUpUser) =>
    (await rows()).find((row) => row.recipient_user_id === user.id)!;
  const deliver = (notificationId: string) =>
    app()
      .get(NotificationDeliveryJob)
      .handle({ organizationId: orgId, notificationId }, run(`delivery.${notificationId}`));
  const inbox = (who: SignedUpUser, query = '') =>
    http().get<NotificationPageDto>(`/api/v1/orgs/${orgId}/notifications${query}`, who.token);
  const unread = async (who: SignedUpUser) =>
    (await http().get<{ unread: number }>(`/api/v1/orgs/${orgId}/notifications/unread-count`, who.token)).body
      .unread;
  /** The nudge emails to `user` (invitations reached the same addresses earlier). */
  const emailsTo = (user: SignedUpUser) =>
    system.sink.messages.filter(
      (m) => m.to.includes(user.email) && m.raw.includes('Halfway through your trial'),
    );

  beforeAll(async () => {
    people.admin = await makeUser(http());
    orgId = (await makeOrganization(http(), people.admin, 'Nudge Org')).id;
    const accept = (id: string) => app().get(InvitationTokens).issue(orgId, id);
    people.mentor = await makeMember(http(), people.admin, orgId, ['mentor'], accept);
    people.mentee = await makeMember(http(), people.admin, orgId, ['mentee'], accept);
    people.outsider = await makeUser(http());
    otherOrgId = (await makeOrganization(http(), people.outsider, 'Other Org')).id;
    // Kathmandu is UTC+05:45, New York UTC-05:00/-04:00: each gets their own 09:00.
    for (const [who, timeZone] of [
      [people.mentee, 'Asia/Kathmandu'],
      [people.mentor, 'America/New_York'],
    ] as const)
      expect((await http().patch(`/api/v1/orgs/${orgId}/profiles/me`, { timeZone }, who.token)).status).toBe(
        200,
      );
    const cohortId = await enrollingCohortOfNewProgram(
      http(),
      orgId,
      people.admin,
      { name: 'Nudged', settings: { trialDays: 14 } },
      'Nudged cohort',
    );
    matchId = await trialMatch(system, orgId, cohortId, people);
  });

  it('makes one nudge per side at halfway, due at 09:00 on a working day in each one’s zone', async () => {
    const halfway = () =>
      app()
        .get(TrialHalfwayJob)
        .handle({ organizationId: orgId, matchId }, run(`trial-halfway.${matchId}`));
    await halfway();
    expect(await rows()).toEqual([]);
    app()
      .get(Clock)
      .advance(7 * DAY_MS);
    await halfway();
    await halfway();
    const made = await rows();
    expect(made).toHaveLength(2);
    const now = app().get(Clock).now();
    const times = app().get(DeliveryTimeService);
    expect((await rowOf(people.mentee)).deliver_at.toISOString()).toBe(
      times.deliveryAt(now, 'Asia/Kathmandu').toISOString(),
    );
    expect((await rowOf(people.mentor)).deliver_at.toISOString()).toBe(
      times.deliveryAt(now, 'America/New_York').toISOString(),
    );
    expect(made.every((row) => row.email_state === 'pending' && !row.shown_in_app)).toBe(true);
    // Not delivered yet: the centre is empty.
    expect((await inbox(people.mentee)).body.total).toBe(0);
    expect(await unread(people.mentee)).toBe(0);
  });

  it('refuses a preferences update naming an unknown kind, and changes nothing', async () => {
    const refused = await http().patch<ErrorBody>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      {
        kinds: [
          { kind: 'trial.halfway', inApp: true, email: false },
          { kind: 'no.such-kind', inApp: true, email: true },
        ],
      },
      people.mentor.token,
    );
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      400,
      'validation_failed',
      [{ field: 'kinds[1].kind', problems: ['is not a kind of notification: no.such-kind'] }],
    ]);
    const malformed = await http().patch<ErrorBody>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      { kinds: [{ kind: 'trial.halfway', inApp: 'yes', email: false }] },
      people.mentor.token,
    );
    expect([malformed.status, malformed.body.code]).toEqual([400, 'validation_failed']);
    const mine = await http().get<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      people.mentor.token,
    );
    expect(mine.body.kinds.find((k) => k.kind === 'trial.halfway')).toMatchObject({
      inApp: true,
      email: true,
    });
  });

  it('delivers in the app and by email as each member chose, once however often it runs', async () => {
    // The mentor wants this kind in the app only.
    const chosen = await http().patch<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      { kinds: [{ kind: 'trial.halfway', inApp: true, email: false }] },
      people.mentor.token,
    );
    expect(chosen.body.kinds.find((k) => k.kind === 'trial.halfway')).toMatchObject({
      label: 'Trial halfway',
      timing: 'morning',
      inApp: true,
      email: false,
    });
    for (const row of await rows()) {
      // One delivery, counted at the pg driver: one simple query (BEGIN, the tenant, the one
      // statement that reads the choice and the program's gate, stamps the row and claims its
      // email, COMMIT); after the send one more recording it sent. Not emailed: the first alone.
      const { statements } = await countRoundTrips(() => deliver(row.id));
      // (A pooled connection's first use prepares each statement once: not counted.)
      const trips = statements.filter((sql) => !sql.startsWith('PREPARE'));
      expect(trips.length).toBe(row.recipient_user_id === people.mentee.id ? 2 : 1);
      await deliver(row.id);
    }
    const email = await system.sink.waitFor(
      (m) => m.to.includes(people.mentee.email) && m.raw.includes('Halfway through your trial'),
    );
    expect(emailsTo(people.mentee)).toHaveLength(1);
    expect(emailsTo(people.mentor)).toHaveLength(0);
    expect((await rowOf(people.mentee)).email_state).toBe('sent');
    expect((await rowOf(people.mentor)).email_state).toBe('off');
    // A plain-text part and an HTML part, and the one-click unsubscribe header.
    expect(email.raw).toContain('Content-Type: text/plain');
    expect(email.raw).toContain('Content-Type: text/html');
    expect(email.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/admin\.example\.test\/unsubscribe\?token=/);

    for (const who of [people.mentee, people.mentor]) {
      const page = await inbox(who);
      expect(page.body.total).toBe(1);
      expect(page.body.items[0]).toMatchObject({
        kind: 'trial.halfway',
        subjectType: 'match',
        subjectId: matchId,
        link: `/orgs/${orgId}/matches/${matchId}`,
        readAt: null,
      });
      expect(page.body.items[0]?.title).toMatch(/^Halfway through your trial with /);
      expect(await unread(who)).toBe(1);
    }
  });

  it('marks read one’s own notifications only; another member’s or organization’s is not found', async () => {
    const [mine] = (await inbox(people.mentee)).body.items;
    const theirs = await http().post<ErrorBody>(
      `/api/v1/orgs/${orgId}/notifications/${mine!.id}/read`,
      {},
      people.mentor.token,
    );
    expect([theirs.status, theirs.body.code]).toEqual([404, 'notification_not_found']);
    const read = await http().post<{ readAt: string | null }>(
      `/api/v1/orgs/${orgId}/notifications/${mine!.id}/read`,
      {},
      people.mentee.token,
    );
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(await unread(people.mentee)).toBe(0);
    expect((await inbox(people.mentee, '?unread=true')).body.total).toBe(0);
    expect(await unread(people.mentor)).toBe(1);
    const all = await http().post<{ marked: number }>(
      `/api/v1/orgs/${orgId}/notifications/read-all`,
      {},
      people.mentor.token,
    );
    expect(all.body.marked).toBe(1);
    expect(await unread(people.mentor)).toBe(0);
    // Another organization's member: the organization is not theirs (404, not 403, no data).
    for (const path of ['notifications', 'notifications/unread-count', 'notification-preferences']) {
      const outside = await http().get<ErrorBody>(`/api/v1/orgs/${orgId}/${path}`, people.outsider.token);
      expect([outside.status, outside.body.code]).toEqual([404, 'organization_not_found']);
    }
    const foreign = await http().post<ErrorBody>(
      `/api/v1/orgs/${otherOrgId}/notifications/${mine!.id}/read`,
      {},
      people.outsider.token,
    );
    expect([foreign.status, foreign.body.code]).toEqual([404, 'notification_not_found']);
    const badId = await http().post<ErrorBody>(
      `/api/v1/orgs/${orgId}/notifications/not-a-uuid/read`,
      {},
      people.mentee.token,
    );
    expect([badId.status, badId.body.code]).toEqual([404, 'notification_not_found']);
  });

  it('turns one kind’s email off from the email’s link, without signing in', async () => {
    const [email] = emailsTo(people.mentee);
    const unfolded = email!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = new URL(/http:\/\/admin\.example\.test\/unsubscribe\?token=[^\s">]+/.exec(unfolded)![0]);
    const token = link.searchParams.get('token')!;
    const path = `/api/v1/unsubscribe/${encodeURIComponent(token)}`;
    // Reading the link (as a mail scanner does) changes nothing.
    const seen = await http().get<UnsubscribeViewDto>(path);
    expect([seen.status, seen.body]).toEqual([
      200,
      { kind: 'trial.halfway', label: 'Trial halfway', email: true },
    ]);
    const off = await http().post<UnsubscribeViewDto>(path, {});
    expect([off.status, off.body.email]).toEqual([200, false]);
    expect((await http().post<UnsubscribeViewDto>(path, {})).body.email).toBe(false);
    const mine = await http().get<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      people.mentee.token,
    );
    expect(mine.body.kinds.find((k) => k.kind === 'trial.halfway')).toMatchObject({
      inApp: true,
      email: false,
    });
    // A link cut short or changed is not ours: 404 with a stable code, and nothing written.
    for (const bad of [
      token.slice(0, -3),
      token.replace(people.mentee.id, people.mentor.id),
      'x',
      `${token}.x`,
    ]) {
      const refused = await http().post<ErrorBody>(`/api/v1/unsubscribe/${encodeURIComponent(bad)}`, {});
      expect([refused.status, refused.body.code]).toEqual([404, 'unsubscribe_link_invalid']);
    }
    const mentorChoice = await http().get<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      people.mentor.token,
    );
    expect(mentorChoice.body.kinds.find((k) => k.kind === 'trial.halfway')).toMatchObject({
      inApp: true,
      email: false,
    });
  });

  it('reminds a mentor a few days before their pause ends, and follows a changed or ended pause', async () => {
    const day = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
    const pauseRows = () =>
      system.api.db.query<{ idempotency_key: string; deliver_at: Date }>(
        `SELECT idempotency_key, deliver_at FROM notifications
          WHERE organization_id = $1 AND kind = 'mentor-pause.ending' ORDER BY created_at`,
        [orgId],
      );
    const pause = (body: object) =>
      http().patch(`/api/v1/orgs/${orgId}/profiles/me`, body, people.mentor.token);
    expect((await pause({ paused: true, pauseEndsOn: day(10) })).status).toBe(200);
    const [first] = await pauseRows();
    expect(first?.idempotency_key).toBe(`mentor-pause.ending:${people.mentor.id}:${day(10)}`);
    // Before the day it ends (New York's midnight), and not earlier than three days before.
    const endsAt = new Date(`${day(10)}T05:00:00Z`).getTime();
    expect(first!.deliver_at.getTime()).toBeLessThan(endsAt);
    expect(first!.deliver_at.getTime()).toBeGreaterThan(endsAt - 4 * DAY_MS);
    // Saving the profile again changes nothing; another end date replaces the reminder.
    await pause({ paused: true, pauseEndsOn: day(10) });
    expect(await pauseRows()).toHaveLength(1);
    await pause({ pauseEndsOn: day(20) });
    expect((await pauseRows()).map((row) => row.idempotency_key)).toEqual([
      `mentor-pause.ending:${people.mentor.id}:${day(20)}`,
    ]);
    // Back from the pause early: nothing left to remind.
    await pause({ paused: false });
    expect(await pauseRows()).toEqual([]);
  });

  it('folds a morning’s reminders into one daily digest email for a member who asks for it', async () => {
    const digestOn = await http().patch<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      { dailyDigest: true, kinds: [{ kind: 'trial.halfway', inApp: true, email: true }] },
      people.mentee.token,
    );
    expect(digestOn.body.dailyDigest).toBe(true);
    const due = app().get(Clock).now();
    await inTenant(async () => {
      for (const n of [1, 2])
        await app()
          .get(NotificationsService)
          .notify({
            kind: MentorshipsNotifications.trialHalfway,
            recipient: {
              userId: people.mentee.id,
              email: people.mentee.email,
              name: 'Mia',
              timeZone: 'Asia/Kathmandu',
            },
            key: `digest-${n}`,
            title: `Digest item ${n}`,
            body: `Body of item ${n}`,
            due,
          });
    });
    const made = await system.api.db.query<{ id: string }>(
      `SELECT id FROM notifications WHERE organization_id = $1 AND idempotency_key LIKE 'trial.halfway:digest-%'`,
      [orgId],
    );
    expect(made).toHaveLength(2);
    for (const row of made) await deliver(row.id);
    const digestEmails = () =>
      system.sink.messages.filter((m) => m.to.includes(people.mentee.email) && m.raw.includes('Digest item'));
    // Delivered in the centre at once; the email waits for the digest.
    expect(digestEmails()).toHaveLength(0);
    expect(made.length).toBe(2);
    const states = async () =>
      (
        await system.api.db.query<{ email_state: string }>(
          `SELECT email_state FROM notifications WHERE organization_id = $1 AND idempotency_key LIKE 'trial.halfway:digest-%'`,
          [orgId],
        )
      ).map((row) => row.email_state);
    expect(await states()).toEqual(['digest', 'digest']);
    const slot = String((await rowOf(people.mentee)).deliver_at.getTime());
    const digest = () =>
      app()
        .get(NotificationDigestJob)
        .handle(
          { organizationId: orgId, userId: people.mentee.id, slot },
          run(`notification-digest.${people.mentee.id}.${slot}`),
        );
    await digest();
    await digest();
    const [email] = await Promise.all([
      system.sink.waitFor((m) => m.to.includes(people.mentee.email) && m.raw.includes('Digest item')),
    ]);
    expect(digestEmails()).toHaveLength(1);
    expect(email.raw).toContain('Your reminders: 2 today');
    expect(email.raw).toContain('Digest item 1');
    expect(email.raw).toContain('Digest item 2');
    expect(await states()).toEqual(['sent', 'sent']);
  });
});
