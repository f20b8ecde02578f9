import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { Clock } from '@mentorship/platform';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { PlanMeetingDto, PlannedMeetingViewDto } from './dto/check-in.dto';
import { MatchAccessService } from './match-access.service';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { CheckInRepository, type PlannedMeetingRow } from './repositories/check-in.repository';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/** The .ics file of a match's next meeting. */
export interface MeetingCalendar {
  filename: string;
  body: string;
}

/**
 * The next meeting of a match (issue 9.5): planned by its mentee or mentor in their own time
 * zone (their profile's IANA zone, UTC if unset), exported as an iCalendar file that carries
 * that zone (VTIMEZONE and TZID), so calendars show it at the organizer's local time.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly access: MatchAccessService,
    private readonly meetings: CheckInRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async plan(matchId: string, input: PlanMeetingDto): Promise<PlannedMeetingViewDto> {
    const { caller } = await this.access.asSide(matchId);
    const timeZone = (await this.meetings.timeZoneOf(caller.userId)) ?? 'UTC';
    const start = DateTime.fromISO(input.startsAt, { zone: timeZone });
    // A local time that does not exist in the zone (skipped by a clock change) moves; refuse it.
    if (!start.isValid || start.toFormat("yyyy-MM-dd'T'HH:mm") !== input.startsAt)
      throw MentorshipsException.invalidFields([
        { field: 'startsAt', problems: [`not a time that exists in ${timeZone}`] },
      ]);
    if (start.toJSDate() <= this.clock.now())
      throw MentorshipsException.invalidFields([{ field: 'startsAt', problems: ['must be in the future'] }]);
    await this.meetings.planMeeting({
      matchId,
      startsAt: start.toJSDate(),
      durationMinutes: input.durationMinutes,
      timeZone,
      location: input.location ?? '',
      agenda: input.agenda ?? '',
      plannedBy: caller.userId,
      plannedAt: this.clock.now(),
    });
    await this.audit.record({
      action: MentorshipsAudit.meetingPlanned,
      target: { type: 'match', id: matchId },
      details: { startsAt: start.toUTC().toISO(), timeZone, durationMinutes: input.durationMinutes },
    });
    return this.get(matchId);
  }

  async get(matchId: string): Promise<PlannedMeetingViewDto> {
    await this.access.see(matchId);
    return toView(await this.planned(matchId));
  }

  async calendar(matchId: string): Promise<MeetingCalendar> {
    const { match } = await this.access.see(matchId);
    const meeting = await this.planned(matchId);
    // ical-generator writes a UTC "zone" as a floating time (no Z, no TZID): UTC goes as instants.
    const utc = UTC_ZONES.has(meeting.timeZone);
    const start = DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone });
    const end = start.plus({ minutes: meeting.durationMinutes });
    const calendar = ical({
      prodId: { company: 'Mentorship Map', product: 'mentorship-map', language: 'EN' },
      name: 'Mentoring',
      ...(utc ? {} : { timezone: { name: meeting.timeZone, generator: getVtimezoneComponent } }),
    });
    calendar.createEvent({
      // One event per match: re-planning sends the same UID with a higher SEQUENCE.
      id: `meeting-${match.id}@mentorship-map`,
      sequence: meeting.sequence,
      start: utc ? start.toJSDate() : start,
      end: utc ? end.toJSDate() : end,
      ...(utc ? {} : { timezone: meeting.timeZone }),
      stamp: meeting.plannedAt,
      summary: 'Mentoring conversation',
      description: meeting.agenda || null,
      location: meeting.location || null,
      status: ICalEventStatus.CONFIRMED,
    });
    return { filename: 'next-meeting.ics', body: calendar.toString() };
  }

  private async planned(matchId: string): Promise<PlannedMeetingRow> {
    const meeting = await this.meetings.meetingOf(matchId);
    if (!meeting) throw MentorshipsException.meetingNotPlanned();
    return meeting;
  }
}

function toView(meeting: PlannedMeetingRow): PlannedMeetingViewDto {
  return {
    matchId: meeting.matchId,
    startsAt: meeting.startsAt.toISOString(),
    localStart: DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone }).toFormat(
      "yyyy-MM-dd'T'HH:mm",
    ),
    timeZone: meeting.timeZone,
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    agenda: meeting.agenda,
    plannedBy: meeting.plannedBy,
    sequence: meeting.sequence,
  };
}
