import { randomUUID } from 'node:crypto';
import type { ErrorBody, OrganizationRole, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  listRoutes,
  makeMember,
  makeMembersInBulk,
  makeOrganization,
  makeRoundCohort,
  makeUser,
  SignedUpUser,
  useTestApi,
} from '@mentorship/testing';

/** Who asks: the organization roles, and someone signed in who is not a member. */
const ROLES = ['admin', 'coordinator', 'mentor', 'mentee', 'non-member'] as const;
type Role = (typeof ROLES)[number];

/**
 * ok: a 2xx; 403: refused for the role (`forbidden_role`); 404: not there for the caller;
 * `status code`: another refusal the route gives the role.
 */
type Outcome = 'ok' | 403 | 404 | `${number} ${string}`;

/** Managers (admins and coordinators) only. */
const MANAGERS: Record<OrganizationRole, Outcome> = {
  admin: 'ok',
  coordinator: 'ok',
  mentor: 403,
  mentee: 403,
};
const ADMINS: Record<OrganizationRole, Outcome> = { admin: 'ok', coordinator: 403, mentor: 403, mentee: 403 };
const MEMBERS: Record<OrganizationRole, Outcome> = {
  admin: 'ok',
  coordinator: 'ok',
  mentor: 'ok',
  mentee: 'ok',
};

/** A request ready to send: path below /api/v1/orgs/:orgId, and a JSON body or a CSV file. */
interface Request {
  path: string;
  /** Another organization than the shared one, for actions that would end it (deletion). */
  orgId?: string;
  body?: unknown;
  csv?: string;
}

interface Fixtures {
  skill(): Promise<string>;
  program(): Promise<string>;
  /** A new cohort; `enrolling` opens it for applications. */
  cohort(status?: 'draft' | 'enrolling'): Promise<string>;
  /** `who` invited to a new cohort (their own place, for participation routes). */
  invited(who: SignedUpUser): Promise<{ cohortId: string; participantId: string }>;
  /** Someone who applied to a new enrolling cohort. */
  applied(): Promise<{ cohortId: string; participantId: string }>;
  validatedImport(): Promise<{ cohortId: string; importId: string }>;
  /** A new organization of the admin's where `caller` has the role they have in the shared one. */
  organization(caller: SignedUpUser): Promise<{ id: string; name: string }>;
  /** The same, scheduled for deletion by its admin. */
  scheduledForDeletion(caller: SignedUpUser): Promise<{ id: string; name: string }>;
  /** `who` an enrolled mentee of a new mentee-choice cohort in matching, with one mentor there. */
  menteePlace(who: SignedUpUser): Promise<{ cohortId: string; mentorUserId: string }>;
  /** An open match request to `who`, an enrolled mentor of a new mentee-choice cohort. */
  requestTo(who: SignedUpUser): Promise<string>;
  /** An open match request from `who` (see `menteePlace`). */
  requestFrom(who: SignedUpUser): Promise<string>;
  /** A new cohort in status `matching`, with one mentor and one mentee. */
  matchingCohort(): Promise<string>;
  /** A completed matching round of a new matching cohort (no worker here: written as one would). */
  completedRound(): Promise<string>;
  unique(): string;
  /**
   * A match in `status` of a new cohort between two new members; with `caller` a mentor or
   * mentee, the caller takes that side.
   */
  match(status: string, caller?: SignedUpUser): Promise<string>;
  /**
   * An active match (see `match`) with an agreement at version 1, a map at version 1, a check-in
   * and a planned meeting.
   */
  running(caller?: SignedUpUser): Promise<{ matchId: string; checkInId: string }>;
  /** A new closed cohort where `caller` (a member) has an enrolled place. */
  closedCohortOf(caller: SignedUpUser): Promise<string>;
}

/**
 * The role x action table of DEVELOPMENT.md ("Roles and permissions"), row for row: every
 * people and programs route with what each role gets. A non-member always gets 404.
 * `prepare` makes what the request needs, fresh for every caller, so `ok` means a 2xx.
 */
interface Action {
  route: string;
  what: string;
  outcomes: Record<OrganizationRole, Outcome>;
  prepare: (f: Fixtures, caller: SignedUpUser) => Promise<Request>;
}

