import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CohortView, RoundView } from '@mentorship/contracts';
import { RoundStore, problemOf } from './round.store';

const ORG = '/api/v1/orgs/o1';
const emptyPage = { items: [], page: 1, pageSize: 25, total: 0 };

const aRound = (overrides: Partial<RoundView> = {}): RoundView => ({
  id: 'r1',
  cohortId: 'c1',
  previousRoundId: null,
  status: 'completed',
  objective: 'max-matched-then-score',
  mode: 'stable',
  phase: null,
  percent: 100,
  failure: null,
  fixedPairs: [{ menteeUserId: 'e1', mentorUserId: 'm1' }],
  forbiddenPairs: [],
  matchedCount: 2,
  totalScore: 150,
  blockingPairs: 0,
  unmatched: [],
  mentorLoad: [{ mentorUserId: 'm1', places: 2, assigned: 2, remaining: 0, groups: null }],
  diff: null,
  warmStarted: false,
  attempts: 1,
  people: [{ userId: 'm1', name: 'Mina Mentor' }],
  createdAt: '2026-12-01T10:00:00.000Z',
  completedAt: '2026-12-01T10:00:02.000Z',
  publishedAt: null,
  ...overrides,
});

describe(RoundStore.name, () => {
  let store: RoundStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), RoundStore],
    });
    store = TestBed.inject(RoundStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  /** Opens a completed round: the cohort, its rounds, the round, then its proposals. */
  function open(round: RoundView = aRound()): void {
    store.open('o1', 'c1', round.id);
    TestBed.tick();
    backend.expectOne(`${ORG}/cohorts/c1`).flush({ id: 'c1', name: 'Spring' } as CohortView);
    backend.expectOne((r) => r.url === `${ORG}/cohorts/c1/matching-rounds`).flush(emptyPage);
    backend.expectOne(`${ORG}/matching-rounds/${round.id}`).flush(round);
    TestBed.tick();
    backend.expectOne((r) => r.url === `${ORG}/matching-rounds/${round.id}/proposals`).flush(emptyPage);
  }

  it('keeps one fixed mentor per mentee, and a forbid or an undo takes a fix back', () => {
    open();
    store.fix({ menteeUserId: 'e2', mentorUserId: 'm1' });
    store.fix({ menteeUserId: 'e2', mentorUserId: 'm2' });
    expect(store.decisions().fix).toEqual([{ menteeUserId: 'e2', mentorUserId: 'm2' }]);
    store.forbid({ menteeUserId: 'e2', mentorUserId: 'm2' });
    expect(store.decisions()).toEqual({
      fix: [],
      forbid: [{ menteeUserId: 'e2', mentorUserId: 'm2' }],
      release: [],
    });
    store.undo({ menteeUserId: 'e2', mentorUserId: 'm2' });
    expect(store.decisionCount()).toBe(0);
  });

  it("re-runs with the round's goal and mode and every decision, then forgets none before the answer", () => {
    open();
    store.forbid({ menteeUserId: 'e3', mentorUserId: 'm1' });
    store.release({ menteeUserId: 'e1', mentorUserId: 'm1' });
    let answer: RoundView | undefined;
    store.rerun().subscribe((round) => (answer = round));
    const request = backend.expectOne(`${ORG}/matching-rounds/r1/reruns`);
    expect(request.request.body).toEqual({
      objective: 'max-matched-then-score',
      mode: 'stable',
      fix: [],
      forbid: [{ menteeUserId: 'e3', mentorUserId: 'm1' }],
      release: [{ menteeUserId: 'e1', mentorUserId: 'm1' }],
    });
    expect(store.busy()).toBe(true);
    request.flush(aRound({ id: 'r2', status: 'queued', previousRoundId: 'r1' }));
    expect(answer?.id).toBe('r2');
    expect(store.busy()).toBe(false);
  });

  it('names the running round when a second one is refused with 409', () => {
    open();
    store.start({ objective: 'max-score', mode: 'exact' }).subscribe({ error: () => undefined });
    backend.expectOne(`${ORG}/cohorts/c1/matching-rounds`).flush(
      {
        statusCode: 409,
        code: 'round_in_progress',
        message: 'A round is running.',
        details: { roundId: 'r9' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(store.problem()).toEqual({
      message: 'A round of this cohort is already running. Wait for it to finish, or open it to follow it.',
      runningRoundId: 'r9',
    });
  });

  it("keeps the API's own words for a round too large, and for anything else", () => {
    const tooLarge = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, code: 'round_too_large', message: 'Split the cohort.' },
    });
    expect(problemOf(tooLarge)).toEqual({ message: 'Split the cohort.' });
  });

  it('asks for no proposals while the round runs, and names the mentors of the filter', () => {
    store.open('o1', 'c1', 'r1');
    TestBed.tick();
    backend.expectOne(`${ORG}/cohorts/c1`).flush({ id: 'c1', name: 'Spring' } as CohortView);
    backend.expectOne((r) => r.url === `${ORG}/cohorts/c1/matching-rounds`).flush(emptyPage);
    backend.expectOne(`${ORG}/matching-rounds/r1`).flush(aRound({ status: 'running', percent: 40 }));
    TestBed.tick();
    backend.expectNone((r) => r.url.endsWith('/proposals'));
    expect(store.running()).toBe(true);
    expect(store.mentors()).toEqual([{ userId: 'm1', name: 'Mina Mentor' }]);
  });
});
