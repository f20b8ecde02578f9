import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { CohortSurveyView } from '@mentorship/contracts';
import { CohortSurveyComponent } from './cohort-survey.component';

const URL = '/api/v1/orgs/o1/cohorts/c1/survey';

describe(CohortSurveyComponent.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render(survey: CohortSurveyView) {
    const fixture = TestBed.createComponent(CohortSurveyComponent);
    fixture.componentRef.setInput('orgId', 'o1');
    fixture.componentRef.setInput('cohortId', 'c1');
    fixture.componentRef.setInput('cohortName', 'Spring 2026');
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: URL }).flush(survey);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
    return { fixture, loader, text };
  }

  const closed = { cohortId: 'c1', participant: true, open: true, answer: null };

  it('shows nothing while the cohort runs', async () => {
    const { text } = await render({ ...closed, open: false });
    expect(text().trim()).toBe('');
  });

  it('takes a score from 0 to 10 once, then shows it as answered', async () => {
    const { fixture, loader, text } = await render(closed);
    expect(text()).toContain('End of Spring 2026');
    const send = await loader.getHarness(MatButtonHarness.with({ text: 'Send my answer' }));
    await send.click();
    backend.expectNone({ method: 'POST', url: URL });
    expect(text()).toContain('Choose a score from 0 to 10.');

    const scores = await loader.getHarness(MatRadioGroupHarness);
    expect((await scores.getRadioButtons()).length).toBe(11);
    await scores.checkRadioButton({ label: '0' });
    await (await loader.getHarness(MatInputHarness)).setValue('  Too little time  ');
    await send.click();
    const post = backend.expectOne({ method: 'POST', url: URL });
    expect(post.request.body).toEqual({ recommend: 0, comment: 'Too little time' });
    post.flush({ cohortId: 'c1', recommend: 0 });
    backend.expectOne({ method: 'GET', url: URL }).flush({
      ...closed,
      answer: { recommend: 0, comment: 'Too little time', answeredAt: '2026-06-01T09:00:00.000Z' },
    });
    await fixture.whenStable();
    expect(text()).toContain('Answered');
    expect(text()).toContain('You would recommend it 0 out of 10');
    expect(await loader.getAllHarnesses(MatRadioGroupHarness)).toHaveLength(0);
  }, 30_000);
});
