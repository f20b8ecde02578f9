// A year of generated history for the demo organization, so a new admin who opens the analytics
// dashboard sees real curves at once: members who joined (and some who left) over the past
// year, past and running cohorts in both demo programs, match requests, matches that went
// through trial to active, completed or ended, check-ins, pulse answers, end-of-cohort survey
// (NPS) answers and mentorship maps with milestones done.
//
// Deterministic: one seeded random stream, dates counted back from the day of the first seed.
// Fast: every table is written with one bulk INSERT ... SELECT FROM unnest(...) per chunk, in
// one transaction of the demo organization's tenant (row-level security binds as for the API).
// Idempotent: the history's first member is the marker; a second run changes nothing.
//
// The rules it follows are the product's: a request's or an automatic round's match starts in
// trial; `match_events` steps follow MATCH_TRANSITIONS (confirm, end_trial/leave_trial, complete,
// end); one pulse answer per side and period counted from the trial's start; survey answers only
// in closed cohorts, from enrolled participants.
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { RollupService } from '@mentorship/analytics';
import { TenancyService, TenantContext } from '@mentorship/platform';

export const HISTORY_SEED = 20_261_202;
export const HISTORY_EMAIL_DOMAIN = 'history.demo.example';
const DAY = 86_400_000;

/** The demo programs by name, with the cohorts the history gives each (start, days before today). */
export interface HistoryProgram {
  id: string;
  name: string;
  settings: Record<string, unknown>;
}

export interface HistoryMember {
  id: string;
  email: string;
  displayName: string;
  role: 'mentor' | 'mentee';
  joinedAt: Date;
  /** The day their membership ended (they left the organization); null while a member. */
  leftAt: Date | null;
}

export interface HistoryCohort {
  id: string;
  programId: string;
  name: string;
  status: 'running' | 'closed';
  startsOn: Date;
  endsOn: Date;
  settings: Record<string, unknown>;
}

type Row = (string | number | boolean | null)[];

/** Everything the history writes, table by table, as rows of the columns in TABLES. */
export interface DemoHistory {
  members: HistoryMember[];
  cohorts: HistoryCohort[];
  rows: Record<keyof typeof TABLES, Row[]>;
}

