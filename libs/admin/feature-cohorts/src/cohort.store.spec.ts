import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CohortView, ParticipantImportView } from '@mentorship/contracts';
import { CohortStore } from './cohort.store';

const BASE = '/api/v1/orgs/o1/cohorts/c1';
const emptyPage = { items: [], page: 1, pageSize: 20, total: 0 };
const capacity = { mentors: 0, mentorPlaces: 0, mentees: 0, placeable: 0, waiting: 0, gap: 0 };

const anImport = (overrides: Partial<ParticipantImportView> = {}): ParticipantImportView => ({
  id: 'i1',
  cohortId: 'c1',
  status: 'validated',
  delimiter: ',',
  ignoredColumns: [],
  rows: { total: 3, valid: 2, rejected: 1 },
  progress: { processed: 0, total: 2 },
  enrolled: 0,
  invited: 0,
  failure: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  committedAt: null,
  finishedAt: null,
  ...overrides,
});

describe(CohortStore.name, () => {
  let store: CohortStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CohortStore],
    });
    store = TestBed.inject(CohortStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const roster = (): TestRequest => {
    TestBed.tick();
    return backend.expectOne((r) => r.url === `${BASE}/participants`);
  };
  const waitlist = (): TestRequest => backend.expectOne((r) => r.url === `${BASE}/waitlist`);

  function open(): void {
    store.open('o1', 'c1');
    backend.expectOne(BASE).flush({ id: 'c1', name: 'Spring' } as CohortView);
    backend.expectOne((r) => r.url === '/api/v1/orgs/o1/skills').flush(emptyPage);
    roster().flush(emptyPage);
    waitlist().flush({ ...emptyPage, capacity });
  }

  it('filters the roster by role, status and skill from the first page', () => {
    open();
    store.rosterPage({ page: 3, pageSize: 20 });
    roster().flush({ ...emptyPage, page: 3 });
    store.filterRoster({ role: 'mentee', status: 'applied', skillId: 's1' });
    const filtered = roster();
    expect(filtered.request.params.get('role')).toBe('mentee');
    expect(filtered.request.params.get('status')).toBe('applied');
    expect(filtered.request.params.get('skillId')).toBe('s1');
    expect(filtered.request.params.get('page')).toBe('1');
    expect(store.hasFilters()).toBe(true);
    filtered.flush(emptyPage);
  });

  it('uploads a file as CSV, lists its rejected rows, and imports at once when small', () => {
    open();
    store.validateImport('email,name,role\n').subscribe();
    const upload = backend.expectOne(`${BASE}/imports`);
    expect(upload.request.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(upload.request.body).toBe('email,name,role\n');
    upload.flush(anImport());
    TestBed.tick();
    const rows = backend.expectOne((r) => r.url === `${BASE}/imports/i1/rows`);
    expect(rows.request.params.get('status')).toBe('rejected');
    rows.flush({
      items: [{ line: 3, status: 'rejected', email: 'x', name: null, role: null, reasons: ['bad'] }],
      page: 1,
      pageSize: 50,
      total: 1,
    });
    expect(store.rejectedRows()?.items[0]?.line).toBe(3);

    const states: string[] = [];
    store.commitImport().subscribe((state) => states.push(state.status));
    backend.expectOne(`${BASE}/imports/i1/commit`).flush(anImport({ status: 'completed', enrolled: 2 }));
    expect(states).toEqual(['completed']);
    expect(store.importBusy()).toBe(false);
    // The roster and the waitlist are read again with the new participants.
    roster().flush(emptyPage);
    waitlist().flush({ ...emptyPage, capacity });
  });

  it('follows a queued import until it completes', () => {
    jest.useFakeTimers();
    try {
      open();
      store.validateImport('csv').subscribe();
      backend.expectOne(`${BASE}/imports`).flush(anImport({ rows: { total: 2, valid: 2, rejected: 0 } }));
      TestBed.tick();
      backend.expectOne((r) => r.url === `${BASE}/imports/i1/rows`).flush({ ...emptyPage, pageSize: 50 });
      const states: string[] = [];
      store.commitImport().subscribe((state) => states.push(state.status));
      backend
        .expectOne(`${BASE}/imports/i1/commit`)
        .flush(anImport({ status: 'queued' }), { status: 202, statusText: 'Accepted' });
      jest.advanceTimersByTime(0);
      backend
        .expectOne(`${BASE}/imports/i1`)
        .flush(anImport({ status: 'importing', progress: { processed: 1, total: 2 } }));
      expect(store.currentImport()?.progress.processed).toBe(1);
      jest.advanceTimersByTime(1000);
      backend.expectOne(`${BASE}/imports/i1`).flush(anImport({ status: 'completed' }));
      jest.advanceTimersByTime(5000);
      backend.expectNone(`${BASE}/imports/i1`);
      expect(states).toEqual(['importing', 'completed']);
      roster().flush(emptyPage);
      waitlist().flush({ ...emptyPage, capacity });
    } finally {
      jest.useRealTimers();
    }
  });
});
