import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ERROR_CODES } from '@mentorship/contracts';
import { SkillsStore, rejectedLinesOf } from './skills.store';

const emptyPage = { items: [], page: 1, pageSize: 20, total: 0 };

describe(SkillsStore.name, () => {
  let store: SkillsStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), SkillsStore],
    });
    store = TestBed.inject(SkillsStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function flushLists(): void {
    TestBed.tick();
    backend.match((r) => r.url === '/api/v1/orgs/o1/skills').forEach((request) => request.flush(emptyPage));
  }

  it('searches and filters from the first page, and lists active skills by default', () => {
    store.open('o1');
    TestBed.tick();
    const requests = backend.match((r) => r.url === '/api/v1/orgs/o1/skills');
    expect(requests.every((r) => r.request.params.get('status') === 'active')).toBe(true);
    requests.forEach((r) => r.flush(emptyPage));
    store.goToPage({ page: 2, pageSize: 20 });
    flushLists();
    store.search('  rust ');
    TestBed.tick();
    const search = backend.expectOne((r) => r.url === '/api/v1/orgs/o1/skills');
    expect(search.request.params.get('q')).toBe('rust');
    expect(search.request.params.get('page')).toBe('1');
    search.flush(emptyPage);
    store.filterStatus(null);
    TestBed.tick();
    expect(backend.expectOne((r) => r.url === '/api/v1/orgs/o1/skills').request.params.has('status')).toBe(
      false,
    );
  });

  it('keeps every rejected line of a refused CSV file to show', () => {
    store.open('o1');
    flushLists();
    let failed = false;
    store.importCsv('name\nGo\n').subscribe({ error: () => (failed = true) });
    const upload = backend.expectOne('/api/v1/orgs/o1/skills/import');
    expect(upload.request.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    upload.flush(
      {
        statusCode: 400,
        code: ERROR_CODES.csvRowsRejected,
        message: '1 line(s) of the file cannot be imported; nothing was imported.',
        details: { rejected: [{ line: 3, reasons: ['a name is at most 80 characters'] }] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(failed).toBe(true);
    expect(store.rejectedLines()).toEqual([{ line: 3, reasons: ['a name is at most 80 characters'] }]);
    expect(store.lastImport()).toBeNull();
  });

  it('reads rejected lines only from a csv_rows_rejected answer', () => {
    const answer = (code: string, details: unknown) =>
      new HttpErrorResponse({ status: 400, error: { statusCode: 400, code, message: 'm', details } });
    expect(
      rejectedLinesOf(answer(ERROR_CODES.validationFailed, { rejected: [{ line: 1, reasons: [] }] })),
    ).toEqual([]);
    expect(
      rejectedLinesOf(
        answer(ERROR_CODES.csvRowsRejected, { rejected: [{ line: 'x' }, { line: 2, reasons: ['r'] }] }),
      ),
    ).toEqual([{ line: 2, reasons: ['r'] }]);
  });
});
