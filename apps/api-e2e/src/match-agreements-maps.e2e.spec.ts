import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@mentorship/contracts';
import type {
  AgreementViewDto,
  CheckInPageDto,
  CheckInViewDto,
  MapPeopleDto,
  MapVersionsDto,
  MapViewDto,
  NotebookPageDto,
  PlannedMeetingViewDto,
  SignedAgreementVersionsDto,
} from '@mentorship/mentorships';
import { Clock } from '@mentorship/platform';
import { type SignedUpUser, useTestApi } from '@mentorship/testing';
import { enrollingCohortOfNewProgram, trialMatch } from './support/cohort-matches';
import { makeOrgWithPeople } from './support/org-people';
import ICAL from 'ical.js';

const DAY_MS = 24 * 3600 * 1000;
type Answer<T> = T & ErrorBody;

describe('agreements, maps, check-ins and the next meeting of a match', () => {
  const t = useTestApi();
  let orgId: string;
  let cohortId: string;
  let openCohortId: string;
  const people = {} as Record<
    'admin' | 'coordinator' | 'mentor' | 'mentee' | 'other' | 'buddy',
    SignedUpUser
  >;
  const clock = () => t.api.app.get(Clock);
  const day = (offsetDays: number) =>
    new Date(clock().now().getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
  const base = () => `/api/v1/orgs/${orgId}/matches`;
  const call = <T>(method: string, who: SignedUpUser, path: string, body?: unknown) =>
    t.http.request<Answer<T>>(method, `${base()}/${path}`, { token: who.token, body });
  const fields = (answer: { body: ErrorBody }) =>
    ((answer.body.details ?? []) as { field: string }[]).map((d) => d.field);

  /** A match of the cohort in trial, accepted by the mentor; `both` answers continue for both. */
  const inTrial = (cohort = cohortId) => trialMatch(t, orgId, cohort, people);
  const activeMatch = async (cohort = cohortId) => {
    const id = await inTrial(cohort);
    await call('POST', people.mentee, `${id}/trial/answers`, { continue: true, rating: 5 });
    const both = await call<{ status: string }>('POST', people.mentor, `${id}/trial/answers`, {
      continue: true,
      rating: 4,
    });
    expect(both.body.status).toBe('active');
    return id;
  };
  const park = (id: string) =>
    t.api.db.query(`UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND id = $2`, [orgId, id]);

  beforeAll(async () => {
    orgId = await makeOrgWithPeople(t, 'Lifecycle Org', people, {
      coordinator: ['coordinator'],
      mentor: ['mentor'],
      mentee: ['mentee'],
      other: ['mentee'],
      buddy: { roles: ['mentee'], overrides: { displayName: 'Bea Buddy' } },
    });
    const cohortOf = (settings: object) =>
      enrollingCohortOfNewProgram(t.http, orgId, people.admin, {
        name: `Program ${randomUUID().slice(0, 8)}`,
        settings: { trialDays: 14, ...settings },
      });
    cohortId = await cohortOf({
      checkInCadence: 'weekly',
      agreementTemplate: {
        goals: ['Lead a team meeting'],
        confidentiality: 'What we say stays between us.',
        menteeContributes: 'A fresh view on our tooling',
      },
      mapTemplate: {
        milestones: [{ title: 'Shadow a facilitator', stage: 'discovery', community: 'Join the guild' }],
      },
    });
    openCohortId = await cohortOf({ privateNotesToCoordinators: true });
  });

  it('refuses a template that is not one, naming the field', async () => {
    const refused = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Bad template', settings: { agreementTemplate: { goals: 'not a list' } } },
      people.admin.token,
    );
    expect([refused.status, fields(refused)]).toEqual([400, ['settings.agreementTemplate.goals']]);
  });

  it('drafts the agreement from the template when both continue; both sign; an edit needs both again', async () => {
    const trial = await inTrial(openCohortId);
    expect((await call('GET', people.mentee, `${trial}/agreement`)).body.code).toBe('agreement_not_found');
    const id = await activeMatch();
    const drafted = await call<AgreementViewDto>('GET', people.mentee, `${id}/agreement`);
    expect(drafted.body).toMatchObject({
      version: 1,
      signed: false,
      updatedBy: null,
      signatures: { mentee: null, mentor: null },
      terms: {
        goals: ['Lead a team meeting'],
        meetingCadence: 'Every week',
        confidentiality: 'What we say stays between us.',
        contact: '',
        successMeasures: [],
        mentorContributes: '',
        menteeContributes: 'A fresh view on our tooling',
      },
    });
    // Only the two people sign; others do not see the match.
    // Each side is reminded to sign version 1 (a few days on, on a working morning).
    const signReminders = async () =>
      (
        await t.api.db.query<{ idempotency_key: string }>(
          `SELECT idempotency_key FROM notifications
            WHERE organization_id = $1 AND kind = 'agreement.signature-waiting' AND subject_id = $2
            ORDER BY idempotency_key`,
          [orgId, id],
        )
      ).map((row) => row.idempotency_key.replace(`agreement.signature-waiting:${id}:`, ''));
    expect(await signReminders()).toEqual(['v1:mentee', 'v1:mentor']);
    const byCoordinator = await call('POST', people.coordinator, `${id}/agreement/signatures`, {
      version: 1,
    });
    expect([byCoordinator.status, byCoordinator.body.code]).toEqual([403, 'match_side_only']);
    const byOther = await call('GET', people.other, `${id}/agreement`);
    expect([byOther.status, byOther.body.code]).toEqual([404, 'match_not_found']);
    const invalid = await call('POST', people.mentee, `${id}/agreement/signatures`, { version: 'one' });
    expect([invalid.status, fields(invalid)]).toEqual([400, ['version']]);

    const mine = await call<AgreementViewDto>('POST', people.mentee, `${id}/agreement/signatures`, {
      version: 1,
    });
    expect([mine.body.signed, mine.body.signatures.mentee !== null]).toEqual([false, true]);
    // The mentee signed: their reminder is taken back, the mentor's stays.
    expect(await signReminders()).toEqual(['v1:mentor']);
    const twice = await call('POST', people.mentee, `${id}/agreement/signatures`, { version: 1 });
    expect([twice.status, twice.body.code]).toEqual([409, 'agreement_already_signed']);
    const both = await call<AgreementViewDto>('POST', people.mentor, `${id}/agreement/signatures`, {
      version: 1,
    });
    expect(both.body.signed).toBe(true);

    const stale = await call('PUT', people.mentor, `${id}/agreement`, { terms: { goals: ['x'] } });
    expect([stale.status, stale.body.code]).toEqual([409, 'agreement_version_stale']);
    const badTerms = await call('PUT', people.mentor, `${id}/agreement`, {
      version: 1,
      terms: { goals: [''] },
    });
    expect([badTerms.status, fields(badTerms)]).toEqual([400, ['terms.goals']]);
    const edited = await call<AgreementViewDto>('PUT', people.mentor, `${id}/agreement`, {
      version: 1,
      terms: { ...drafted.body.terms, successMeasures: ['Ran three team meetings'] },
    });
    expect(edited.body).toMatchObject({
      version: 2,
      signed: false,
      signatures: { mentee: null, mentor: null },
      updatedBy: people.mentor.id,
    });
    // Version 2 needs both signatures again, so both are reminded of it (version 1's are gone).
    expect(await signReminders()).toEqual(['v2:mentee', 'v2:mentor']);
    const signOld = await call('POST', people.mentee, `${id}/agreement/signatures`, { version: 1 });
    expect([signOld.status, signOld.body.code, signOld.body.details]).toEqual([
      409,
      'agreement_version_stale',
      { version: 2 },
    ]);
    // The signed version 1 is kept as it was signed.
    const versions = await call<SignedAgreementVersionsDto>(
      'GET',
      people.coordinator,
      `${id}/agreement/versions`,
    );
    expect(versions.body.items.map((v) => [v.version, v.terms.successMeasures])).toEqual([[1, []]]);
    await call('POST', people.mentee, `${id}/agreement/signatures`, { version: 2 });
    await call('POST', people.mentor, `${id}/agreement/signatures`, { version: 2 });
    const all = await call<SignedAgreementVersionsDto>('GET', people.mentee, `${id}/agreement/versions`);
    expect(all.body.items.map((v) => v.version)).toEqual([2, 1]);
    const audit = await t.api.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND target_id = $2 AND action LIKE 'agreement.%'
        ORDER BY occurred_at, action`,
      [orgId, id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'agreement.drafted',
      'agreement.signed',
      'agreement.signed',
      'agreement.edited',
      'agreement.signed',
      'agreement.signed',
    ]);
    // No agreement to sign once the match is over.
    await park(id);
    const over = await call('POST', people.mentee, `${id}/agreement/signatures`, { version: 2 });
    expect([over.status, over.body.code]).toEqual([409, 'match_not_running']);
    await park(trial);
  });

  const milestone = (title: string, extra: object = {}) => ({
    title,
    performance: `Do ${title}`,
    community: '',
    stage: 'discovery',
    dueOn: day(30),
    measure: `${title} done`,
    ...extra,
  });
  const mapBody = (milestones: object[], extra: object = {}) => ({
    currentState: {
      skills: [{ name: 'Public speaking', rating: 2 }],
      performanceThemes: ['Facilitation'],
      communityInvolvement: 'Attends the guild',
    },
    desiredState: { description: 'Runs the guild meetings', horizonMonths: 6 },
    communityLevel: 'participant',
    milestones,
    ...extra,
  });

  it('keeps the mentee’s map with its flags and history: reorder, replace, retarget, missed twice', async () => {
    const id = await inTrial();
    expect((await call('GET', people.mentor, `${id}/map`)).body.code).toBe('map_not_found');
    // The program suggests milestones to start from.
    expect((await call('GET', people.mentee, `${id}/map/template`)).body).toEqual({
      milestones: [
        { title: 'Shadow a facilitator', performance: '', community: 'Join the guild', stage: 'discovery' },
      ],
    });
    const other = await inTrial(openCohortId);
    expect((await call('GET', people.mentee, `${other}/map/template`)).body).toEqual({ milestones: [] });
    await park(other);
    const byMentor = await call('PUT', people.mentor, `${id}/map`, mapBody([]));
    expect([byMentor.status, byMentor.body.code]).toEqual([403, 'map_mentee_only']);
    const invalid = await call('PUT', people.mentee, `${id}/map`, {
      ...mapBody([milestone('A', { stage: 'expert' })]),
      communityLevel: 'guru',
    });
    expect([invalid.status, fields(invalid).sort()]).toEqual([400, ['communityLevel', 'milestones.0.stage']]);
    const strangers = await call(
      'PUT',
      people.mentee,
      `${id}/map`,
      mapBody([milestone('A', { helpers: [{ kind: 'sponsor', userId: randomUUID() }, { kind: 'peer' }] })], {
        buddyUserId: randomUUID(),
      }),
    );
    expect([strangers.status, fields(strangers).sort()]).toEqual([
      400,
      ['buddyUserId', 'milestones.0.helpers.0.userId', 'milestones.0.helpers.1'],
    ]);

    const created = await call<MapViewDto>(
      'PUT',
      people.mentee,
      `${id}/map`,
      mapBody(
        [
          milestone('A', { measure: null }),
          milestone('B', { dueOn: null, helpers: [{ kind: 'peer', name: 'Kim', role: 'Guild lead' }] }),
        ],
        { buddyUserId: people.buddy.id },
      ),
    );
    expect(created.status).toBe(200);
    const [a, b] = created.body.milestones;
    expect(created.body).toMatchObject({
      version: 1,
      nextReviewOn: day(0).slice(0, 8) === day(0).slice(0, 8) ? expect.any(String) : '',
    });
    expect(created.body.flags.map((f) => [f.flag, f.milestoneId])).toEqual([
      ['milestone_without_measure', a!.id],
      ['milestone_without_due_date', b!.id],
      ['no_community_milestone', null],
      ['fewer_than_three_milestones', null],
    ]);
    // A month after it starts, by default.
    const review = new Date(`${day(0)}T00:00:00Z`);
    review.setUTCMonth(review.getUTCMonth() + 1);
    expect(created.body.nextReviewOn).toBe(review.toISOString().slice(0, 10));
    // The mentee and the map buddy are reminded on the review's morning.
    const reviewReminders = await t.api.db.query<{ recipient_user_id: string; idempotency_key: string }>(
      `SELECT recipient_user_id, idempotency_key FROM notifications
        WHERE organization_id = $1 AND kind = 'map.review' AND subject_id = $2 ORDER BY idempotency_key`,
      [orgId, id],
    );
    expect(reviewReminders.map((r) => r.idempotency_key).sort()).toEqual(
      [people.mentee.id, people.buddy.id]
        .map((u) => `map.review:${id}:${created.body.nextReviewOn}:${u}`)
        .sort(),
    );
    expect((await call<MapViewDto>('GET', people.mentor, `${id}/map`)).body.version).toBe(1);
    expect((await call('GET', people.other, `${id}/map`)).status).toBe(404);
    // The names of the members it names come with it, so both sides read who the buddy is.
    expect(created.body.people).toEqual([{ userId: people.buddy.id, displayName: 'Bea Buddy' }]);

    // The picker's members, by the start of a word of their name; the two sides only.
    const found = await call<MapPeopleDto>('GET', people.mentee, `${id}/map/people?q=bud`);
    expect(found.body.items).toEqual([{ userId: people.buddy.id, displayName: 'Bea Buddy' }]);
    expect((await call<MapPeopleDto>('GET', people.mentor, `${id}/map/people?q=%25`)).body.items).toEqual([]);
    const byCoordinator = await call('GET', people.coordinator, `${id}/map/people`);
    expect([byCoordinator.status, byCoordinator.body.code]).toEqual([403, 'match_side_only']);
    expect((await call('GET', people.other, `${id}/map/people`)).status).toBe(404);

    const stale = await call('PUT', people.mentee, `${id}/map`, mapBody([]));
    expect([stale.status, stale.body.code]).toEqual([409, 'map_version_stale']);
    // Reorder (B first), replace A by C, add D with a community part.
    const second = await call<MapViewDto>(
      'PUT',
      people.mentee,
      `${id}/map`,
      mapBody(
        [
          milestone('B', { id: b!.id, dueOn: day(20) }),
          milestone('C', { replaces: a!.id }),
          milestone('D', { community: 'Host a guild session', dueOn: day(10) }),
        ],
        { version: 1 },
      ),
    );
    expect(second.status).toBe(200);
    const [b2, c, d] = second.body.milestones;
    expect(b2!.id).toBe(b!.id);
    expect(second.body.flags).toEqual([]);

    // D passes its day undone, is retargeted, and passes the new day too: missed twice.
    clock().advance(11 * DAY_MS);
    const third = await call<MapViewDto>(
      'PUT',
      people.mentee,
      `${id}/map`,
      mapBody(
        [
          milestone('B', { id: b!.id, dueOn: day(12) }),
          milestone('C', { id: c!.id, dueOn: c!.dueOn }),
          milestone('D', { id: d!.id, community: 'Host a guild session', dueOn: day(5) }),
        ],
        { version: 2 },
      ),
    );
    expect(third.body.milestones[2]).toMatchObject({ missedDueDates: [d!.dueOn], timesMissed: 1 });
    expect(third.body.flags).toEqual([]);
    clock().advance(6 * DAY_MS);
    const missed = await call<MapViewDto>('GET', people.mentor, `${id}/map`);
    expect(missed.body.flags).toEqual([
      {
        flag: 'milestone_missed_twice',
        milestoneId: d!.id,
        prompts: ['too_ambitious', 'support_lacking', 'goal_changed'],
      },
    ]);

    const history = await call<MapVersionsDto>('GET', people.coordinator, `${id}/map/versions`);
    expect(history.body.items.map((v) => [v.version, v.changes.map((change) => change.kind)])).toEqual([
      [3, ['milestone_retargeted', 'milestone_retargeted']],
      [2, ['milestone_retargeted', 'milestone_replaced', 'milestone_added', 'milestones_reordered']],
      [1, ['created']],
    ]);
    expect(history.body.items[1]!.changes[1]).toEqual({
      kind: 'milestone_replaced',
      milestoneId: c!.id,
      replaced: a!.id,
    });
    // Version 1 is kept as it was: A is still in it.
    expect(history.body.items[2]!.milestones.map((m) => m.title)).toEqual(['A', 'B']);
    await park(id);
  });

  it('logs check-ins and notebook entries with private notes for their writer only', async () => {
    const id = await inTrial();
    const map = await call<MapViewDto>(
      'PUT',
      people.mentee,
      `${id}/map`,
      mapBody([milestone('A'), milestone('B', { community: 'Share it' })]),
    );
    const [a] = map.body.milestones;
    const byCoordinator = await call('POST', people.coordinator, `${id}/check-ins`, {
      heldOn: day(0),
      durationMinutes: 30,
    });
    expect([byCoordinator.status, byCoordinator.body.code]).toEqual([403, 'match_side_only']);
    const invalid = await call('POST', people.mentor, `${id}/check-ins`, {
      heldOn: '2026-02-30',
      durationMinutes: 0,
      actionItems: [{ text: 'x', owner: 'nobody' }],
    });
    expect([invalid.status, fields(invalid).sort()]).toEqual([
      400,
      ['actionItems.0.owner', 'durationMinutes', 'heldOn'],
    ]);
    const unknown = await call('POST', people.mentor, `${id}/check-ins`, {
      heldOn: day(0),
      durationMinutes: 45,
      milestoneProgress: [{ milestoneId: randomUUID(), note: 'Moved on' }],
    });
    expect([unknown.status, fields(unknown)]).toEqual([400, ['milestoneProgress.0.milestoneId']]);

    const logged = await call<CheckInViewDto>('POST', people.mentor, `${id}/check-ins`, {
      heldOn: day(0),
      durationMinutes: 45,
      sharedNotes: 'Talked about facilitation',
      privateNotes: 'Seems tired',
      actionItems: [{ text: 'Draft an agenda', owner: 'mentee' }],
      milestoneProgress: [{ milestoneId: a!.id, note: 'Ran the meeting', done: true }],
    });
    expect(logged.status).toBe(201);
    // Both sides are reminded when the next check-in is due: a week (the program's cadence) on.
    const dueReminders = async () =>
      (
        await t.api.db.query<{ idempotency_key: string }>(
          `SELECT idempotency_key FROM notifications
            WHERE organization_id = $1 AND kind = 'check-in.due' AND subject_id = $2 ORDER BY idempotency_key`,
          [orgId, id],
        )
      ).map((row) => row.idempotency_key);
    const dueKeys = (dueOn: string) =>
      [people.mentee.id, people.mentor.id].map((u) => `check-in.due:${id}:${dueOn}:${u}`).sort();
    expect(await dueReminders()).toEqual(dueKeys(day(7)));
    expect(logged.body).toMatchObject({
      privateNotes: 'Seems tired',
      actionItems: [{ text: 'Draft an agenda', owner: 'mentee', done: false }],
    });
    const after = await call<MapViewDto>('GET', people.mentee, `${id}/map`);
    expect([after.body.version, after.body.milestones[0]!.doneOn]).toEqual([2, day(0)]);

    const seenBy = async (who: SignedUpUser) =>
      (await call<CheckInPageDto>('GET', who, `${id}/check-ins`)).body.items.map((c) => c.privateNotes);
    expect(await seenBy(people.mentor)).toEqual(['Seems tired']);
    expect(await seenBy(people.mentee)).toEqual([null]);
    expect(await seenBy(people.coordinator)).toEqual([null]);
    const one = await call<CheckInViewDto>('GET', people.mentee, `${id}/check-ins/${logged.body.id}`);
    expect([one.body.sharedNotes, one.body.privateNotes]).toEqual(['Talked about facilitation', null]);
    expect((await call('GET', people.mentee, `${id}/check-ins/${randomUUID()}`)).body.code).toBe(
      'check_in_not_found',
    );
    expect((await call('GET', people.other, `${id}/check-ins`)).status).toBe(404);

    await call('POST', people.mentee, `${id}/notebook`, { kind: 'question', body: 'How do I open?' });
    await call('POST', people.mentee, `${id}/notebook`, {
      kind: 'reflection',
      body: 'I was nervous',
      private: true,
    });
    const badEntry = await call('POST', people.mentee, `${id}/notebook`, { kind: 'rant', body: '' });
    expect([badEntry.status, fields(badEntry).sort()]).toEqual([400, ['body', 'kind']]);
    const bodies = async (who: SignedUpUser) =>
      (await call<NotebookPageDto>('GET', who, `${id}/notebook`)).body.items.map((e) => e.body);
    expect(await bodies(people.mentee)).toEqual(['I was nervous', 'How do I open?']);
    expect(await bodies(people.mentor)).toEqual(['How do I open?']);
    expect(await bodies(people.coordinator)).toEqual(['How do I open?']);
    const stored = await t.api.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND target_id = $2 AND action IN ('check_in.logged', 'notebook.entry_posted')
        ORDER BY occurred_at`,
      [orgId, id],
    );
    expect(stored.map((s) => s.action)).toEqual([
      'check_in.logged',
      'notebook.entry_posted',
      'notebook.entry_posted',
    ]);
    // A back-dated check-in does not move it; a later one does, replacing the reminder.
    await call('POST', people.mentee, `${id}/check-ins`, { heldOn: day(-3), durationMinutes: 20 });
    expect(await dueReminders()).toEqual(dueKeys(day(7)));
    await call('POST', people.mentee, `${id}/check-ins`, { heldOn: day(2), durationMinutes: 20 });
    expect(await dueReminders()).toEqual(dueKeys(day(9)));
    await park(id);

    // Where the program says so, coordinators read private notes too.
    const open = await inTrial(openCohortId);
    await call('POST', people.mentee, `${open}/check-ins`, {
      heldOn: day(0),
      durationMinutes: 20,
      privateNotes: 'Mine',
    });
    await call('POST', people.mentee, `${open}/notebook`, {
      kind: 'result',
      body: 'Private win',
      private: true,
    });
    const coordinatorReads = await call<CheckInPageDto>('GET', people.coordinator, `${open}/check-ins`);
    expect(coordinatorReads.body.items.map((c) => c.privateNotes)).toEqual(['Mine']);
    expect(
      (await call<CheckInPageDto>('GET', people.mentor, `${open}/check-ins`)).body.items[0]!.privateNotes,
    ).toBeNull();
    expect(
      (await call<NotebookPageDto>('GET', people.coordinator, `${open}/notebook`)).body.items.map(
        (e) => e.body,
      ),
    ).toEqual(['Private win']);
    expect((await call<NotebookPageDto>('GET', people.mentor, `${open}/notebook`)).body.items).toEqual([]);
    await park(open);
  });

  it("plans the next meeting in the organizer's zone and exports it as .ics that parses back to that time", async () => {
    const id = await inTrial();
    const zone = await t.http.patch(
      `/api/v1/orgs/${orgId}/profiles/me`,
      { timeZone: 'Europe/Paris' },
      people.mentor.token,
    );
    expect(zone.status).toBe(200);
    expect((await call('GET', people.mentee, `${id}/next-meeting`)).body.code).toBe('meeting_not_planned');
    expect((await call('GET', people.mentee, `${id}/next-meeting.ics`)).body.code).toBe(
      'meeting_not_planned',
    );
    const year = Number(day(0).slice(0, 4)) + 1;
    const bad = await call('PUT', people.mentor, `${id}/next-meeting`, {
      startsAt: `${year}-01-15 15:30`,
      durationMinutes: 2,
    });
    expect([bad.status, fields(bad).sort()]).toEqual([400, ['durationMinutes', 'startsAt']]);
    const past = await call('PUT', people.mentor, `${id}/next-meeting`, {
      startsAt: '2020-01-15T15:30',
      durationMinutes: 45,
    });
    expect([past.status, fields(past)]).toEqual([400, ['startsAt']]);
    // 02:30 on the last Sunday of March does not exist in Paris: the clocks jump from 02:00 to 03:00.
    const lastSunday = new Date(Date.UTC(year, 2, 31));
    lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
    const gap = await call('PUT', people.mentor, `${id}/next-meeting`, {
      startsAt: `${lastSunday.toISOString().slice(0, 10)}T02:30`,
      durationMinutes: 45,
    });
    expect([gap.status, fields(gap)]).toEqual([400, ['startsAt']]);

    const planned = await call<PlannedMeetingViewDto>('PUT', people.mentor, `${id}/next-meeting`, {
      startsAt: `${year}-07-15T15:30`,
      durationMinutes: 45,
      location: 'Room 4',
      agenda: 'Your first guild session',
    });
    expect(planned.status).toBe(200);
    // Paris is UTC+2 in July.
    expect(planned.body).toMatchObject({
      startsAt: `${year}-07-15T13:30:00.000Z`,
      localStart: `${year}-07-15T15:30`,
      timeZone: 'Europe/Paris',
      sequence: 0,
    });
    const file = await t.http.get<string>(`${base()}/${id}/next-meeting.ics`, people.mentee.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(file.headers.get('content-disposition')).toContain('next-meeting.ics');
    const calendar = new ICAL.Component(ICAL.parse(file.body));
    const timezone = calendar.getFirstSubcomponent('vtimezone');
    expect(timezone?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    ICAL.TimezoneService.register(new ICAL.Timezone(timezone!));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toString()).toBe(`${year}-07-15T15:30:00`);
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(event.startDate.toJSDate().toISOString()).toBe(`${year}-07-15T13:30:00.000Z`);
    expect(event.endDate.toJSDate().toISOString()).toBe(`${year}-07-15T14:15:00.000Z`);
    expect([event.summary, event.location, event.description]).toEqual([
      'Mentoring conversation',
      'Room 4',
      'Your first guild session',
    ]);
    expect(event.uid).toBe(`meeting-${id}@mentorship-map`);

    // In winter the same zone is UTC+1; planning again keeps the event and bumps its sequence.
    await call('PUT', people.mentee, `${id}/next-meeting`, {
      startsAt: `${year}-01-15T09:00`,
      durationMinutes: 30,
    });
    const again = new ICAL.Component(
      ICAL.parse((await t.http.get<string>(`${base()}/${id}/next-meeting.ics`, people.mentor.token)).body),
    );
    // UTC needs no VTIMEZONE: its times are written as UTC instants (Z).
    expect(again.getFirstSubcomponent('vtimezone')).toBeNull();
    const moved = new ICAL.Event(again.getFirstSubcomponent('vevent')!);
    // The mentee has no zone in their profile: UTC.
    expect([
      moved.startDate.toString(),
      moved.startDate.zone?.tzid,
      moved.startDate.toJSDate().toISOString(),
      moved.sequence,
    ]).toEqual([`${year}-01-15T09:00:00Z`, 'UTC', `${year}-01-15T09:00:00.000Z`, 1]);
    expect((await call('GET', people.coordinator, `${id}/next-meeting`)).status).toBe(200);
    expect((await call('GET', people.other, `${id}/next-meeting.ics`)).status).toBe(404);
    await park(id);
  });
});
