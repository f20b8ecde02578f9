import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { MentorshipsNotifications } from '@mentorship/mentorships';
import { notificationDeliveryJob, NotificationsService } from '@mentorship/notifications';
import { JobQueueService, jobKeyOf, TenancyService } from '@mentorship/platform';
import {
  HttpClient,
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  type SmtpSink,
  type TestDatabase,
} from '@mentorship/testing';
import type { Queue } from 'bullmq';

/** A batch of reminders made through the real rule entry point (`NotificationsService.notify`). */
export interface ReminderBatch {
  organizationId: string;
  /** Notification ids, in the order made (reminder #0, #1, …). */
  ids: string[];
  /** In every reminder's title, so its email is told apart in the sink. */
  marker: string;
}

/**
 * `count` morning reminders to `recipients` members of a new organization, each its own
 * notification (its own key), due at `due`: in the past, their delivery jobs may run at once; in
 * the future, they wait in BullMQ as delayed jobs. Made in one tenant transaction, so they reach
 * the outbox together (and BullMQ when the caller's relay or the API's nudge moves them).
 */
export async function makeReminderBatch(
  app: INestApplication,
  http: HttpClient,
  db: Pick<TestDatabase, 'query'>,
  options: { count: number; recipients: number; due: Date },
): Promise<ReminderBatch> {
  const marker = `R${randomBytes(4).toString('hex')}`;
  const admin = await makeUser(http);
  const org = await makeOrganization(http, admin, `Reminders ${marker}`);
  const members = await makeMembersInBulk(db, org.id, options.recipients, marker.toLowerCase());
  const notifications = app.get(NotificationsService);
  await app.get(TenancyService).runInTenant(org.id, async () => {
    for (let i = 0; i < options.count; i++) {
      const member = members[i % members.length]!;
      const made = await notifications.notify({
        kind: MentorshipsNotifications.trialHalfway,
        recipient: { userId: member.id, email: member.email, name: member.displayName, timeZone: 'UTC' },
        key: `${marker}.${i}`,
        title: `${marker} reminder #${i}`,
        body: 'A reminder of a fault test.',
        due: options.due,
      });
      if (!made) throw new Error(`reminder ${i} was not made`);
    }
  });
  const rows = await db.query<{ id: string; title: string }>(
    `SELECT id, title FROM notifications WHERE organization_id = $1`,
    [org.id],
  );
  const numberOf = (title: string) => Number(/#(\d+)$/.exec(title)?.[1]);
  const ids = rows.sort((a, b) => numberOf(a.title) - numberOf(b.title)).map((row) => row.id);
  return { organizationId: org.id, ids, marker };
}

/** The reminders queue, as the API's producer sees it. */
export function remindersQueue(app: INestApplication): Queue {
  return app.get(JobQueueService).queue(notificationDeliveryJob.queue);
}

export interface BatchTally {
  /** Rows of the batch in the notification table. */
  rows: number;
  /** Rows delivered, shown in the centre, with their email recorded as sent. */
  deliveredAndSent: number;
  /** Emails the sink accepted, per reminder number (#0 …). */
  emailsPerReminder: number[];
  /** Emails of this batch the sink accepted, all told. */
  emails: number;
}

/** What the batch left in Postgres and at the SMTP sink. */
export async function tallyBatch(
  db: Pick<TestDatabase, 'query'>,
  sink: SmtpSink,
  batch: ReminderBatch,
): Promise<BatchTally> {
  const [row] = await db.query<{ rows: number; done: number }>(
    `SELECT count(*)::int AS rows,
            count(*) FILTER (WHERE delivered_at IS NOT NULL AND shown_in_app AND email_state = 'sent')::int AS done
       FROM notifications WHERE organization_id = $1`,
    [batch.organizationId],
  );
  const emailsPerReminder = batch.ids.map(() => 0);
  let emails = 0;
  const subject = new RegExp(`^Subject: ${batch.marker} reminder #(\\d+)\\r?$`, 'm');
  for (const message of sink.messages) {
    const number = subject.exec(message.raw)?.[1];
    if (number === undefined) continue;
    emails++;
    emailsPerReminder[Number(number)]! += 1;
  }
  return { rows: row!.rows, deliveredAndSent: row!.done, emailsPerReminder, emails };
}

/** Every reminder of the batch exactly once in the table and once at the sink: what the tests expect. */
export function exactlyOnce(batch: ReminderBatch): BatchTally {
  const count = batch.ids.length;
  return { rows: count, deliveredAndSent: count, emailsPerReminder: batch.ids.map(() => 1), emails: count };
}

/** The batch's delivery jobs as BullMQ holds them. */
export function batchJobs(queue: Queue, batch: ReminderBatch) {
  return Promise.all(
    batch.ids.map((notificationId) =>
      queue.getJob(
        jobKeyOf(notificationDeliveryJob, { organizationId: batch.organizationId, notificationId }),
      ),
    ),
  );
}

/** No delivery job of the batch is waiting, delayed, running or failed: nothing more will happen. */
export async function batchSettled(queue: Queue, batch: ReminderBatch): Promise<boolean> {
  const jobs = await batchJobs(queue, batch);
  const states = await Promise.all(jobs.map((job) => job?.getState()));
  return states.every((state) => state === 'completed');
}
