import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ERROR_CODES, FIELD_LIMITS } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { RequestFormComponent } from './request-form.component';

const URL = '/api/v1/orgs/o1/cohorts/c1/match-requests';

const FILLED = {
  Subject: '20 minutes on design reviews next week?',
  'How I found you': 'Your talk at the all-hands',
  'What I want to learn': 'How to run a design review that ends with decisions.',
  'My specific ask': 'A first conversation of 20 minutes.',
  'What I offer back': 'Our migration notes.',
};

describe(RequestFormComponent.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render() {
    signInForTest(backend, { id: 'u1' });
    const fixture = TestBed.createComponent(RequestFormComponent);
    for (const [name, value] of Object.entries({
      orgId: 'o1',
      cohortId: 'c1',
      mentorUserId: 'm1',
      mentorName: 'Mina Mentor',
    }))
      fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const field = (label: string) =>
      loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const fill = async (values: Record<string, string>) => {
      for (const [label, value] of Object.entries(values))
        await (await (await field(label)).getControl(MatInputHarness))!.setValue(value);
    };
    const send = async () => {
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Send request' }))).click();
      await fixture.whenStable();
    };
    const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
    return { fixture, field, fill, send, text };
  }

  it('counts characters as the API does: an emoji is one, so the longest subject is accepted', async () => {
    const { fill, send, field, text } = await render();
    const longest = '\u{1F600}'.repeat(FIELD_LIMITS.matchRequestSubject.max);
    await fill({ ...FILLED, Subject: longest });
    expect(text()).toContain(
      `${FIELD_LIMITS.matchRequestSubject.max} / ${FIELD_LIMITS.matchRequestSubject.max}`,
    );
    await send();
    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({
      mentorUserId: 'm1',
      subject: longest,
      howFound: FILLED['How I found you'],
      wantToLearn: FILLED['What I want to learn'],
      specificAsk: FILLED['My specific ask'],
      offerBack: FILLED['What I offer back'],
    });
    expect(await (await field('Subject')).getTextErrors()).toEqual([]);
  });

  it('refuses one character too many without sending, and says the limit on the field', async () => {
    const { fill, send, field } = await render();
    await fill({ ...FILLED, Subject: 'x'.repeat(FIELD_LIMITS.matchRequestSubject.max + 1) });
    await send();
    backend.expectNone(URL);
    expect(await (await field('Subject')).getTextErrors()).toEqual([
      `Use at most ${FIELD_LIMITS.matchRequestSubject.max} characters.`,
    ]);
  });

  it('puts the API’s field problems next to their fields and a conflict in the form’s error', async () => {
    const { fixture, fill, send, field, text } = await render();
    await fill(FILLED);
    await send();
    backend.expectOne(URL).flush(
      {
        statusCode: 400,
        code: ERROR_CODES.validationFailed,
        message: 'Validation failed',
        details: [
          { field: 'howFound', problems: ['howFound must be shorter than or equal to 300 characters'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(await (await field('How I found you')).getTextErrors()).toEqual([
      'HowFound must be shorter than or equal to 300 characters.',
    ]);
    expect(await (await field('Subject')).getTextErrors()).toEqual([]);

    await fill({ 'How I found you': 'The data guild' });
    await send();
    backend.expectOne(URL).flush(
      {
        statusCode: 409,
        code: ERROR_CODES.openRequestLimit,
        message:
          'You have 3 open requests, the most this program allows; withdraw one or wait for an answer.',
        details: { limit: 3 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(text()).toContain('You have 3 open requests, the most this program allows');
  });
});
