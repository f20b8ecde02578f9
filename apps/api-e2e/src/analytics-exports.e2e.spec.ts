import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { ErrorBody } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser, type SignedUpUser, useTestApi } from '@mentorship/testing';
import { enrollInCohort, enrollingCohortOfNewProgram } from './support/cohort-matches';

type Row = Record<string, string>;

describe("analytics exports: a cohort's matches, check-ins and feedback, streamed as CSV or JSON", () => {
  const t = useTestApi();
  let orgId: string;
  const people = {} as Record<
    'admin' | 'coordinator' | 'coordinatingMentor' | 'mentor' | 'mentee' | 'outsider',
    SignedUpUser
  >;
  const org = () => `/api/v1/orgs/${orgId}`;
  const download = (who: SignedUpUser, path: string) =>
    t.http.request<string & ErrorBody>('GET', `${org()}/${path}`, { token: who.token });
  const csv = (text: string): Row[] => parse(text, { columns: true, bom: false }) as Row[];

  /**
   * A cohort of a program with `settings`, and two matches: the mentor with the mentee, and the
   * coordinator (who mentors too) with the outsider. Each mentor logs a check-in with a private note.
   */
  const cohortWithHistory = async (settings: object) => {
    const cohortId = await enrollingCohortOfNewProgram(
      t.http,
      orgId,
      people.admin,
      { name: `Exports ${randomUUID().slice(0, 8)}`, settings },
      'Spring, "Pilot" cohort',
    );
    const [mine, theirs] = [randomUUID(), randomUUID()];
    await enrollInCohort(t.api.db, orgId, cohortId, [
      { member: people.mentor, role: 'mentor' },
      { member: people.mentee, role: 'mentee' },
      { member: people.coordinatingMentor, role: 'mentor' },
      { member: people.outsider, role: 'mentee' },
    ]);
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin, exit_reason, created_at)
       VALUES ($1, $2, $3, $4, $5, 'active', 'coordinator', NULL, '2026-04-02T10:00:00Z'),
              ($1, $6, $3, $7, $8, 'trial_declined', 'coordinator', 'Our times never matched', '2026-04-03T10:00:00Z')`,
      [
        orgId,
        theirs,
        cohortId,
        people.mentor.id,
        people.mentee.id,
        mine,
        people.coordinatingMentor.id,
        people.outsider.id,
      ],
    );
    await t.api.db.query(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, private_notes,
                              action_items, milestone_progress, logged_by, logged_at)
       VALUES ($1, gen_random_uuid(), $2, '2026-04-10', 45, $3, 'the mentor''s private note',
               '[{"text":"Draft","owner":"mentee","done":true},{"text":"Read","owner":"mentor","done":false}]', '[]', $4, now()),
              ($1, gen_random_uuid(), $5, '2026-04-11', 30, 'Short one', 'my own private note', '[]', '[]', $6, now())`,
      [
        orgId,
        theirs,
        '=HYPERLINK("x"), then "quotes", commas\nand a second line',
        people.mentor.id,
        mine,
        people.coordinatingMentor.id,
      ],
    );
    await t.api.db.query(
      `INSERT INTO pulse_answers (organization_id, match_id, side, period, rating, comment, answered_by, answered_at)
       VALUES ($1, $2, 'mentee', 0, 4, 'a pulse comment', $3, '2026-04-20T09:00:00Z')`,
      [orgId, theirs, people.mentee.id],
    );
    await t.api.db.query(
      `INSERT INTO trial_answers (organization_id, match_id, side, continues, rating, private_note, answered_by, answered_at)
       VALUES ($1, $2, 'mentee', false, 2, 'a trial note', $3, '2026-04-21T09:00:00Z')`,
      [orgId, mine, people.outsider.id],
    );
    await t.api.db.query(
      `INSERT INTO cohort_survey_answers (organization_id, cohort_id, user_id, recommend, comment, answered_at)
       VALUES ($1, $2, $3, 9, 'a survey comment', '2026-09-30T09:00:00Z')`,
      [orgId, cohortId, people.mentee.id],
    );
    return { cohortId, theirs, mine };
  };

  beforeAll(async () => {
    people.admin = await makeUser(t.http);
    orgId = (await makeOrganization(t.http, people.admin, 'Exports Org')).id;
    const accept = (id: string) => t.api.app.get(InvitationTokens).issue(orgId, id);
    people.coordinator = await makeMember(t.http, people.admin, orgId, ['coordinator'], accept);
    people.coordinatingMentor = await makeMember(
      t.http,
      people.admin,
      orgId,
      ['coordinator', 'mentor'],
      accept,
    );
    people.mentor = await makeMember(t.http, people.admin, orgId, ['mentor'], accept);
    people.mentee = await makeMember(t.http, people.admin, orgId, ['mentee'], accept);
    people.outsider = await makeMember(t.http, people.admin, orgId, ['mentee'], accept);
  });

  it('exports the matches as a CSV download, quoted, one row per match, names and trial reasons included', async () => {
    const { cohortId, theirs, mine } = await cohortWithHistory({});
    const answer = await download(people.coordinator, `analytics/cohorts/${cohortId}/export/matches`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="spring-pilot-cohort-matches.csv"',
    );
    const rows = csv(answer.body);
    expect(rows.map((r) => [r['match_id'], r['status'], r['check_ins'], r['exit_reason']])).toEqual([
      [theirs, 'active', '1', ''],
      [mine, 'trial_declined', '1', 'Our times never matched'],
    ]);
    await t.api.db.query(`UPDATE users SET display_name = 'Mina Mentor' WHERE id = $1`, [people.mentor.id]);
    expect(
      csv((await download(people.coordinator, `analytics/cohorts/${cohortId}/export/matches`)).body)[0],
    ).toMatchObject({
      mentor_name: 'Mina Mentor',
      mentee_user_id: people.mentee.id,
      last_check_in_on: '2026-04-10',
      created_at: '2026-04-02T10:00:00.000Z',
    });
  });

  it("leaves other people's private notes out unless the program lets coordinators read them; one's own stay", async () => {
    const closed = await cohortWithHistory({});
    const closedRows = csv(
      (await download(people.coordinatingMentor, `analytics/cohorts/${closed.cohortId}/export/check-ins`))
        .body,
    );
    expect(closedRows.map((r) => [r['match_id'], r['private_notes']])).toEqual([
      [closed.theirs, ''],
      [closed.mine, 'my own private note'],
    ]);
    // Quoting survives a round trip; a cell that a spreadsheet would run as a formula is defused.
    expect(closedRows[0]).toMatchObject({
      shared_notes: `'=HYPERLINK("x"), then "quotes", commas\nand a second line`,
      action_items: '2',
      action_items_done: '1',
      duration_minutes: '45',
    });
    const adminRows = csv(
      (await download(people.admin, `analytics/cohorts/${closed.cohortId}/export/check-ins`)).body,
    );
    expect(adminRows.map((r) => r['private_notes'])).toEqual(['', '']);

    const open = await cohortWithHistory({ privateNotesToCoordinators: true });
    const openRows = csv(
      (await download(people.admin, `analytics/cohorts/${open.cohortId}/export/check-ins`)).body,
    );
    expect(openRows.map((r) => r['private_notes'])).toEqual([
      "the mentor's private note",
      'my own private note',
    ]);
  });

  it('exports feedback as JSON: trial, pulse and survey answers, the survey naming nobody, comments as allowed', async () => {
    const closed = await cohortWithHistory({});
    const answer = await download(
      people.admin,
      `analytics/cohorts/${closed.cohortId}/export/feedback?format=json`,
    );
    expect([answer.status, answer.headers.get('content-type')]).toEqual([
      200,
      'application/json; charset=utf-8',
    ]);
    expect(answer.body).toEqual([
      {
        kind: 'pulse',
        match_id: closed.theirs,
        role: 'mentee',
        period: 0,
        rating: 4,
        recommend: null,
        continues: null,
        comment: null,
        answered_at: '2026-04-20T09:00:00.000Z',
      },
      expect.objectContaining({
        kind: 'trial',
        match_id: closed.mine,
        continues: false,
        rating: 2,
        comment: null,
      }),
      expect.objectContaining({
        kind: 'survey',
        match_id: null,
        role: 'mentee',
        recommend: 9,
        comment: null,
      }),
    ]);
    expect(JSON.stringify(answer.body)).not.toContain(people.mentee.id);

    const open = await cohortWithHistory({ privateNotesToCoordinators: true });
    const shown = await download(
      people.coordinator,
      `analytics/cohorts/${open.cohortId}/export/feedback?format=json`,
    );
    expect((shown.body as unknown as { comment: string }[]).map((r) => r.comment)).toEqual([
      'a pulse comment',
      'a trial note',
      'a survey comment',
    ]);
  });

  it('streams a large cohort completely, across many cursor batches, in both formats', async () => {
    const { cohortId, theirs } = await cohortWithHistory({});
    await t.api.db.query(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
                              milestone_progress, logged_by, logged_at)
       SELECT $1, gen_random_uuid(), $2, date '2026-05-01' + (i % 300), 30, 'Note ' || i, '[]', '[]', $3, now()
         FROM generate_series(1, 4500) AS i`,
      [orgId, theirs, people.mentor.id],
    );
    const asCsv = await download(people.admin, `analytics/cohorts/${cohortId}/export/check-ins`);
    const rows = csv(asCsv.body);
    expect(rows).toHaveLength(4502);
    expect(new Set(rows.map((r) => r['check_in_id'])).size).toBe(4502);
    const asJson = await download(people.admin, `analytics/cohorts/${cohortId}/export/check-ins?format=json`);
    expect((asJson.body as unknown as unknown[]).length).toBe(4502);
  });

  it('answers an empty cohort with the header only (CSV) or an empty array (JSON)', async () => {
    const program = await t.http.post<{ id: string }>(
      `${org()}/programs`,
      { name: `Empty ${randomUUID().slice(0, 8)}`, settings: {} },
      people.admin.token,
    );
    const cohort = await t.http.post<{ id: string }>(
      `${org()}/programs/${program.body.id}/cohorts`,
      { name: 'Empty', startsOn: '2026-04-01', endsOn: '2099-09-30' },
      people.admin.token,
    );
    const asCsv = await download(people.admin, `analytics/cohorts/${cohort.body.id}/export/feedback`);
    expect(asCsv.body).toBe('kind,match_id,role,period,rating,recommend,continues,comment,answered_at\r\n');
    const asJson = await download(
      people.admin,
      `analytics/cohorts/${cohort.body.id}/export/matches?format=json`,
    );
    expect(asJson.body).toEqual([]);
  });

  it('is for admins and coordinators: mentors and mentees get 403, also for their own cohort', async () => {
    const { cohortId } = await cohortWithHistory({});
    for (const who of [people.mentor, people.mentee]) {
      const answer = await download(who, `analytics/cohorts/${cohortId}/export/matches`);
      expect([answer.status, answer.body.code]).toEqual([403, 'forbidden_role']);
    }
  });

  it('refuses bad input with 400 (format, unknown parameters) and 404 for a malformed or unknown cohort', async () => {
    const { cohortId } = await cohortWithHistory({});
    for (const query of ['format=xml', 'format=', 'format=csv&format=json', 'limit=10']) {
      const answer = await download(people.admin, `analytics/cohorts/${cohortId}/export/matches?${query}`);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'validation_failed',
      });
    }
    for (const id of ['not-a-uuid', randomUUID()]) {
      const answer = await download(people.admin, `analytics/cohorts/${id}/export/check-ins`);
      expect([answer.status, answer.body.code]).toEqual([404, 'cohort_not_found']);
    }
  });

  it("answers 404 for another organization's cohort, through either organization, and shows none of it", async () => {
    const { cohortId } = await cohortWithHistory({});
    const otherAdmin = await makeUser(t.http);
    const otherOrg = (await makeOrganization(t.http, otherAdmin, 'Other Org')).id;
    for (const dataset of ['matches', 'check-ins', 'feedback']) {
      const through = await t.http.request<ErrorBody>(
        'GET',
        `/api/v1/orgs/${otherOrg}/analytics/cohorts/${cohortId}/export/${dataset}`,
        { token: otherAdmin.token },
      );
      expect([through.status, through.body.code]).toEqual([404, 'cohort_not_found']);
      const into = await t.http.request<ErrorBody>(
        'GET',
        `${org()}/analytics/cohorts/${cohortId}/export/${dataset}`,
        {
          token: otherAdmin.token,
        },
      );
      expect([into.status, into.body.code]).toEqual([404, 'organization_not_found']);
      expect(JSON.stringify(into.body)).not.toContain(people.mentee.email);
    }
  });
});
