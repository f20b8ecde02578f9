import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { ERROR_CODES } from '@mentorship/contracts';
import { ProgramEditorPage } from './program-editor.page';

describe(ProgramEditorPage.name, () => {
  // A bound on a hang: the editor is a large form, and JIT rendering it on a loaded machine is slow.
  jest.setTimeout(30_000);
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(ProgramEditorPage);
    fixture.componentRef.setInput('orgId', 'o1');
    fixture.detectChanges();
    // The kinds the program may turn off come from the API's notification preferences.
    backend.expectOne('/api/v1/orgs/o1/notification-preferences').flush({
      kinds: [
        {
          kind: 'pulse.due',
          label: 'Pulse survey due',
          description: 'When a pulse opens.',
          timing: 'morning',
          perProgram: true,
          inApp: true,
          email: true,
        },
        {
          kind: 'mentor-pause.ending',
          label: 'Pause ending',
          description: 'Before your pause ends.',
          timing: 'morning',
          perProgram: false,
          inApp: true,
          email: true,
        },
        {
          kind: 'pair.quiet',
          label: 'Gone quiet',
          description: 'No check-in for a while.',
          timing: 'morning',
          perProgram: true,
          inApp: true,
          email: true,
        },
      ],
      dailyDigest: false,
    });
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const field = (label: RegExp) =>
      loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    return {
      fixture,
      loader,
      field,
      input: async (label: RegExp) => {
        const control = await (await field(label)).getControl(MatInputHarness);
        if (!control) throw new Error(`No input in the field ${String(label)}`);
        return control;
      },
      create: () =>
        loader.getHarness(MatButtonHarness.with({ text: 'Create program' })).then((b) => b.click()),
      text: async () => {
        await fixture.whenStable();
        return (fixture.nativeElement as HTMLElement).textContent ?? '';
      },
    };
  }

  it('shows the trial only for kinds that have one, and the group size only for groups', async () => {
    const { loader, text } = await render();
    expect(await text()).toContain('Trial length (days)');
    expect(await text()).not.toContain('Group size');
    const kind = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="kind"]' }));
    await kind.open();
    await kind.clickOptions({ text: 'Flash' });
    expect(await text()).not.toContain('Trial length (days)');
    expect(await text()).toContain('there is no trial');
    await kind.open();
    await kind.clickOptions({ text: 'Group' });
    expect(await text()).toContain('Group size');
  });

  it('puts the API’s refusals on their fields, and the engine’s on the criteria', async () => {
    const { input, field, create, text } = await render();
    await (await input(/^Name/)).setValue('Sales mentoring');
    await create();
    const first = backend.expectOne('/api/v1/orgs/o1/programs');
    expect(first.request.body).toMatchObject({
      name: 'Sales mentoring',
      settings: { kind: 'one-to-one', trialDays: 30 },
    });
    first.flush(
      {
        statusCode: 400,
        code: ERROR_CODES.validationFailed,
        message: 'The request is not valid.',
        details: [
          { field: 'settings.trialDays', problems: ['one-to-one programs need a trial length in days'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await (await field(/^Trial length/)).getTextErrors()).toEqual([
      'One-to-one programs need a trial length in days.',
    ]);

    // Editing the field clears the API's word on it; the form can be sent again.
    await (await input(/^Trial length/)).setValue('21');
    await create();
    backend.expectOne('/api/v1/orgs/o1/programs').flush(
      {
        statusCode: 400,
        code: ERROR_CODES.invalidCriteria,
        message: 'at least one component weight must be positive',
        details: [
          { field: 'settings.criteria', problems: ['at least one component weight must be positive'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await text()).toContain('at least one component weight must be positive');
  });

  it('sends every reminder kind unless the coordinator turns it off, and saves the kinds turned off', async () => {
    const { loader, input, create } = await render();
    await (await input(/^Name/)).setValue('Quiet program');
    const quiet = await loader.getHarness(MatCheckboxHarness.with({ label: 'Gone quiet' }));
    expect(await quiet.isChecked()).toBe(true);
    // A kind about a person, not a program's matches, is not the program's to turn off.
    expect(await loader.getAllHarnesses(MatCheckboxHarness.with({ label: 'Pause ending' }))).toEqual([]);
    await quiet.uncheck();
    await (await input(/^Quiet after/)).setValue('14');
    await create();
    const sent = backend.expectOne('/api/v1/orgs/o1/programs');
    expect(sent.request.body).toMatchObject({
      settings: { quietDays: 14, disabledNotificationKinds: ['pair.quiet'] },
    });
    sent.flush({}, { status: 500, statusText: 'Server Error' });
  });

  it('says the weights as shares and the hard limits in words as they are edited', async () => {
    const { input, text } = await render();
    await (await input(/^Skills/)).setValue('100');
    expect(await text()).toMatch(/Skills.*59 %/);
    await (await input(/^Largest time-zone gap/)).setValue('3');
    expect(await text()).toContain('Time zones at most 3 h apart.');
  });
});
