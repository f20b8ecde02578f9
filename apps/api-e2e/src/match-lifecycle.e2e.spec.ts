import { randomUUID } from 'node:crypto';
import {
  MATCH_ACTIONS,
  MATCH_STATUSES,
  type ErrorBody,
  type MatchAction,
  type MatchActor,
  type MatchStatus,
  type Page,
} from '@mentorship/contracts';
import { decide, type MatchDetailDto, type MatchViewDto } from '@mentorship/mentorships';
import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser, type SignedUpUser, useTestApi } from '@mentorship/testing';
import { makeOrgWithPeople } from './support/org-people';

type Answer = MatchDetailDto & ErrorBody;

describe('the match state machine over HTTP', () => {
  const t = useTestApi();
  let orgId: string;
  let cohortId: string;
  const people = {} as Record<'admin' | 'coordinator' | 'mentor' | 'mentee' | 'outsider', SignedUpUser>;

  /** A match of the mentor and the mentee in `status`, written as matching would have left it. */
  const matchIn = async (status: MatchStatus, pair = { mentor: people.mentor, mentee: people.mentee }) => {
    const id = randomUUID();
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, $2, $3, $4, $5, $6, 'coordinator')`,
      [orgId, id, cohortId, pair.mentor.id, pair.mentee.id, status],
    );
    return id;
  };
  /** Takes the match out of the way of the next (one open match per pair and cohort). */
  const park = (id: string) =>
    t.api.db.query(`UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND id = $2`, [orgId, id]);
  const act = (who: SignedUpUser, id: string, action: MatchAction, reason?: string) =>
    t.http.post<Answer>(`/api/v1/orgs/${orgId}/matches/${id}/actions`, { action, reason }, who.token);
  const get = (who: SignedUpUser, id: string) =>
    t.http.get<Answer>(`/api/v1/orgs/${orgId}/matches/${id}`, who.token);

  beforeAll(async () => {
    orgId = await makeOrgWithPeople(t, 'Lifecycle Org', people, {
      coordinator: ['coordinator'],
      mentor: ['mentor'],
      mentee: ['mentee'],
      outsider: ['mentor', 'mentee'],
    });
    const program = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Lifecycle program', settings: { defaultMentorCapacity: 1 } },
      people.admin.token,
    );
    cohortId = (
      await t.http.post<{ id: string }>(
        `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
        { name: 'Lifecycle cohort', startsOn: '2026-04-01', endsOn: '2099-09-30' },
        people.admin.token,
      )
    ).body.id;
  });

  it('answers every action from every status, for each side, as the table decides', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    const sides: [MatchActor, SignedUpUser][] = [
      ['mentee', people.mentee],
      ['mentor', people.mentor],
      ['coordinator', people.coordinator],
    ];
    for (const status of MATCH_STATUSES)
      for (const action of MATCH_ACTIONS)
        for (const [side, who] of sides) {
          const id = await matchIn(status);
          const answer = await act(who, id, action, 'Not the right fit');
          const [row] = await t.api.db.query<{ status: string; events: number }>(
            `SELECT status, (SELECT count(*)::int FROM match_events e WHERE e.organization_id = m.organization_id
                                                                       AND e.match_id = m.id) AS events
               FROM matches m WHERE organization_id = $1 AND id = $2`,
            [orgId, id],
          );
          await park(id);
          seen.push(
            `${status} ${action} ${side}: ${answer.status} ${answer.body.code ?? answer.body.status} ` +
              `${JSON.stringify((answer.body.details as { allowed?: unknown } | null)?.allowed ?? null)} now ${row.status}, ${row.events} event(s)`,
          );
          const decision = decide(status, action, [side]);
          expected.push(
            decision.kind === 'allowed'
              ? `${status} ${action} ${side}: 200 ${decision.transition.to} null now ${decision.transition.to}, 1 event(s)`
              : decision.kind === 'illegal'
                ? `${status} ${action} ${side}: 409 match_action_not_allowed ${JSON.stringify(decision.allowed)} now ${status}, 0 event(s)`
                : `${status} ${action} ${side}: 403 match_action_forbidden null now ${status}, 0 event(s)`,
          );
        }
    expect(seen).toEqual(expected);
    // A bound, not an expectation: some 300 requests one after another, on a loaded CI machine.
  }, 600_000);

  it('hides the match from a member who is neither side nor coordinator, and from other organizations', async () => {
    const id = await matchIn('pending');
    expect((await get(people.outsider, id)).status).toBe(404);
    const refused = await act(people.outsider, id, 'accept');
    expect([refused.status, refused.body.code]).toEqual([404, 'match_not_found']);
    const stranger = await makeUser(t.http);
    const strangersOrg = await makeOrganization(t.http, stranger, 'Stranger Org');
    const viaOwnOrg = await t.http.get<ErrorBody>(
      `/api/v1/orgs/${strangersOrg.id}/matches/${id}`,
      stranger.token,
    );
    expect([viaOwnOrg.status, viaOwnOrg.body.code]).toEqual([404, 'match_not_found']);
    expect((await t.http.get(`/api/v1/orgs/${orgId}/matches/${id}`, stranger.token)).status).toBe(404);
    const mine = await t.http.get<Page<MatchViewDto>>(`/api/v1/orgs/${orgId}/matches`, people.outsider.token);
    expect(mine.body.items.map((m) => m.id)).not.toContain(id);
    const mentors = await t.http.get<Page<MatchViewDto>>(
      `/api/v1/orgs/${orgId}/matches?status=pending`,
      people.mentor.token,
    );
    expect(mentors.body.items.map((m) => [m.id, m.allowedActions])).toEqual([[id, ['accept', 'decline']]]);
    await park(id);
  });

  it('names both sides and the cohort, so a side can see who the other is', async () => {
    await t.api.db.query(`UPDATE users SET display_name = 'Mira Mentor' WHERE id = $1`, [people.mentor.id]);
    await t.api.db.query(`UPDATE users SET display_name = 'Theo Mentee' WHERE id = $1`, [people.mentee.id]);
    const id = await matchIn('pending');
    const seen = await get(people.mentee, id);
    expect([seen.body.mentor, seen.body.mentee, seen.body.cohortName]).toEqual([
      { userId: people.mentor.id, displayName: 'Mira Mentor' },
      { userId: people.mentee.id, displayName: 'Theo Mentee' },
      'Lifecycle cohort',
    ]);
    const listed = await t.http.get<Page<MatchViewDto>>(`/api/v1/orgs/${orgId}/matches`, people.mentor.token);
    expect(listed.body.items.find((m) => m.id === id)?.mentee.displayName).toBe('Theo Mentee');
    await park(id);
  });

  it('writes each step to the timeline and the audit log, and keeps a trial’s reason from the other side', async () => {
    const id = await matchIn('pending');
    expect((await act(people.mentor, id, 'accept')).status).toBe(200);
    const left = await act(people.mentor, id, 'leave_trial', 'We do not click');
    expect(left.body.status).toBe('trial_declined');
    const coordinators = (await get(people.coordinator, id)).body;
    expect(
      coordinators.timeline.map((e) => [e.action, e.from, e.to, e.actor, e.actorUserId, e.reason]),
    ).toEqual([
      ['accept', 'pending', 'trial', 'mentor', people.mentor.id, null],
      ['leave_trial', 'trial', 'trial_declined', 'mentor', people.mentor.id, 'We do not click'],
    ]);
    expect(coordinators.exitReason).toBe('We do not click');
    expect((await get(people.mentor, id)).body.exitReason).toBe('We do not click');
    const mentees = (await get(people.mentee, id)).body;
    expect(mentees.exitReason).toBeNull();
    expect(mentees.timeline.map((e) => e.reason)).toEqual([null, null]);
    expect(mentees.allowedActions).toEqual([]);
    const audit = await t.api.db.query<{ actor: string; details: Record<string, string> }>(
      `SELECT actor_user_id AS actor, details FROM audit_events
        WHERE organization_id = $1 AND action = 'match.transitioned' AND target_id = $2 ORDER BY occurred_at`,
      [orgId, id],
    );
    expect(audit).toEqual([
      {
        actor: people.mentor.id,
        details: { action: 'accept', from: 'pending', to: 'trial', actor: 'mentor' },
      },
      {
        actor: people.mentor.id,
        details: { action: 'leave_trial', from: 'trial', to: 'trial_declined', actor: 'mentor' },
      },
    ]);
  });

  it('refuses to end or decline without a reason, writing nothing', async () => {
    const id = await matchIn('active');
    const refused = await act(people.mentee, id, 'end');
    expect([refused.status, refused.body.code]).toEqual([400, 'match_reason_required']);
    expect((await get(people.mentee, id)).body).toMatchObject({ status: 'active', timeline: [] });
    const ended = await act(people.mentee, id, 'end', 'Moved to another team');
    expect(ended.body).toMatchObject({ status: 'ended', exitReason: 'Moved to another team' });
    expect((await get(people.mentor, id)).body.exitReason).toBe('Moved to another team');
  });

  it('lets only one of many concurrent actions on a match succeed', async () => {
    const id = await matchIn('pending');
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, () => act(people.mentor, id, 'accept')),
      ...Array.from({ length: 6 }, () => act(people.mentee, id, 'withdraw', 'Found another mentor')),
      ...Array.from({ length: 6 }, () => act(people.mentor, id, 'decline', 'No time')),
    ]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(new Set(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body.code}`))).toEqual(
      new Set(['409 match_action_not_allowed']),
    );
    expect((await get(people.coordinator, id)).body.timeline).toHaveLength(1);
    await park(id);
  });

  it('approves a proposal only within the mentor’s places, which leaving frees', async () => {
    // The program gives each mentor one place.
    const holding = await matchIn('trial');
    const other = await makeMember(t.http, people.admin, orgId, ['mentee'], (inv) =>
      t.api.app.get(InvitationTokens).issue(orgId, inv),
    );
    const proposal = await matchIn('proposed', { mentor: people.mentor, mentee: other });
    const full = await act(people.coordinator, proposal, 'approve');
    expect([full.status, full.body.code]).toEqual([409, 'mentor_at_capacity']);
    expect((await act(people.mentee, holding, 'leave_trial')).body.status).toBe('trial_declined');
    const approved = await act(people.coordinator, proposal, 'approve');
    expect([approved.status, approved.body.status]).toEqual([200, 'pending']);
    await park(proposal);
  });
});
