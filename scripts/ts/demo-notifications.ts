// The demo's notifications: each mentor who has an open request in "Career Conversations" finds a
// reminder of it waiting in their notification centre, and its email is printed by the demo's mail
// sink once the worker starts (it is due on the last working morning, so the worker delivers it at
// once; a sink not listening yet only makes the email wait for its retry). Idempotent: each
// reminder has its key.
import type { INestApplicationContext } from '@nestjs/common';
import { MatchRequestQueryDto, MatchRequestsService } from '@mentorship/matching';
import { DeliveryTimeService, NotificationsService, readableDay } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import type { AuthenticatedUser } from '@mentorship/platform';
import { DateTime } from 'luxon';

type AsMember = <T>(user: AuthenticatedUser, work: () => Promise<T>) => Promise<T>;

export async function seedDemoNotifications(
  app: INestApplicationContext,
  organizationId: string,
  mentee: AuthenticatedUser,
  cohortId: string,
  asMember: AsMember,
): Promise<void> {
  const notifications = app.get(NotificationsService);
  const kind = notifications.kind('match-request.expiring');
  if (!kind) throw new Error('The matching context no longer declares match-request.expiring');
  const sent = await asMember(mentee, () =>
    app
      .get(MatchRequestsService)
      .list('mentee', Object.assign(new MatchRequestQueryDto(), { cohortId, pageSize: 10 })),
  );
  for (const request of sent.items.filter((r) => r.status === 'open')) {
    const contacts = await asMember(mentee, () =>
      app.get(ProfilesService).contactsOf([request.mentor.userId]),
    );
    const mentor = contacts.get(request.mentor.userId);
    if (!mentor) continue;
    await asMember(mentee, () =>
      notifications.notify({
        kind,
        recipient: mentor,
        key: `demo.${request.id}`,
        title: `${request.mentee.displayName} asked you for a first conversation`,
        body:
          `${request.mentee.displayName} asked you: “${request.subject}”. The request expires unanswered on ` +
          `${readableDay(new Date(request.expiresAt), mentor.timeZone)}: accept or decline it, so they know where they stand.`,
        link: `/orgs/${organizationId}/requests/received`,
        subject: { type: 'match_request', id: request.id },
        due: lastWorkingMorning(app, mentor.timeZone),
      }),
    );
  }
}

/** The start of the last working day before today in `zone`: its 09:00 has passed. */
function lastWorkingMorning(app: INestApplicationContext, zone: string | null): Date {
  let day = DateTime.now()
    .setZone(zone ?? 'UTC')
    .startOf('day')
    .minus({ days: 1 });
  while (day.weekday > 5) day = day.minus({ days: 1 });
  const due = day.toJSDate();
  // The product's own rule says when that reaches them: 09:00 that day, which has passed.
  const at = app.get(DeliveryTimeService).deliveryAt(due, zone);
  if (at.getTime() > Date.now()) throw new Error(`The demo reminder would wait until ${at.toISOString()}`);
  return due;
}
