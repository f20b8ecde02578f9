import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { PulseView } from '@mentorship/contracts';
import { ErrorNotifier } from '@mentorship/admin/ui';
import { MatchStore } from './match.store';
import { PulseComponent } from './pulse.component';

const PULSE_URL = '/api/v1/orgs/o1/matches/m1/pulse';
const DUE: PulseView = { intervalDays: 14, period: 2, due: true, nextPeriodOn: '2026-07-01', answers: [] };

// The pulse stands for every section of the match page: MatchSection sends its form with the
// match's ids, applies the answer and says so.
describe(PulseComponent.name, () => {
  // Harness steps on a busy shared machine; the first test also compiles the components.
  jest.setTimeout(30_000);

  let backend: HttpTestingController;
  const infos: string[] = [];
  const store = { orgId: 'o1', matchId: 'm1', pulse: signal<PulseView | null>(DUE), running: signal(true) };

  beforeEach(() => {
    infos.length = 0;
    store.pulse.set(DUE);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatchStore, useValue: store },
        {
          provide: ErrorNotifier,
          useValue: { info: (text: string) => infos.push(text), show: () => undefined },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(PulseComponent);
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('sends the answer for this match, holds the button, then shows the answer and thanks', async () => {
    const { fixture, loader } = await render();
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '4' });
    const send = await loader.getHarness(MatButtonHarness.with({ text: 'Send' }));
    await send.click();
    const request = backend.expectOne(PULSE_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ rating: 4 });
    expect(await send.isDisabled()).toBe(true);
    const answered: PulseView = {
      ...DUE,
      due: false,
      answers: [{ period: 2, rating: 4, comment: null, answeredAt: '2026-06-20T10:00:00.000Z' }],
    } as PulseView;
    request.flush(answered);
    await fixture.whenStable();
    expect(store.pulse()).toEqual(answered);
    expect(infos).toEqual(['Thank you: your pulse is sent.']);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Next pulse from');
  });

  it('keeps the form and says why when the API refuses, without thanking', async () => {
    const { fixture, loader } = await render();
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '2' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Send' }))).click();
    backend
      .expectOne(PULSE_URL)
      .flush(
        { statusCode: 409, code: 'pulse_already_answered', message: 'This period is answered already.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(infos).toEqual([]);
    expect(store.pulse()).toEqual(DUE);
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'This period is answered already.',
    );
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Send' }))).isDisabled()).toBe(false);
  });
});
