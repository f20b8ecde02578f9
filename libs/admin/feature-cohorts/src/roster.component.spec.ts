import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CohortView, ParticipantView } from '@mentorship/contracts';
import { CohortStore } from './cohort.store';
import { RosterComponent } from './roster.component';

const BASE = '/api/v1/orgs/o1/cohorts/c1';
const capacity = { mentors: 0, mentorPlaces: 0, mentees: 0, placeable: 0, waiting: 0, gap: 0 };
const applicant: ParticipantView = {
  id: 'p1',
  email: 'ann@example.org',
  userId: 'u1',
  name: 'Ann Applicant',
  role: 'mentee',
  status: 'applied',
  source: 'application',
  motivation: 'I want to learn Go',
  enrolledAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  profile: {
    timeZone: 'UTC',
    languages: ['en'],
    department: null,
    skills: [{ skillId: 's1', name: 'Go', level: 3 }],
  },
};
const page = (items: ParticipantView[]) => ({ items, page: 1, pageSize: 20, total: items.length });

describe(RosterComponent.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CohortStore],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const store = TestBed.inject(CohortStore);
    store.open('o1', 'c1');
    backend.expectOne(BASE).flush({ id: 'c1' } as CohortView);
    backend
      .expectOne((r) => r.url === '/api/v1/orgs/o1/skills')
      .flush({
        items: [{ id: 's1', name: 'Go', status: 'active', profiles: 1 }],
        page: 1,
        pageSize: 100,
        total: 1,
      });
    const fixture = TestBed.createComponent(RosterComponent);
    await fixture.whenStable();
    backend.expectOne((r) => r.url === `${BASE}/participants`).flush(page([applicant]));
    backend.expectOne((r) => r.url === `${BASE}/waitlist`).flush({ ...page([]), capacity });
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('lists each participant with enrollment status and skills, and filters by skill', async () => {
    const { fixture, loader } = await render();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('Ann Applicant');
    expect(text).toContain('Applied');
    expect(text).toContain('Go 3');
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    await selects[2]!.open();
    await selects[2]!.clickOptions({ text: 'Go' });
    const filtered = backend.expectOne((r) => r.url === `${BASE}/participants`);
    expect(filtered.request.params.get('skillId')).toBe('s1');
    filtered.flush(page([applicant]));
  });

  it('approves an application, then reads the roster and the waitlist again', async () => {
    const { fixture, loader } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Approve' }))).click();
    backend.expectOne(`${BASE}/participants/p1/approve`).flush({ ...applicant, status: 'enrolled' });
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === `${BASE}/participants`)
      .flush(page([{ ...applicant, status: 'enrolled' }]));
    backend.expectOne((r) => r.url === `${BASE}/waitlist`).flush({ ...page([]), capacity });
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Approve' }))).toHaveLength(0);
  });
});