/** Column names and Postgres types of every table written (organization_id is added). */
const TABLES = {
  users: [
    ['id', 'uuid'],
    ['email', 'text'],
    ['display_name', 'text'],
    ['password_hash', 'text'],
    ['created_at', 'timestamptz'],
  ],
  memberships: [
    ['user_id', 'uuid'],
    ['roles', 'text[]'],
    ['created_at', 'timestamptz'],
    ['last_used_at', 'timestamptz'],
  ],
  cohorts: [
    ['id', 'uuid'],
    ['program_id', 'uuid'],
    ['name', 'text'],
    ['status', 'text'],
    ['enrollment_opens_on', 'date'],
    ['enrollment_closes_on', 'date'],
    ['starts_on', 'date'],
    ['ends_on', 'date'],
    ['settings_snapshot', 'jsonb'],
    ['settings_frozen_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  cohort_participants: [
    ['id', 'uuid'],
    ['cohort_id', 'uuid'],
    ['email', 'text'],
    ['user_id', 'uuid'],
    ['name', 'text'],
    ['role', 'text'],
    ['status', 'text'],
    ['source', 'text'],
    ['enrolled_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
  match_requests: [
    ['id', 'uuid'],
    ['cohort_id', 'uuid'],
    ['mentee_user_id', 'uuid'],
    ['mentor_user_id', 'uuid'],
    ['status', 'text'],
    ['subject', 'text'],
    ['how_found', 'text'],
    ['want_to_learn', 'text'],
    ['specific_ask', 'text'],
    ['offer_back', 'text'],
    ['decline_reason', 'text'],
    ['match_id', 'uuid'],
    ['expires_at', 'timestamptz'],
    ['decided_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  matches: [
    ['id', 'uuid'],
    ['cohort_id', 'uuid'],
    ['mentor_user_id', 'uuid'],
    ['mentee_user_id', 'uuid'],
    ['status', 'text'],
    ['origin', 'text'],
    ['origin_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['status_changed_at', 'timestamptz'],
    ['exit_reason', 'text'],
    ['exit_reason_code', 'text'],
    ['trial_ends_at', 'timestamptz'],
  ],
  match_events: [
    ['id', 'uuid'],
    ['match_id', 'uuid'],
    ['action', 'text'],
    ['from_status', 'text'],
    ['to_status', 'text'],
    ['actor_user_id', 'uuid'],
    ['actor', 'text'],
    ['reason', 'text'],
    ['reason_code', 'text'],
    ['occurred_at', 'timestamptz'],
  ],
  trial_answers: [
    ['match_id', 'uuid'],
    ['side', 'text'],
    ['continues', 'boolean'],
    ['rating', 'smallint'],
    ['private_note', 'text'],
    ['answered_by', 'uuid'],
    ['answered_at', 'timestamptz'],
  ],
  mentorship_maps: [
    ['match_id', 'uuid'],
    ['version', 'integer'],
    ['content', 'jsonb'],
    ['next_review_on', 'date'],
    ['updated_by', 'uuid'],
    ['updated_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
  map_versions: [
    ['match_id', 'uuid'],
    ['version', 'integer'],
    ['content', 'jsonb'],
    ['next_review_on', 'date'],
    ['changes', 'jsonb'],
    ['changed_by', 'uuid'],
    ['changed_at', 'timestamptz'],
  ],
  check_ins: [
    ['id', 'uuid'],
    ['match_id', 'uuid'],
    ['held_on', 'date'],
    ['duration_minutes', 'integer'],
    ['shared_notes', 'text'],
    ['private_notes', 'text'],
    ['action_items', 'jsonb'],
    ['milestone_progress', 'jsonb'],
    ['logged_by', 'uuid'],
    ['logged_at', 'timestamptz'],
  ],
  pulse_answers: [
    ['match_id', 'uuid'],
    ['side', 'text'],
    ['period', 'integer'],
    ['rating', 'smallint'],
    ['comment', 'text'],
    ['answered_by', 'uuid'],
    ['answered_at', 'timestamptz'],
  ],
  cohort_survey_answers: [
    ['cohort_id', 'uuid'],
    ['user_id', 'uuid'],
    ['recommend', 'smallint'],
    ['comment', 'text'],
    ['answered_at', 'timestamptz'],
  ],
  exit_surveys: [
    ['match_id', 'uuid'],
    ['side', 'text'],
    ['rating', 'smallint'],
    ['what_worked', 'text'],
    ['what_to_change', 'text'],
    ['answered_by', 'uuid'],
    ['answered_at', 'timestamptz'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

/** A small, fast, seedable generator (mulberry32): the same seed gives the same history. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
  /** A version-4 UUID from the stream, so ids are the same on every machine. */
  uuid(): string {
    const hex = Array.from({ length: 16 }, () => this.int(0, 255));
    hex[6] = (hex[6]! & 0x0f) | 0x40;
    hex[8] = (hex[8]! & 0x3f) | 0x80;
    const h = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const FIRST_NAMES = [
  'Amara', 'Bilal', 'Chen', 'Dara', 'Elif', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kofi', 'Lea',
  'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wei', 'Yara',
  'Zane', 'Aiko', 'Bruno', 'Carmen', 'Dmitri', 'Esme',
]; // prettier-ignore
const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Moreau', 'Takahashi', 'Silva', 'Kowalski', 'Haddad', 'Nguyen', 'Fischer',
  'Mensah', 'Rossi', 'Patel', 'Jansen', 'Costa', 'Ivanova', 'Olsen', 'Reyes', 'Kim',
]; // prettier-ignore
const END_REASONS = [
  'We met our goals early.',
  'My role changed and I no longer have the time.',
  'We could not find meeting times that worked.',
  'Moved to another team with its own mentoring.',
];
/** The reason code of each early ending above, as the end dialog makes the person choose one. */
const END_REASON_CODES: Record<string, string> = {
  'We met our goals early.': 'goals_met',
  'My role changed and I no longer have the time.': 'no_time',
  'We could not find meeting times that worked.': 'no_time',
  'Moved to another team with its own mentoring.': 'role_change',
};
/**
 * Exit surveys after a mentorship ended or completed, by how it went (its `quality`, drawn
 * already: no new draw, so the rest of the history stays the same day to day).
 */
const EXIT_SURVEYS = {
  good: { rating: 5, whatWorked: 'Regular meetings with a clear agenda each time.', whatToChange: null },
  fine: {
    rating: 4,
    whatWorked: 'Honest feedback on real work.',
    whatToChange: 'Agree on the milestones earlier.',
  },
  early: {
    rating: 3,
    whatWorked: 'The first months set a good rhythm.',
    whatToChange: 'Plan for a change of role or team from the start.',
  },
} as const;
const TRIAL_DECLINE_NOTES = [
  'Our schedules never lined up.',
  'Good conversations, but not the skills I am after.',
  'I would rather have someone closer to my field.',
];
const CHECK_IN_NOTES = [
  'Walked through the design review feedback and agreed on next steps.',
  'Practised the quarterly presentation; tightened the opening.',
  'Talked about the promotion case and what evidence to collect.',
  'Reviewed a pull request together and discussed trade-offs.',
  'Planned the stakeholder interviews for the new feature.',
  'Reflected on the last sprint and what to delegate.',
];
const PRIVATE_NOTES = [
  'Seems stretched this month; check in on workload next time.',
  'Wants to talk about a conflict with their manager, privately.',
  'Nervous about the conference talk.',
];
const MILESTONES = [
  ['Lead a design review', 'Run the review and write the decision record', 'Share the template with the guild'],
  ['Give a lightning talk', 'Prepare and give a 5-minute talk', 'Present at the internal meetup'],
  ['Own a small project', 'Plan and ship a project end to end', 'Write up the lessons for others'],
  ['Mentor a new joiner', 'Pair with a new joiner for a month', 'Join the onboarding buddies'],
  ['Improve estimates', 'Compare estimates with actuals for a quarter', 'Share the method at the retro'],
]; // prettier-ignore

const day = (d: Date) => d.toISOString().slice(0, 10);
const at = (d: Date) => d.toISOString();
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const min = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** The cohorts of the history: [program index, start (days before today), weeks, mentors]. */
const COHORT_PLAN: [number, number, number, number][] = [
  // program 0: coordinator's automatic rounds; program 1: mentees choose and send requests.
  [0, 360, 26, 14],
  [1, 300, 20, 10],
  [0, 250, 26, 14],
  [1, 180, 20, 10],
  [0, 130, 26, 14],
  [1, 60, 20, 10],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']; // prettier-ignore

/**
 * The history as rows, computed from the seed and `today` alone (no database), so it can be
 * checked without one: same inputs, same rows.
 */
export function generateDemoHistory(input: {
  today: Date;
  programs: [HistoryProgram, HistoryProgram];
  passwordHash: string;
  seed?: number;
}): DemoHistory {
  const random = new SeededRandom(input.seed ?? HISTORY_SEED);
  const today = new Date(
    Date.UTC(input.today.getUTCFullYear(), input.today.getUTCMonth(), input.today.getUTCDate()),
  );
  const yearAgo = addDays(today, -365);
  const rows = Object.fromEntries(Object.keys(TABLES).map((t) => [t, [] as Row[]])) as DemoHistory['rows'];

  // Members: a founding group a year ago, then people joining every week.
  const members: HistoryMember[] = [];
  for (let i = 0; i < 240; i++) {
    const role = i % 4 === 0 ? 'mentor' : 'mentee';
    const founding = i < 90;
    const joinedAt = addDays(
      founding ? addDays(yearAgo, -random.int(5, 40)) : yearAgo,
      founding ? 0 : random.int(0, 330),
    );
    joinedAt.setUTCHours(random.int(8, 17), random.int(0, 59));
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length + i) % LAST_NAMES.length]!;
    const n = String(i + 1).padStart(3, '0');
    members.push({
      id: random.uuid(),
      email: `member-${n}@${HISTORY_EMAIL_DOMAIN}`,
      displayName: `${first} ${last}`,
      role,
      joinedAt,
      leftAt: null,
    });
  }

  const cohorts: HistoryCohort[] = COHORT_PLAN.map(([programIndex, startsAgo, weeks]) => {
    const program = input.programs[programIndex]!;
    const startsOn = addDays(today, -startsAgo);
    const endsOn = addDays(startsOn, weeks * 7);
    const kind = programIndex === 0 ? 'intake' : 'conversations';
    return {
      id: random.uuid(),
      programId: program.id,
      name: `${MONTHS[startsOn.getUTCMonth()]} ${startsOn.getUTCFullYear()} ${kind}`,
      status: endsOn.getTime() <= today.getTime() ? 'closed' : 'running',
      startsOn,
      endsOn,
      settings: program.settings,
    };
  });

  /** Whether each member took part in a match that lasted; it shapes their chance of leaving. */
  const engaged = new Map<string, 'none' | 'good' | 'poor'>(members.map((m) => [m.id, 'none']));
  const busyUntil = new Map<string, number>();

  for (const [index, cohort] of cohorts.entries()) {
    const [, , , mentorCount] = COHORT_PLAN[index]!;
    const choice = cohort.programId === input.programs[1].id;
    const opensOn = addDays(cohort.startsOn, -28);
    rows.cohorts.push([
      cohort.id, cohort.programId, cohort.name, cohort.status, day(opensOn), day(addDays(cohort.startsOn, -3)),
      day(cohort.startsOn), day(cohort.endsOn), JSON.stringify(cohort.settings), at(addDays(cohort.startsOn, -7)),
      at(addDays(opensOn, -3)), at(min(cohort.endsOn, today)),
    ]); // prettier-ignore

    // Members who joined before enrollment closed and are free (one cohort at a time).
    const available = (role: 'mentor' | 'mentee') =>
      random.shuffled(
        members.filter(
          (m) =>
            m.role === role &&
            m.joinedAt.getTime() < addDays(cohort.startsOn, -5).getTime() &&
            (busyUntil.get(m.id) ?? 0) < cohort.startsOn.getTime(),
        ),
      );
    const mentors = available('mentor').slice(0, mentorCount);
    // About a quarter of mentees never take part: the "non-participants" of the comparison.
    const mentees = available('mentee')
      .filter((m) => Number.parseInt(m.email.slice(7, 10), 10) % 4 !== 3)
      .slice(0, mentors.length * 2);
    for (const person of [...mentors, ...mentees]) {
      const enrolledAt = addDays(opensOn, random.int(1, 24));
      rows.cohort_participants.push([
        random.uuid(), cohort.id, person.email, person.id, person.displayName, person.role, 'enrolled',
        'invitation', at(enrolledAt), at(addDays(enrolledAt, -1)),
      ]); // prettier-ignore
      busyUntil.set(person.id, cohort.endsOn.getTime());
    }

    const trialDays = Number(cohort.settings['trialDays'] ?? 30);
    const pulseDays = Number(cohort.settings['pulseIntervalDays'] ?? 30);
    const places = new Map(mentors.map((m) => [m.id, 2]));
    for (const mentee of mentees) {
      const mentor = mentors.find((m) => places.get(m.id)! > 0);
      if (!mentor) break;
      // Requests before the match in the mentee-choice program: some declined or expired first.
      let createdAt = addDays(cohort.startsOn, random.int(-2, 10));
      createdAt.setUTCHours(random.int(8, 17), random.int(0, 59));
      if (createdAt.getTime() >= today.getTime()) continue;
      const matchId = random.uuid();
      let requestId: string | null = null;
      if (choice) {
        const sentAt = addDays(createdAt, -random.int(2, 9));
        for (let miss = random.int(0, 2); miss > 0; miss--) {
          const other = random.pick(mentors.filter((m) => m.id !== mentor.id));
          const expired = random.chance(0.35);
          const decided = expired ? addDays(sentAt, 14) : addDays(sentAt, random.int(1, 5));
          rows.match_requests.push(requestRow(random, cohort.id, mentee, other, expired ? 'expired' : 'declined',
            expired ? null : random.pick(['too-busy', 'not-my-area', 'other']), null, sentAt, decided)); // prettier-ignore
        }
        requestId = random.uuid();
        rows.match_requests.push(requestRow(random, cohort.id, mentee, mentor, 'accepted', null, matchId,
          sentAt, createdAt, requestId)); // prettier-ignore
      }
      places.set(mentor.id, places.get(mentor.id)! - 1);

      // The match's path: trial, then (mostly) active, then completed at the cohort's end or ended early.
      const trialEnds = addDays(createdAt, trialDays);
      const events: [
        string,
        string,
        string,
        Date,
        'mentee' | 'mentor' | 'system',
        string | null,
        string | null,
      ][] = [];
      let status = 'trial';
      let statusAt = createdAt;
      let exitReason: string | null = null;
      let exitReasonCode: string | null = null;
      const quality = random.next();
      let activeFrom: Date | null = null;
      let activeUntil = min(today, cohort.endsOn);
      if (trialEnds.getTime() < today.getTime()) {
        if (quality < 0.18) {
          const leaver = random.chance(0.5) ? 'mentee' : 'mentor';
          const when = addDays(createdAt, random.int(7, trialDays));
          const note = random.pick(TRIAL_DECLINE_NOTES);
          events.push(['leave_trial', 'trial', 'trial_declined', when, leaver, note, null]);
          rows.trial_answers.push([matchId, leaver, false, random.int(1, 3), note, (leaver === 'mentee' ? mentee : mentor).id, at(when)]); // prettier-ignore
          status = 'trial_declined';
          statusAt = when;
          exitReason = note;
          activeUntil = when;
        } else {
          for (const side of ['mentee', 'mentor'] as const)
            rows.trial_answers.push([matchId, side, true, random.int(4, 5), null, (side === 'mentee' ? mentee : mentor).id,
              at(addDays(trialEnds, -random.int(0, 5)))]); // prettier-ignore
          events.push(['confirm', 'trial', 'active', trialEnds, 'system', null, null]);
          status = 'active';
          statusAt = trialEnds;
          activeFrom = trialEnds;
          const endsEarly = quality < 0.33;
          const earlyEnd = addDays(trialEnds, random.int(20, 120));
          if (endsEarly && earlyEnd.getTime() < min(today, cohort.endsOn).getTime()) {
            const reason = random.pick(END_REASONS);
            events.push([
              'end',
              'active',
              'ended',
              earlyEnd,
              random.chance(0.6) ? 'mentee' : 'mentor',
              reason,
              END_REASON_CODES[reason]!,
            ]);
            status = 'ended';
            statusAt = earlyEnd;
            exitReason = reason;
            exitReasonCode = END_REASON_CODES[reason]!;
            activeUntil = earlyEnd;
          } else if (cohort.endsOn.getTime() <= today.getTime()) {
            events.push(['complete', 'active', 'completed', cohort.endsOn, 'system', null, null]);
            status = 'completed';
            statusAt = cohort.endsOn;
          }
        }
      }
      const good = status === 'completed' || (status === 'active' && quality > 0.4);
      for (const person of [mentee, mentor])
        if (engaged.get(person.id) !== 'good') engaged.set(person.id, good ? 'good' : 'poor');

      rows.matches.push([
        matchId, cohort.id, mentor.id, mentee.id, status, choice ? 'request' : 'round', requestId, at(createdAt),
        at(statusAt), at(statusAt), exitReason, exitReasonCode, at(trialEnds),
      ]); // prettier-ignore
      for (const [action, from, to, when, actor, reason, reasonCode] of events)
        rows.match_events.push([
          random.uuid(), matchId, action, from, to, actor === 'system' ? null : (actor === 'mentee' ? mentee : mentor).id,
          actor, reason, reasonCode, at(when),
        ]); // prettier-ignore
      // The exit survey after an ending: the mentee mostly, the mentor of the better pairs too.
      if (status === 'ended' || status === 'completed') {
        const survey = EXIT_SURVEYS[status === 'ended' ? 'early' : quality > 0.6 ? 'good' : 'fine'];
        const sides =
          quality > 0.5 || status === 'ended' ? (['mentee', 'mentor'] as const) : (['mentee'] as const);
        for (const [i, side] of sides.entries())
          rows.exit_surveys.push([
            matchId, side, Math.max(1, survey.rating - i), survey.whatWorked, survey.whatToChange,
            (side === 'mentee' ? mentee : mentor).id, at(min(today, addDays(statusAt, 2 + i))),
          ]); // prettier-ignore
      }

      // The mentee's map: three or four milestones, some done while the match ran.
      const milestones = random.shuffled(MILESTONES).slice(0, random.int(3, 4)).map(([title, performance, community], i) => {
        const dueOn = addDays(createdAt, 45 * (i + 1));
        const done = activeFrom !== null && dueOn.getTime() <= activeUntil.getTime() && random.chance(good ? 0.8 : 0.3);
        return {
          id: random.uuid(), title, performance, community, stage: done ? 'mastery' : random.pick(['discovery', 'practice', 'feedback']),
          dueOn: day(dueOn), measure: null, helpers: [{ kind: 'mentor', userId: mentor.id, name: null, role: null }],
          doneOn: done ? day(addDays(dueOn, -random.int(0, 10))) : null, missedDueDates: [],
        };
      }); // prettier-ignore
      const content = {
        currentState: { skills: [], performanceThemes: ['delivery', 'influence'], communityInvolvement: 'Attends the guild.' },
        desiredState: { description: 'Leads work across teams with confidence.', horizonMonths: 12 },
        communityLevel: good ? 'contributor' : 'participant',
        milestones,
      }; // prettier-ignore
      const mapAt = addDays(createdAt, 3);
      if (mapAt.getTime() < today.getTime()) {
        const review = day(addDays(activeUntil, 30));
        rows.mentorship_maps.push([
          matchId,
          1,
          JSON.stringify(content),
          review,
          mentee.id,
          at(mapAt),
          at(mapAt),
        ]);
        rows.map_versions.push([matchId, 1, JSON.stringify(content), review, JSON.stringify(['created']), mentee.id, at(mapAt)]); // prettier-ignore
      }

      // Check-ins every two weeks or so while the match runs; engaged pairs skip fewer.
      for (
        let held = addDays(createdAt, random.int(3, 10));
        held.getTime() < activeUntil.getTime();
        held = addDays(held, random.int(11, 18))
      ) {
        if (!random.chance(good ? 0.9 : 0.55)) continue;
        const logger = random.chance(0.6) ? mentee : mentor;
        const doneHere = milestones.filter(
          (m) => m.doneOn !== null && Math.abs(new Date(m.doneOn).getTime() - held.getTime()) < 8 * DAY,
        );
        rows.check_ins.push([
          random.uuid(), matchId, day(held), random.pick([30, 45, 45, 60]), random.pick(CHECK_IN_NOTES),
          random.chance(0.2) ? random.pick(PRIVATE_NOTES) : null,
          JSON.stringify([{ text: 'Send the draft before the next meeting', owner: 'mentee', done: random.chance(0.5) }]),
          JSON.stringify(doneHere.map((m) => ({ milestoneId: m.id, note: 'Done.', done: true }))),
          logger.id, at(addDays(held, random.chance(0.8) ? 0 : random.int(1, 6))),
        ]); // prettier-ignore
      }

      // Pulses: each side, each period the match ran through, most of the time.
      for (let period = 1; addDays(createdAt, period * pulseDays).getTime() <= activeUntil.getTime(); period++)
        for (const side of ['mentee', 'mentor'] as const)
          if (random.chance(0.75))
            rows.pulse_answers.push([
              matchId, side, period, good ? random.int(3, 5) : random.int(1, 4), null, (side === 'mentee' ? mentee : mentor).id,
              at(addDays(createdAt, period * pulseDays + random.int(0, 4))),
            ]); // prettier-ignore
    }

    // End-of-cohort survey (NPS 0-10) from enrolled people of closed cohorts.
    if (cohort.status === 'closed')
      for (const person of [...mentors, ...mentees])
        if (random.chance(0.65)) {
          const good = engaged.get(person.id) === 'good';
          rows.cohort_survey_answers.push([
            cohort.id, person.id, good ? random.int(7, 10) : random.int(2, 8),
            random.chance(0.3) ? 'Would recommend the program to a colleague.' : null,
            at(addDays(cohort.endsOn, random.int(1, 10))),
          ]); // prettier-ignore
        }
  }

  // Leaving: people whose mentoring went well leave less often than those who never took part.
  for (const member of members) {
    const odds = { good: 0.06, poor: 0.2, none: 0.45 }[engaged.get(member.id)!];
    if (!random.chance(odds)) continue;
    // Never while in a cohort: people leave after their last cohort ended, or without one.
    const after = Math.max(addDays(member.joinedAt, 60).getTime(), busyUntil.get(member.id) ?? 0);
    const leftAt = addDays(new Date(after), random.int(10, 200));
    if (leftAt.getTime() < today.getTime()) member.leftAt = leftAt;
  }

  for (const m of members) {
    rows.users.push([m.id, m.email, m.displayName, input.passwordHash, at(m.joinedAt)]);
    rows.memberships.push([
      m.id,
      `{${m.role}}`,
      at(m.joinedAt),
      at(m.leftAt ?? addDays(today, -random.int(0, 20))),
    ]);
  }
  return { members, cohorts, rows };
}

function requestRow(
  random: SeededRandom,
  cohortId: string,
  mentee: HistoryMember,
  mentor: HistoryMember,
  status: 'accepted' | 'declined' | 'expired',
  declineReason: string | null,
  matchId: string | null,
  sentAt: Date,
  decidedAt: Date,
  id = random.uuid(),
): Row {
  return [
    id, cohortId, mentee.id, mentor.id, status, `A first conversation with ${mentor.displayName.split(' ')[0]}?`,
    'Your profile came up in my suggestions.', 'How you grew into your current role.',
    'A 20-minute conversation in the next two weeks.', 'I can share what our team learned rebuilding onboarding.',
    declineReason, matchId, at(addDays(sentAt, 14)), at(decidedAt), at(sentAt), at(decidedAt),
  ]; // prettier-ignore
}

/** Bulk-writes rows through `unnest`: one statement per chunk, every value passed as text and cast. */
async function insertRows(table: keyof typeof TABLES, rows: Row[]): Promise<void> {
  const columns = TABLES[table];
  const manager = TenantContext.manager();
  const withOrganization = table !== 'users';
  for (let start = 0; start < rows.length; start += 5_000) {
    const chunk = rows.slice(start, start + 5_000);
    const params = columns.map((_, c) => chunk.map((row) => (row[c] === null ? null : String(row[c]))));
    const names = columns.map(([name]) => name);
    const casts = columns.map(([name, type]) => `${name}::${type}`);
    await manager.query(
      `INSERT INTO ${table} (${withOrganization ? 'organization_id, ' : ''}${names.join(', ')})
       SELECT ${withOrganization ? 'current_organization_id(), ' : ''}${casts.join(', ')}
         FROM unnest(${columns.map((_, c) => `$${c + 1}::text[]`).join(', ')}) AS t(${names.join(', ')})`,
      params,
    );
  }
}

/**
 * People who left: their membership goes as it does when an admin removes them (the analytics
 * context's trigger keeps their tenure, and when they first took part, before the cascade takes
 * their matches), then the tenure gets the day they really left instead of today.
 */
async function recordLeavers(leavers: HistoryMember[]): Promise<void> {
  const manager = TenantContext.manager();
  await manager.query(
    `DELETE FROM memberships WHERE organization_id = current_organization_id() AND user_id = ANY($1::uuid[])`,
    [leavers.map((m) => m.id)],
  );
  await manager.query(
    `UPDATE analytics_member_tenures t SET left_at = l.left_at
       FROM unnest($1::uuid[], $2::timestamptz[]) AS l(user_id, left_at)
      WHERE t.organization_id = current_organization_id() AND t.user_id = l.user_id`,
    [leavers.map((m) => m.id), leavers.map((m) => at(m.leftAt!))],
  );
}

/**
 * Writes the history into the demo organization once (false when it was there already), then
 * rolls the year up into the analytics tables, so the dashboard has curves before the first
 * nightly rollup. The rollup is an idempotent upsert: running it on every seed is harmless.
 */
export async function seedDemoHistory(
  app: INestApplicationContext,
  organizationId: string,
  programNames: [string, string],
  adminEmail: string,
  today = new Date(),
): Promise<boolean> {
  const tenancy = app.get(TenancyService);
  const written = await tenancy.runInTenant(organizationId, () =>
    writeHistory(programNames, adminEmail, today),
  );
  await tenancy.runInTenant(organizationId, () =>
    app.get(RollupService).rollUp(day(addDays(today, -400)), day(addDays(today, -1))),
  );
  return written;
}

async function writeHistory(
  programNames: [string, string],
  adminEmail: string,
  today: Date,
): Promise<boolean> {
  const manager = TenantContext.manager();
  const [marker] = await manager.query(`SELECT 1 FROM users WHERE email = $1`, [
    `member-001@${HISTORY_EMAIL_DOMAIN}`,
  ]);
  if (marker) return false;
  const programs: HistoryProgram[] = await manager.query(
    `SELECT id, name, settings FROM programs WHERE organization_id = current_organization_id() AND name = ANY($1)`,
    [programNames],
  );
  const byName = (name: string) => {
    const program = programs.find((p) => p.name === name);
    if (!program) throw new Error(`The demo program "${name}" is missing; seed it first.`);
    return program;
  };
  const [{ password_hash: passwordHash } = { password_hash: randomBytes(16).toString('hex') }] =
    await manager.query(`SELECT password_hash FROM users WHERE email = $1`, [adminEmail]);
  const history = generateDemoHistory({
    today,
    programs: [byName(programNames[0]), byName(programNames[1])],
    passwordHash,
  });
  // Parents before children, in the order the foreign keys need.
  for (const table of Object.keys(TABLES) as (keyof typeof TABLES)[])
    await insertRows(table, history.rows[table]);
  await recordLeavers(history.members.filter((m) => m.leftAt !== null));
  return true;
}
