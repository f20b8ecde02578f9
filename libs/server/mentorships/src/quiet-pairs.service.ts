import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationsService, startOfLocalDay } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { Clock, TenantContext } from '@mentorship/platform';
import { DateTime } from 'luxon';
import type { MatchEntity } from './entities/match.entity';
import { MatchLifecycleService } from './match-lifecycle.service';
import { reachableSides, MentorshipsNotifications } from './mentorships.notifications';
import { CheckInRepository } from './repositories/check-in.repository';
import { MatchRepository } from './repositories/match.repository';

/** How long after the pair's nudge their coordinators hear that they are still quiet. */
export const QUIET_ALERT_AFTER_DAYS = 7;

/**
 * Pairs that go quiet: an active match with no check-in for the program's `quietDays` (from its
 * latest check-in, or from when it became active) nudges both sides; still quiet a week later, the
 * organization's coordinators are told. Both are recorded ahead, as delayed notifications, when
 * the quiet stretch starts: each check-in takes them back and starts a new stretch, a match that
 * ends takes them back for good.
 */
@Injectable()
export class QuietPairsService implements OnModuleInit {
  constructor(
    private readonly lifecycle: MatchLifecycleService,
    private readonly matches: MatchRepository,
    private readonly checkIns: CheckInRepository,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onTransition(async ({ match, to }) => {
      if (to === 'active') await this.quietFrom(match, this.clock.now().toISOString().slice(0, 10));
      else if (to !== 'trial') await this.withdraw(match.id);
    });
  }

  /** A check-in was logged on `heldOn`: the quiet stretch starts again from the latest meeting. */
  async checkInLogged(match: MatchEntity, heldOn: string): Promise<void> {
    if (match.status !== 'active') return;
    const latest = await this.checkIns.latestHeldOn(match.id);
    await this.quietFrom(match, latest && latest > heldOn ? latest : heldOn);
  }

  private async withdraw(matchId: string): Promise<void> {
    await this.notifications.withdrawAll(QUIET, `${matchId}:`);
    await this.notifications.withdrawAll(ALERT, `${matchId}:`);
  }

  private async quietFrom(match: MatchEntity, lastMetOn: string): Promise<void> {
    await this.withdraw(match.id);
    const quietDays = await this.matches.quietDaysOf(match.id);
    const quietOn = plusDays(lastMetOn, quietDays);
    const alertOn = plusDays(lastMetOn, quietDays + QUIET_ALERT_AFTER_DAYS);
    const coordinators = await this.matches.coordinatorsOf(match.id);
    const contacts = await this.profiles.contactsOf([
      match.menteeUserId,
      match.mentorUserId,
      ...coordinators,
    ]);
    const name = (userId: string, fallback: string) => contacts.get(userId)?.name ?? fallback;
    const link = `/orgs/${TenantContext.organizationId()}/matches/${match.id}`;
    const subject = { type: 'match', id: match.id };
    for (const { recipient, otherName } of reachableSides(match, contacts, 'your partner')) {
      await this.notifications.notify({
        kind: QUIET,
        recipient,
        key: `${match.id}:${lastMetOn}:${recipient.userId}`,
        title: `It has gone quiet with ${otherName}`,
        body:
          `No check-in with ${otherName} has been logged for ${quietDays} days. A short conversation keeps ` +
          'the mentorship going: agree on a time, then log it.',
        link,
        subject,
        due: this.dueOn(quietOn, recipient.timeZone),
      });
    }
    const pair = `${name(match.menteeUserId, 'a mentee')} and ${name(match.mentorUserId, 'their mentor')}`;
    for (const coordinator of coordinators) {
      const recipient = contacts.get(coordinator);
      if (!recipient) continue;
      await this.notifications.notify({
        kind: ALERT,
        recipient,
        key: `${match.id}:${lastMetOn}:${coordinator}`,
        title: `${pair} have gone quiet`,
        body:
          `${pair} have logged no check-in for ${quietDays + QUIET_ALERT_AFTER_DAYS} days, and were nudged a ` +
          'week ago. A word from you may help them restart, or end the match kindly.',
        link,
        subject,
        due: this.dueOn(alertOn, recipient.timeZone),
      });
    }
  }

  /** The start of `day` in the recipient's zone, or now when that has passed. */
  private dueOn(day: string, zone: string | null): Date {
    return new Date(Math.max(startOfLocalDay(day, zone).getTime(), this.clock.now().getTime()));
  }
}

function plusDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toFormat('yyyy-MM-dd');
}

const QUIET = MentorshipsNotifications.pairQuiet;
const ALERT = MentorshipsNotifications.pairQuietAlert;
