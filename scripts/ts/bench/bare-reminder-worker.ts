/*
 * The baseline of `npm run bench:reminders`: a bare BullMQ worker, none of our code, doing what a
 * delivery must at the least: write the in-app row and hand the email (text and HTML) to SMTP.
 * Same concurrency and pool size as our worker, and the same SMTP transport (nodemailer's pool
 * and sockets without Nagle's delay, as `MailTransport` makes it): the difference measured is our
 * code, not a transport setting.
 * Started by scripts/ts/bench-reminders.ts.
 */
import { createHmac } from 'node:crypto';
import { Worker } from 'bullmq';
import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { Pool } from 'pg';

interface BareReminder {
  organizationId: string;
  id: string;
  userId: string;
  email: string;
  name: string;
  title: string;
  body: string;
  link: string;
}

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 10 });
const smtp = new URL(env('SMTP_URL'));
smtp.searchParams.set('pool', 'true'); // as MailTransport's pooled()
const transport = createTransport(<SMTPPool.Options>{
  ...parseConnectionUrl(smtp.toString()),
  // As MailTransport's connectWithoutNagle (written out: none of our code here): the socket
  // without Nagle's algorithm, or each email waits ~40 ms for the sink's delayed ACK.
  getSocket: (options: SMTPPool.Options, callback: (error: Error | null, socketOptions?: object) => void) => {
    const socket = connect({ host: options.host, port: Number(options.port), noDelay: true });
    socket.once('error', (error) => callback(error, undefined));
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      callback(null, { connection: socket });
    });
  },
});
const redis = new URL(env('REDIS_URL'));
const KIND = 'trial.halfway';
const LABEL = 'Trial halfway';

/**
 * The same email as ours, in size and parts (text and HTML, a signed per-kind unsubscribe link,
 * also as List-Unsubscribe), written out by hand: the sink and the socket see the same bytes.
 */
function email(r: BareReminder) {
  const grant = `${r.organizationId}.${r.userId}.${KIND}`;
  const mac = createHmac('sha256', 'bare-bench-key').update(grant).digest('base64url');
  const unsubscribe = `http://localhost:3000/unsubscribe?token=${grant}.${mac}`;
  const why = `You get this email because “${LABEL}” emails are on for you in Mentorship Map.`;
  const p = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const open = `http://localhost:3000${r.link}`;
  return {
    from: 'Mentorship Map <no-reply@mentorship-map.local>',
    to: r.email,
    subject: r.title,
    text: `Hello ${r.name},\n\n${r.body}\n\nOpen it: ${open}\n\n—\n${why}\nTurn them off: ${unsubscribe}`,
    html: [
      '<!doctype html>',
      `<html lang="en"><head><meta charset="utf-8"><title>${r.title}</title></head>`,
      '<body style="font-family:Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1f">',
      p(`Hello ${r.name},`),
      p(r.body),
      p(`<a href="${open}" style="color:#0b57d0;font-weight:500">Open it in Mentorship Map</a>`),
      `<p style="margin:32px 0 0;font-size:13px;color:#5e5e62">${why} ` +
        `<a href="${unsubscribe}" style="color:#5e5e62">Turn them off</a>.</p>`,
      '</body></html>',
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
  };
}

const worker = new Worker<BareReminder>(
  env('BARE_QUEUE'),
  async (job) => {
    const r = job.data;
    await pool.query(
      `INSERT INTO bare_notifications (organization_id, id, recipient_user_id, title, body, delivered_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [r.organizationId, r.id, r.userId, r.title, r.body],
    );
    await transport.sendMail(email(r));
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
    .then(() => transport.close())
    .then(() => pool.end())
    .then(() => process.exit(0));
});
