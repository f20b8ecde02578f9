import { Injectable } from '@nestjs/common';
import { AppConfig, type NotificationKind } from '@mentorship/platform';
import type { NotificationEntity } from './entities/notification.entity';
import type { OutgoingEmail } from './mail-transport.service';
import { UnsubscribeTokens } from './unsubscribe-tokens.service';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Everything a notification carries is text: escaped in the HTML part, never markup. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/**
 * A notification as an email: a plain-text part and an HTML part rendered from the same
 * template, a link to the thing it is about, and a link that turns this kind's email off
 * without signing in (also as `List-Unsubscribe`, for mail clients' own button, RFC 8058).
 */
@Injectable()
export class NotificationEmailService {
  constructor(
    private readonly config: AppConfig,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  compose(notification: NotificationEntity, kind: NotificationKind): OutgoingEmail {
    const open = notification.link ? new URL(notification.link, this.config.publicUrl).toString() : null;
    const unsubscribe = this.tokens.url({
      organizationId: notification.organizationId,
      userId: notification.recipientUserId,
      kind: kind.id,
    });
    const why = `You get this email because “${kind.label}” emails are on for you in Mentorship Map.`;
    const text = [
      `Hello ${notification.recipientName},`,
      '',
      notification.body,
      ...(open ? ['', `Open it: ${open}`] : []),
      '',
      '—',
      why,
      `Turn them off: ${unsubscribe}`,
    ].join('\n');
    const paragraph = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
    const html = [
      '<!doctype html>',
      `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(notification.title)}</title></head>`,
      '<body style="font-family:Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1f">',
      paragraph(`Hello ${escapeHtml(notification.recipientName)},`),
      paragraph(escapeHtml(notification.body).replace(/\n/g, '<br>')),
      open
        ? paragraph(
            `<a href="${escapeHtml(open)}" style="color:#0b57d0;font-weight:500">Open it in Mentorship Map</a>`,
          )
        : '',
      `<p style="margin:32px 0 0;font-size:13px;color:#5e5e62">${escapeHtml(why)} ` +
        `<a href="${escapeHtml(unsubscribe)}" style="color:#5e5e62">Turn them off</a>.</p>`,
      '</body></html>',
    ].join('\n');
    return {
      to: notification.recipientEmail,
      subject: notification.title,
      text,
      html,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
    };
  }
}