const TABLE: Action[] = [
  // Skills catalogue
  {
    route: 'GET /skills',
    what: 'read the catalogue',
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/skills' }),
  },
  {
    route: 'GET /skills/:skillId',
    what: 'read a skill',
    outcomes: MEMBERS,
    prepare: async (f) => ({ path: `/skills/${await f.skill()}` }),
  },
  {
    route: 'POST /skills',
    what: 'add a skill',
    outcomes: ADMINS,
    prepare: async (f) => ({ path: '/skills', body: { name: `Skill ${f.unique()}` } }),
  },
  {
    route: 'POST /skills/import',
    what: 'import skills from CSV',
    outcomes: ADMINS,
    prepare: async (f) => ({ path: '/skills/import', csv: `name\nImported ${f.unique()}\n` }),
  },
  {
    route: 'PATCH /skills/:skillId',
    what: 'rename, retire or restore a skill',
    outcomes: ADMINS,
    prepare: async (f) => ({ path: `/skills/${await f.skill()}`, body: { name: `Renamed ${f.unique()}` } }),
  },
  {
    route: 'POST /skills/:skillId/merge',
    what: 'merge a skill into another',
    outcomes: ADMINS,
    prepare: async (f) => ({
      path: `/skills/${await f.skill()}/merge`,
      body: { intoSkillId: await f.skill() },
    }),
  },
  // Profiles
  {
    route: 'GET /profiles/me',
    what: 'read own profile',
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/profiles/me' }),
  },
  {
    route: 'PATCH /profiles/me',
    what: 'edit own profile',
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/profiles/me', body: { department: 'Own' } }),
  },
  {
    route: 'GET /profiles',
    what: "list members' profiles",
    outcomes: MANAGERS,
    prepare: async () => ({ path: '/profiles' }),
  },
  {
    route: 'GET /profiles/:userId',
    what: "read another member's profile",
    outcomes: MANAGERS,
    prepare: async (_f, caller) => ({ path: `/profiles/${other(caller).id}` }),
  },
  {
    route: 'PATCH /profiles/:userId',
    what: "edit another member's profile",
    outcomes: MANAGERS,
    prepare: async (_f, caller) => ({
      path: `/profiles/${other(caller).id}`,
      body: { department: 'Theirs' },
    }),
  },
  // Programs
  {
    route: 'GET /programs',
    what: 'list programs',
    outcomes: MANAGERS,
    prepare: async () => ({ path: '/programs' }),
  },
  {
    route: 'POST /programs',
    what: 'create a program',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: '/programs', body: { name: `Program ${f.unique()}` } }),
  },
  {
    route: 'GET /programs/:programId',
    what: 'read a program',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/programs/${await f.program()}` }),
  },
  {
    route: 'PATCH /programs/:programId',
    what: 'edit a program',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/programs/${await f.program()}`, body: { description: 'Edited' } }),
  },
  {
    route: 'POST /programs/:programId/cohorts',
    what: 'start a cohort',
    outcomes: MANAGERS,
    prepare: async (f) => ({
      path: `/programs/${await f.program()}/cohorts`,
      body: { name: 'Cohort', startsOn: '2026-04-01', endsOn: '2026-09-30' },
    }),
  },
  // Cohorts
  {
    route: 'GET /cohorts',
    what: 'list cohorts (mentors and mentees: their own and those open for enrollment)',
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/cohorts' }),
  },
  {
    route: 'GET /cohorts/:cohortId',
    what: 'read a cohort one has a place in',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/cohorts/${(await f.invited(caller)).cohortId}` }),
  },
  {
    route: 'GET /cohorts/:cohortId',
    what: 'read a cohort one has no place in (not enrolling)',
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (f) => ({ path: `/cohorts/${await f.cohort()}` }),
  },
  {
    route: 'PATCH /cohorts/:cohortId',
    what: 'edit a cohort',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/cohorts/${await f.cohort()}`, body: { name: 'Renamed' } }),
  },
  {
    route: 'POST /cohorts/:cohortId/status',
    what: "move a cohort's status",
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/cohorts/${await f.cohort()}/status`, body: { status: 'enrolling' } }),
  },
  // The roster
  {
    route: 'GET /cohorts/:cohortId/participants',
    what: 'read the roster',
    outcomes: MANAGERS,
    prepare: async (f, caller) => ({ path: `/cohorts/${(await f.invited(caller)).cohortId}/participants` }),
  },
  {
    route: 'POST /cohorts/:cohortId/participants',
    what: 'invite a participant',
    outcomes: MANAGERS,
    prepare: async (f) => ({
      path: `/cohorts/${await f.cohort()}/participants`,
      body: { email: `invitee-${f.unique()}@example.test`, role: 'mentee' },
    }),
  },
  {
    route: 'GET /cohorts/:cohortId/participants/:participantId',
    what: 'read a participant',
    outcomes: MANAGERS,
    prepare: async (f, caller) => {
      const own = await f.invited(caller);
      return { path: `/cohorts/${own.cohortId}/participants/${own.participantId}` };
    },
  },
  {
    route: 'POST /cohorts/:cohortId/participants/:participantId/approve',
    what: 'approve an application',
    outcomes: MANAGERS,
    prepare: async (f) => {
      const applied = await f.applied();
      return { path: `/cohorts/${applied.cohortId}/participants/${applied.participantId}/approve`, body: {} };
    },
  },
  {
    route: 'POST /cohorts/:cohortId/participants/:participantId/reject',
    what: 'reject an application',
    outcomes: MANAGERS,
    prepare: async (f) => {
      const applied = await f.applied();
      return { path: `/cohorts/${applied.cohortId}/participants/${applied.participantId}/reject`, body: {} };
    },
  },
  {
    route: 'DELETE /cohorts/:cohortId/participants/:participantId',
    what: 'take someone off the roster',
    outcomes: MANAGERS,
    prepare: async (f) => {
      const applied = await f.applied();
      return { path: `/cohorts/${applied.cohortId}/participants/${applied.participantId}` };
    },
  },
  {
    route: 'GET /cohorts/:cohortId/waitlist',
    what: 'read the waitlist and capacity gap',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/cohorts/${await f.cohort()}/waitlist` }),
  },
  // One's own place in a cohort
  {
    route: 'GET /cohorts/:cohortId/participation',
    what: 'read own place',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/cohorts/${(await f.invited(caller)).cohortId}/participation` }),
  },
  {
    route: 'POST /cohorts/:cohortId/participation',
    what: 'apply to an enrolling cohort',
    outcomes: MEMBERS,
    prepare: async (f) => ({
      path: `/cohorts/${await f.cohort('enrolling')}/participation`,
      body: { role: 'mentee' },
    }),
  },
  {
    route: 'POST /cohorts/:cohortId/participation/accept',
    what: 'accept own invitation',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({
      path: `/cohorts/${(await f.invited(caller)).cohortId}/participation/accept`,
      body: {},
    }),
  },
  {
    route: 'POST /cohorts/:cohortId/participation/decline',
    what: 'decline own invitation',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({
      path: `/cohorts/${(await f.invited(caller)).cohortId}/participation/decline`,
      body: {},
    }),
  },
  {
    route: 'DELETE /cohorts/:cohortId/participation',
    what: 'withdraw own place',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/cohorts/${(await f.invited(caller)).cohortId}/participation` }),
  },
  // CSV imports of participants
  {
    route: 'POST /cohorts/:cohortId/imports',
    what: 'upload a participant CSV',
    outcomes: MANAGERS,
    prepare: async (f) => ({
      path: `/cohorts/${await f.cohort()}/imports`,
      csv: `email,name,role\nimport-${f.unique()}@example.test,Imported,mentee\n`,
    }),
  },
  {
    route: 'GET /cohorts/:cohortId/imports',
    what: "list a cohort's imports",
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/cohorts/${(await f.validatedImport()).cohortId}/imports` }),
  },
  {
    route: 'GET /cohorts/:cohortId/imports/:importId',
    what: 'read an import',
    outcomes: MANAGERS,
    prepare: async (f) => {
      const upload = await f.validatedImport();
      return { path: `/cohorts/${upload.cohortId}/imports/${upload.importId}` };
    },
  },
  {
    route: 'GET /cohorts/:cohortId/imports/:importId/rows',
    what: "read an import's row report",
    outcomes: MANAGERS,
    prepare: async (f) => {
      const upload = await f.validatedImport();
      return { path: `/cohorts/${upload.cohortId}/imports/${upload.importId}/rows` };
    },
  },
  {
    route: 'POST /cohorts/:cohortId/imports/:importId/commit',
    what: 'import the valid rows',
    outcomes: MANAGERS,
    prepare: async (f) => {
      const upload = await f.validatedImport();
      return { path: `/cohorts/${upload.cohortId}/imports/${upload.importId}/commit`, body: {} };
    },
  },
  {
    route: 'DELETE /cohorts/:cohortId/imports/:importId',
    what: 'discard an import',
    outcomes: MANAGERS,
    prepare: async (f) => {
      const upload = await f.validatedImport();
      return { path: `/cohorts/${upload.cohortId}/imports/${upload.importId}` };
    },
  },
  // The organization itself (each caller on a fresh one: an admin's request ends it)
  {
    route: 'POST /deletion',
    what: 'delete the organization (typing its name)',
    outcomes: ADMINS,
    prepare: async (f, caller) => {
      const org = await f.organization(caller);
      return { path: '/deletion', orgId: org.id, body: { confirmName: org.name } };
    },
  },
  {
    route: 'DELETE /deletion',
    what: 'restore an organization scheduled for deletion',
    outcomes: { admin: 'ok', coordinator: 404, mentor: 404, mentee: 404 },
    prepare: async (f, caller) => ({ path: '/deletion', orgId: (await f.scheduledForDeletion(caller)).id }),
  },
  {
    route: 'GET /email-deliveries',
    what: 'the email delivery log (sent, retrying, failed with the reason)',
    outcomes: ADMINS,
    prepare: async () => ({ path: '/email-deliveries' }),
  },
  // Suggestions and match requests: what one may do follows from one's part in the cohort or the
  // request (mentee, mentor), which every caller is given here; the organization role does not decide.
  {
    route: 'GET /cohorts/:cohortId/suggestions',
    what: 'read own mentor suggestions (an enrolled mentee)',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({
      path: `/cohorts/${(await f.menteePlace(caller)).cohortId}/suggestions`,
    }),
  },
  {
    route: 'POST /cohorts/:cohortId/match-requests',
    what: 'send a match request (an enrolled mentee)',
    outcomes: MEMBERS,
    prepare: async (f, caller) => {
      const place = await f.menteePlace(caller);
      return {
        path: `/cohorts/${place.cohortId}/match-requests`,
        body: {
          mentorUserId: place.mentorUserId,
          subject: '20 minutes next week?',
          howFound: 'the directory',
          wantToLearn: 'how design reviews work',
          specificAsk: 'a first conversation of 20 minutes',
          offerBack: 'my notes',
        },
      };
    },
  },
  {
    route: 'GET /match-requests/sent',
    what: 'list the requests one sent',
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/match-requests/sent' }),
  },
  {
    route: 'GET /match-requests/received',
    what: 'list the requests one received',
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/match-requests/received' }),
  },
  {
    route: 'GET /match-requests/:requestId',
    what: 'read a request one sent or received',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/match-requests/${await f.requestTo(caller)}` }),
  },
  {
    route: 'GET /match-requests/:requestId',
    what: "read other people's request",
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (f, caller) => ({ path: `/match-requests/${await f.requestTo(other(caller))}` }),
  },
  {
    route: 'POST /match-requests/:requestId/accept',
    what: 'accept a request one received',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/match-requests/${await f.requestTo(caller)}/accept`, body: {} }),
  },
  {
    route: 'POST /match-requests/:requestId/accept',
    what: "accept other people's request",
    outcomes: { admin: 404, coordinator: 404, mentor: 404, mentee: 404 },
    prepare: async (f, caller) => ({
      path: `/match-requests/${await f.requestTo(other(caller))}/accept`,
      body: {},
    }),
  },
  {
    route: 'POST /match-requests/:requestId/decline',
    what: 'decline a request one received',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({
      path: `/match-requests/${await f.requestTo(caller)}/decline`,
      body: { reason: 'too-busy' },
    }),
  },
  {
    route: 'POST /match-requests/:requestId/withdraw',
    what: 'withdraw a request one sent',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({
      path: `/match-requests/${await f.requestFrom(caller)}/withdraw`,
      body: {},
    }),
  },
  // Bulk matching rounds
  {
    route: 'POST /cohorts/:cohortId/matching-rounds',
    what: 'start a matching round',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/cohorts/${await f.matchingCohort()}/matching-rounds`, body: {} }),
  },
  {
    route: 'GET /cohorts/:cohortId/matching-rounds',
    what: "list a cohort's rounds",
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/cohorts/${await f.matchingCohort()}/matching-rounds` }),
  },
  {
    route: 'GET /matching-rounds/:roundId',
    what: 'read a round and its progress',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/matching-rounds/${await f.completedRound()}` }),
  },
  {
    route: 'GET /matching-rounds/:roundId/proposals',
    what: "read a round's proposals",
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/matching-rounds/${await f.completedRound()}/proposals` }),
  },
  {
    route: 'POST /matching-rounds/:roundId/reruns',
    what: 'fix/forbid pairs and re-run',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/matching-rounds/${await f.completedRound()}/reruns`, body: {} }),
  },
  {
    route: 'POST /matching-rounds/:roundId/dry-run',
    what: 'dry-run other weights',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/matching-rounds/${await f.completedRound()}/dry-run`, body: {} }),
  },
  {
    route: 'POST /matching-rounds/:roundId/publish',
    what: 'publish a round',
    outcomes: MANAGERS,
    prepare: async (f) => ({ path: `/matching-rounds/${await f.completedRound()}/publish`, body: {} }),
  },
  // Matches: open to their two sides and to coordinators; anyone else is told there is none.
  {
    route: 'GET /matches',
    what: "list one's own matches",
    outcomes: MEMBERS,
    prepare: async () => ({ path: '/matches' }),
  },
  {
    route: 'GET /matches/:matchId',
    what: 'read a match one is a side of (coordinators: any)',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/matches/${await f.match('trial', caller)}` }),
  },
  {
    route: 'GET /matches/:matchId',
    what: 'read a match of others',
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (f) => ({ path: `/matches/${await f.match('trial')}` }),
  },
  {
    route: 'POST /matches/:matchId/actions',
    what: 'end an active match one is a side of (coordinators: any)',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({
      path: `/matches/${await f.match('active', caller)}/actions`,
      body: { action: 'end', reason: 'Goals reached early' },
    }),
  },
  {
    route: 'POST /matches/:matchId/actions',
    what: 'act on a match of others',
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (f) => ({
      path: `/matches/${await f.match('active')}/actions`,
      body: { action: 'end', reason: 'Goals reached early' },
    }),
  },
  {
    route: 'GET /matches/:matchId/trial',
    what: 'read the trial of a match one is a side of (coordinators: any)',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/matches/${await f.match('trial', caller)}/trial` }),
  },
  {
    route: 'GET /matches/:matchId/trial',
    what: 'read the trial of a match of others',
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (f) => ({ path: `/matches/${await f.match('trial')}/trial` }),
  },
  {
    route: 'POST /matches/:matchId/trial/answers',
    what: 'answer "continue?" as a side (coordinators decide by action instead)',
    outcomes: {
      admin: '403 trial_answer_not_a_side',
      coordinator: '403 trial_answer_not_a_side',
      mentor: 'ok',
      mentee: 'ok',
    },
    prepare: async (f, caller) => ({
      path: `/matches/${await f.match('trial', caller)}/trial/answers`,
      body: { continue: true, rating: 4 },
    }),
  },
  ...lifecycleRows(),
  // The exit survey of a match that ended (issue 9, point 8).
  {
    route: 'GET /matches/:matchId/exit-survey',
    what: 'read the exit survey of a match one is a side of (coordinators: any)',
    outcomes: MEMBERS,
    prepare: async (f, caller) => ({ path: `/matches/${await f.match('ended', caller)}/exit-survey` }),
  },
  {
    route: 'GET /matches/:matchId/exit-survey',
    what: 'read the exit survey of others',
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (f) => ({ path: `/matches/${await f.match('ended')}/exit-survey` }),
  },
  {
    route: 'POST /matches/:matchId/exit-survey',
    what: 'answer the exit survey (its two people only)',
    outcomes: {
      admin: '403 match_side_only',
      coordinator: '403 match_side_only',
      mentor: 'ok',
      mentee: 'ok',
    },
    prepare: async (f, caller) => ({
      path: `/matches/${await f.match('ended', caller)}/exit-survey`,
      body: { rating: 4, whatWorked: 'Weekly calls' },
    }),
  },
  // The coordinator's list and the personal board (issue 9, points 7 and 9).
  {
    route: 'GET /needs-attention',
    what: 'read the "needs attention" list',
    outcomes: MANAGERS,
    prepare: async () => ({ path: '/needs-attention' }),
  },
  {
    route: 'GET /personal-boards/:userId',
    what: "read one's own personal board",
    outcomes: MEMBERS,
    prepare: async (_f, caller) => ({ path: `/personal-boards/${caller.id}` }),
  },
  {
    route: 'GET /personal-boards/:userId',
    what: "read another member's personal board",
    outcomes: { admin: 'ok', coordinator: 'ok', mentor: 404, mentee: 404 },
    prepare: async (_f, caller) => ({ path: `/personal-boards/${other(caller).id}` }),
  },
];

/** The rows of a match's agreement, map, check-ins, notebook and next meeting (issue 9, 3-5). */
function lifecycleRows(): Action[] {
  const SIDES: Record<OrganizationRole, Outcome> = {
    admin: '403 match_side_only',
    coordinator: '403 match_side_only',
    mentor: 'ok',
    mentee: 'ok',
  };
  const OTHERS: Record<OrganizationRole, Outcome> = {
    admin: 'ok',
    coordinator: 'ok',
    mentor: 404,
    mentee: 404,
  };
  const mapBody = {
    version: 1,
    currentState: { skills: [], performanceThemes: [], communityInvolvement: '' },
    desiredState: { description: 'Lead the guild', horizonMonths: 6 },
    communityLevel: 'contributor',
    milestones: [],
  };
  const own = (path: string, body?: unknown) => async (f: Fixtures, caller: SignedUpUser) => {
    const { matchId, checkInId } = await f.running(caller);
    return { path: `/matches/${matchId}/${path.replace(':checkInId', checkInId)}`, body };
  };
  const theirs = (path: string, body?: unknown) => async (f: Fixtures) => {
    const { matchId, checkInId } = await f.running();
    return { path: `/matches/${matchId}/${path.replace(':checkInId', checkInId)}`, body };
  };
  const row = (
    route: string,
    what: string,
    outcomes: Record<OrganizationRole, Outcome>,
    prepare: Action['prepare'],
  ) => ({ route, what, outcomes, prepare }) satisfies Action;
  return [
    row(
      'GET /matches/:matchId/agreement',
      "read a match's agreement, as a side (coordinators: any)",
      MEMBERS,
      own('agreement'),
    ),
    row(
      'GET /matches/:matchId/agreement',
      "read the agreement of others' match",
      OTHERS,
      theirs('agreement'),
    ),
    row(
      'PUT /matches/:matchId/agreement',
      'edit the agreement, as a side (coordinators: any)',
      MEMBERS,
      own('agreement', { version: 1, terms: { goals: ['Ship it'] } }),
    ),
    row(
      'POST /matches/:matchId/agreement/signatures',
      'sign the agreement (its two people only)',
      SIDES,
      own('agreement/signatures', { version: 1 }),
    ),
    row(
      'GET /matches/:matchId/agreement/versions',
      'list the signed versions',
      MEMBERS,
      own('agreement/versions'),
    ),
    row(
      'GET /matches/:matchId/map',
      "read the mentee's map, as a side (coordinators: any)",
      MEMBERS,
      own('map'),
    ),
    row('GET /matches/:matchId/map', "read the map of others' match", OTHERS, theirs('map')),
    row(
      'PUT /matches/:matchId/map',
      'save the map (its mentee only)',
      {
        admin: '403 map_mentee_only',
        coordinator: '403 map_mentee_only',
        mentor: '403 map_mentee_only',
        mentee: 'ok',
      },
      own('map', mapBody),
    ),
    row(
      'GET /matches/:matchId/map/template',
      "read the program's map template",
      MEMBERS,
      own('map/template'),
    ),
    row('GET /matches/:matchId/map/versions', "read the map's history", MEMBERS, own('map/versions')),
    row(
      'GET /matches/:matchId/map/people',
      "find members by name for the map's helpers and buddy (its two people only)",
      SIDES,
      own('map/people'),
    ),
    row(
      'GET /matches/:matchId/check-ins',
      'list check-ins, as a side (coordinators: any)',
      MEMBERS,
      own('check-ins'),
    ),
    row(
      'POST /matches/:matchId/check-ins',
      'log a check-in (its two people only)',
      SIDES,
      own('check-ins', { heldOn: '2026-05-01', durationMinutes: 30 }),
    ),
    row(
      'POST /matches/:matchId/check-ins',
      "log a check-in on others' match",
      { admin: '403 match_side_only', coordinator: '403 match_side_only', mentor: 404, mentee: 404 },
      theirs('check-ins', { heldOn: '2026-05-01', durationMinutes: 30 }),
    ),
    row(
      'GET /matches/:matchId/check-ins/:checkInId',
      'read a check-in',
      MEMBERS,
      own('check-ins/:checkInId'),
    ),
    row('GET /matches/:matchId/notebook', 'read the notebook', MEMBERS, own('notebook')),
    row(
      'POST /matches/:matchId/notebook',
      'post to the notebook (its two people only)',
      SIDES,
      own('notebook', { kind: 'question', body: 'How?' }),
    ),
    row('GET /matches/:matchId/next-meeting', 'read the next meeting', MEMBERS, own('next-meeting')),
    row(
      'GET /matches/:matchId/next-meeting.ics',
      'download the next meeting (.ics)',
      MEMBERS,
      own('next-meeting.ics'),
    ),
    row(
      'PUT /matches/:matchId/next-meeting',
      'plan the next meeting (its two people only)',
      SIDES,
      own('next-meeting', { startsAt: '2099-05-01T10:00', durationMinutes: 30 }),
    ),
    row('GET /matches/:matchId/pulse', "read the match's pulse (one's own answers)", MEMBERS, own('pulse')),
    row(
      'POST /matches/:matchId/pulse',
      "answer this period's pulse (its two people only)",
      SIDES,
      own('pulse', { rating: 4 }),
    ),
    row('GET /matches/:matchId/outcomes', "read one's own success measures", MEMBERS, own('outcomes')),
    row(
      'PUT /matches/:matchId/outcomes',
      'report success measures (its two people only)',
      SIDES,
      own('outcomes', {
        skillsGained: ['Speaking'],
        projectCompleted: true,
        careerStep: false,
        networkGrown: true,
      }),
    ),
    row(
      'POST /cohorts/:cohortId/survey',
      'answer the end-of-cohort survey (an enrolled mentor or mentee of a closed cohort)',
      MEMBERS,
      async (f, caller) => ({
        path: `/cohorts/${await f.closedCohortOf(caller)}/survey`,
        body: { recommend: 9 },
      }),
    ),
    row(
      'GET /cohorts/:cohortId/survey',
      "read one's own end-of-cohort survey (open or not, one's answer)",
      MEMBERS,
      async (f, caller) => ({ path: `/cohorts/${await f.closedCohortOf(caller)}/survey` }),
    ),
    row('GET /cohorts/:cohortId/feedback', "read a cohort's feedback in aggregate", MANAGERS, async (f) => ({
      path: `/cohorts/${await f.cohort()}/feedback`,
    })),
    row('GET /cohorts/:cohortId/matches', "list a cohort's matches in every state", MANAGERS, async (f) => ({
      path: `/cohorts/${await f.cohort()}/matches`,
    })),
  ];
}

/** Set in beforeAll: the member whose profile someone else asks for. */
let others: { of: SignedUpUser; other: SignedUpUser }[] = [];
const other = (caller: SignedUpUser) =>
  others.find((entry) => entry.of.id === caller.id)?.other ?? others[0]!.other;

describe('roles and permissions', () => {
  const t = useTestApi();
  let orgId: string;
  const callers = {} as Record<Role, SignedUpUser>;
  let fixtures: Fixtures;
  let counter = 0;

  beforeAll(async () => {
    callers.admin = await makeUser(t.http);
    orgId = (await makeOrganization(t.http, callers.admin, 'Roles Org')).id;
    const tokens = t.api.app.get(InvitationTokens);
    const accept = (id: string) => tokens.issue(orgId, id);
    for (const role of ['coordinator', 'mentor', 'mentee'] as const)
      callers[role] = await makeMember(t.http, callers.admin, orgId, [role], accept);
    callers['non-member'] = await makeUser(t.http);
    // Someone else's profile: the mentee's for everyone but the mentee, whose is the mentor's.
    others = ROLES.map((role) => ({
      of: callers[role],
      other: role === 'mentee' ? callers.mentor : callers.mentee,
    }));

    const base = `/api/v1/orgs/${orgId}`;
    const asAdmin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const answer = await t.http.request<T>(method, `${base}${path}`, { token: callers.admin.token, body });
      if (answer.status >= 300)
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const unique = () => `${++counter}`;
    const program = async () =>
      (await asAdmin<{ id: string }>('POST', '/programs', { name: `P ${unique()}` })).id;
    const cohort = async (status: 'draft' | 'enrolling' = 'draft') => {
      const id = (
        await asAdmin<{ id: string }>('POST', `/programs/${await program()}/cohorts`, {
          name: 'Cohort',
          startsOn: '2026-04-01',
          endsOn: '2099-09-30',
        })
      ).id;
      if (status === 'enrolling') await asAdmin('POST', `/cohorts/${id}/status`, { status: 'enrolling' });
      return id;
    };
    const roleOf = (caller: SignedUpUser) => ROLES.find((role) => callers[role].id === caller.id)!;
    const organization = async (caller: SignedUpUser) => {
      const name = `Org ${unique()}`;
      const org = await makeOrganization(t.http, callers.admin, name);
      const role = roleOf(caller);
      if (role !== 'admin' && role !== 'non-member') {
        const invited = await t.http.post<{ id: string }>(
          `/api/v1/orgs/${org.id}/invitations`,
          { email: caller.email, roles: [role] },
          callers.admin.token,
        );
        const accepted = await t.http.post(
          `/api/v1/orgs/${org.id}/invitations/accept`,
          { token: tokens.issue(org.id, invited.body.id) },
          caller.token,
        );
        if (accepted.status !== 200) throw new Error(`accept: ${accepted.status}`);
      }
      return { id: org.id, name };
    };
    const choosing = async () => {
      const programId = (
        await asAdmin<{ id: string }>('POST', '/programs', {
          name: `Choice ${unique()}`,
          settings: { matchingMode: 'mentee-choice' },
        })
      ).id;
      const id = (
        await asAdmin<{ id: string }>('POST', `/programs/${programId}/cohorts`, {
          name: 'Cohort',
          startsOn: '2026-04-01',
          endsOn: '2099-09-30',
        })
      ).id;
      for (const status of ['enrolling', 'matching'])
        await asAdmin('POST', `/cohorts/${id}/status`, { status });
      return id;
    };
    // A non-member cannot have a place: the row is written for members only.
    const enroll = (cohortId: string, who: { id: string; email: string }, role: 'mentor' | 'mentee') =>
      t.api.db.query(
        `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
         SELECT $1, gen_random_uuid(), $2, $3, $4, $5, 'enrolled', 'invitation', now()
          WHERE EXISTS (SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $4)`,
        [orgId, cohortId, who.email, who.id, role],
      );
    const someone = async () => (await makeMembersInBulk(t.api.db, orgId, 1, `someone-${unique()}`))[0]!;
    // A non-member's request cannot exist either: they get a request id nobody has.
    const request = async (cohortId: string, menteeUserId: string, mentorUserId: string) =>
      (
        await t.api.db.query<{ id: string }>(
          `INSERT INTO match_requests (organization_id, id, cohort_id, mentee_user_id, mentor_user_id, subject, how_found,
                                       want_to_learn, specific_ask, offer_back, expires_at)
           SELECT $1, gen_random_uuid(), $2, $3, $4, 'Subject', 'found', 'to learn', 'to talk', 'notes',
                  now() + interval '14 days'
            WHERE (SELECT count(*) FROM memberships WHERE organization_id = $1 AND user_id IN ($3, $4)) = 2
           RETURNING id`,
          [orgId, cohortId, menteeUserId, mentorUserId],
        )
      )[0]?.id ?? randomUUID();
    // One cohort per caller and part, made once: each use brings a new counterpart and request.
    const places = new Map<string, Promise<string>>();
    const placeOf = (who: SignedUpUser, role: 'mentor' | 'mentee') => {
      const key = `${who.id}:${role}`;
      if (!places.has(key))
        places.set(
          key,
          choosing().then(async (cohortId) => {
            await enroll(cohortId, who, role);
            return cohortId;
          }),
        );
      return places.get(key)!;
    };
    const menteePlace = async (who: SignedUpUser) => {
      const cohortId = await placeOf(who, 'mentee');
      const mentor = await someone();
      await enroll(cohortId, mentor, 'mentor');
      return { cohortId, mentorUserId: mentor.id };
    };
    fixtures = {
      unique,
      organization,
      scheduledForDeletion: async (caller) => {
        const org = await organization(caller);
        const scheduled = await t.http.post(
          `/api/v1/orgs/${org.id}/deletion`,
          { confirmName: org.name },
          callers.admin.token,
        );
        if (scheduled.status !== 200) throw new Error(`schedule deletion: ${scheduled.status}`);
        return org;
      },
      menteePlace,
      requestTo: async (who) => {
        const cohortId = await placeOf(who, 'mentor');
        const mentee = await someone();
        await enroll(cohortId, mentee, 'mentee');
        return request(cohortId, mentee.id, who.id);
      },
      requestFrom: async (who) => {
        const place = await menteePlace(who);
        return request(place.cohortId, who.id, place.mentorUserId);
      },
      program,
      cohort,
      skill: async () => (await asAdmin<{ id: string }>('POST', '/skills', { name: `S ${unique()}` })).id,
      invited: async (who) => {
        const cohortId = await cohort();
        const place = await asAdmin<{ id: string }>('POST', `/cohorts/${cohortId}/participants`, {
          email: who.email,
          role: 'mentee',
        });
        return { cohortId, participantId: place.id };
      },
      applied: async () => {
        const cohortId = await cohort('enrolling');
        const applied = await t.http.post<{ id: string }>(
          `${base}/cohorts/${cohortId}/participation`,
          { role: 'mentee' },
          callers.mentee.token,
        );
        if (applied.status !== 201) throw new Error(`apply: ${applied.status}`);
        return { cohortId, participantId: applied.body.id };
      },
      match: async (status, caller) => {
        // Two members of the match's own, so a mentor or mentee caller is a side only when asked.
        const pair = await makeMembersInBulk(t.api.db, orgId, 2, `pair-${unique()}`, ['mentor', 'mentee']);
        const mentor = caller === callers.mentor ? caller : pair[0];
        const mentee = caller === callers.mentee ? caller : pair[1];
        const id = randomUUID();
        await t.api.db.query(
          `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
           VALUES ($1, $2, $3, $4, $5, $6, 'coordinator')`,
          [orgId, id, await cohort(), mentor?.id, mentee?.id, status],
        );
        return id;
      },
      closedCohortOf: async (caller) => {
        const cohortId = await cohort();
        await enroll(cohortId, caller, 'mentee');
        await t.api.db.query(`UPDATE cohorts SET status = 'closed' WHERE organization_id = $1 AND id = $2`, [
          orgId,
          cohortId,
        ]);
        return cohortId;
      },
      running: async (caller) => {
        const matchId = await fixtures.match('active', caller);
        const [match] = await t.api.db.query<{ mentee: string }>(
          `SELECT mentee_user_id AS mentee FROM matches WHERE organization_id = $1 AND id = $2`,
          [orgId, matchId],
        );
        const params = [orgId, matchId, match!.mentee];
        await t.api.db.query(
          `INSERT INTO agreements (organization_id, match_id, version, terms, updated_at, created_at)
           VALUES ($1, $2, 1, '{}', now(), now())`,
          params.slice(0, 2),
        );
        await t.api.db.query(
          `INSERT INTO mentorship_maps (organization_id, match_id, version, content, next_review_on, updated_by, updated_at, created_at)
           VALUES ($1, $2, 1, '{"currentState": {"skills": [], "performanceThemes": [], "communityInvolvement": ""},
                   "desiredState": {"description": "", "horizonMonths": 6}, "communityLevel": "participant",
                   "milestones": []}', current_date + 30, $3, now(), now())`,
          params,
        );
        await t.api.db.query(
          `INSERT INTO planned_meetings (organization_id, match_id, starts_at, duration_minutes, time_zone, location,
                                         agenda, sequence, planned_by, planned_at)
           VALUES ($1, $2, now() + interval '7 days', 45, 'Europe/Paris', '', '', 0, $3, now())`,
          params,
        );
        const [checkIn] = await t.api.db.query<{ id: string }>(
          `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
                                  milestone_progress, logged_by, logged_at)
           VALUES ($1, gen_random_uuid(), $2, current_date, 30, '', '[]', '[]', $3, now()) RETURNING id`,
          params,
        );
        return { matchId, checkInId: checkIn!.id };
      },
      validatedImport: async () => {
        const cohortId = await cohort();
        const upload = await t.http.postCsv<{ id: string }>(
          `${base}/cohorts/${cohortId}/imports`,
          `email,name,role\nrow-${unique()}@example.test,Row,mentor\n`,
          callers.admin.token,
        );
        if (upload.status !== 201) throw new Error(`import: ${upload.status}`);
        return { cohortId, importId: upload.body.id };
      },
      matchingCohort: async () =>
        (
          await makeRoundCohort(t.http, t.api.db, callers.admin, orgId, {
            mentors: 1,
            mentees: 1,
            prefix: `roles-${unique()}`,
          })
        ).cohortId,
      completedRound: async () => {
        const cohortId = await fixtures.matchingCohort();
        const [round] = await t.api.db.query<{ id: string }>(
          `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by,
                                        matched_count, total_score, blocking_pairs, unmatched, mentor_load, percent)
           VALUES ($1, gen_random_uuid(), $2, 'completed', 'max-score', 'exact', $3, 0, 0, 0, '[]', '[]', 100)
           RETURNING id`,
          [orgId, cohortId, callers.admin.id],
        );
        return round!.id;
      },
    };
  });

  it('has a row for every people, programs, organization-deletion, match-request, matching-round, matches, needs-attention, personal-board and email-log route', () => {
    const routes = listRoutes(t.api.app)
      .map((route) => `${route.method} ${route.path.replace('/api/v1/orgs/:orgId', '')}`)
      .filter((route) =>
        /^\w+ \/(skills|profiles|programs|cohorts|deletion|match-requests|matching-rounds|matches|needs-attention|personal-boards|email-deliveries)\b/.test(
          route,
        ),
      );
    expect([...new Set(TABLE.map((action) => action.route))].sort()).toEqual([...new Set(routes)].sort());
  });

  // Before the table's run, which adds many cohorts.
  it('shows mentors and mentees only the cohorts they are in (and those open for enrollment)', async () => {
    const mine = await fixtures.invited(callers.mentor);
    const open = await fixtures.cohort('enrolling');
    const hidden = await fixtures.cohort();
    const list = async (who: SignedUpUser) =>
      (
        await t.http.get<Page<{ id: string }>>(`/api/v1/orgs/${orgId}/cohorts?pageSize=100`, who.token)
      ).body.items.map((cohort) => cohort.id);
    const mentorSees = await list(callers.mentor);
    expect(mentorSees).toEqual(expect.arrayContaining([mine.cohortId, open]));
    expect(mentorSees).not.toContain(hidden);
    const menteeSees = await list(callers.mentee);
    expect(menteeSees).toContain(open);
    expect(menteeSees).not.toContain(mine.cohortId);
    expect(menteeSees).not.toContain(hidden);
    expect(await list(callers.coordinator)).toEqual(expect.arrayContaining([mine.cohortId, open, hidden]));
  });

  it('gives mentors and mentees their own profile only', async () => {
    for (const role of ['mentor', 'mentee'] as const) {
      const own = await t.http.get<{ userId: string }>(
        `/api/v1/orgs/${orgId}/profiles/me`,
        callers[role].token,
      );
      expect(own.body.userId).toBe(callers[role].id);
      const theirs = await t.http.get<ErrorBody>(
        `/api/v1/orgs/${orgId}/profiles/${callers[role].id}`,
        callers[role].token,
      );
      expect(theirs.status).toBe(403);
    }
  });

  // One test per row: a row's failure names its route, and the walk never runs into the test timeout.
  it.each(TABLE.map((action) => [`${action.route} (${action.what})`, action] as const))(
    'gives each role what the table says: %s',
    async (_, action) => {
      const seen: { role: Role; outcome: Outcome | string }[] = [];
      const expected: typeof seen = [];
      for (const role of ROLES) {
        const caller = callers[role];
        const request = await action.prepare(fixtures, caller);
        const method = action.route.split(' ')[0]!;
        const path = `/api/v1/orgs/${request.orgId ?? orgId}${request.path}`;
        const answer =
          request.csv !== undefined
            ? await t.http.postCsv<ErrorBody>(path, request.csv, caller.token)
            : await t.http.request<ErrorBody>(method, path, { token: caller.token, body: request.body });
        const outcome: Outcome | string =
          answer.status >= 200 && answer.status < 300
            ? 'ok'
            : answer.status === 403 && answer.body.code === 'forbidden_role'
              ? 403
              : answer.status === 404
                ? 404
                : `${answer.status} ${answer.body.code}`;
        seen.push({ role, outcome });
        expected.push({ role, outcome: role === 'non-member' ? 404 : action.outcomes[role] });
      }
      expect(seen).toEqual(expected);
    },
  );
});
