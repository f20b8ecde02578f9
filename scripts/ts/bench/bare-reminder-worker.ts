/*
 * The baseline of `npm run bench:reminders`: a bare BullMQ worker, none of our code, doing what a
 * delivery must at the least: write the in-app row and hand the email (text and HTML) to SMTP.
 * Same concurrency and pool size as our worker. Started by scripts/ts/bench-reminders.ts.
 */
import { Worker } from 'bullmq';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';

interface BareReminder {
  organizationId: string;
  id: string;
  userId: string;
  email: string;
  name: string;
  title: string;
  body: string;
}

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 10 });
const transport = createTransport(env('SMTP_URL'));
const redis = new URL(env('REDIS_URL'));

const worker = new Worker<BareReminder>(
  env('BARE_QUEUE'),
  async (job) => {
    const r = job.data;
    await pool.query(
      `INSERT INTO bare_notifications (organization_id, id, recipient_user_id, title, body, delivered_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [r.organizationId, r.id, r.userId, r.title, r.body],
    );
    await transport.sendMail({
      from: 'Mentorship Map <no-reply@mentorship-map.local>',
      to: r.email,
      subject: r.title,
      text: `Hello ${r.name},\n\n${r.body}\n`,
      html: `<!doctype html><p>Hello ${r.name},</p><p>${r.body}</p>`,
    });
  },
  {
    connection: { host: redis.hostname, port: Number(redis.port || 6379), maxRetriesPerRequest: null },
    prefix: env('REDIS_PREFIX'),
    concurrency: 4,
  },
);
worker.on('ready', () => console.log('bare worker started'));
process.on('SIGTERM', () => {
  void worker
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
