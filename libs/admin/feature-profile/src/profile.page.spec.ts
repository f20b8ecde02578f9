import { provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { ERROR_CODES, type OrganizationRole, type ProfileView } from '@mentorship/contracts';
import { signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { ProfilePage } from './profile.page';

const profile = (overrides: Partial<ProfileView> = {}): ProfileView => ({
  userId: 'u1',
  email: 'u1@example.org',
  displayName: 'U One',
  timeZone: 'Europe/Berlin',
  languages: ['en'],
  seniority: null,
  department: null,
  managerEmail: null,
  goals: [],
  topics: [],
  offeredMentorTypes: [],
  wantedMentorTypes: [],
  offeredSkills: [],
  wantedSkills: [],
  availability: [{ day: 1, start: '09:00', end: '10:00' }],
  mentorCapacity: null,
  paused: false,
  pauseEndsOn: null,
  pausedNow: false,
  updatedAt: null,
  ...overrides,
});

describe(ProfilePage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render(roles: OrganizationRole[], stored = profile()) {
    signInForTest(backend, { id: 'u1' });
    TestBed.inject(OrganizationStore).ensureLoaded().subscribe();
    backend.expectOne('/api/v1/orgs').flush({ items: [{ id: 'o1', name: 'Northwind', roles }] });
    const fixture = TestBed.createComponent(ProfilePage);
    fixture.componentRef.setInput('orgId', 'o1');
    await fixture.whenStable();
    backend.expectOne('/api/v1/orgs/o1/profiles/me').flush(stored);
    backend
      .expectOne((r) => r.url === '/api/v1/orgs/o1/skills')
      .flush({ items: [], page: 1, pageSize: 100, total: 0 });
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return {
      fixture,
      loader,
      save: () => loader.getHarness(MatButtonHarness.with({ text: 'Save profile' })).then((b) => b.click()),
      text: () => (fixture.nativeElement as HTMLElement).textContent ?? '',
    };
  }

  it('shows a mentee the mentee part only and sends goals one a line, with the grid as slots', async () => {
    const { loader, fixture, save, text } = await render(['mentee']);
    expect(text()).toContain('As a mentee');
    expect(text()).not.toContain('As a mentor');
    expect(text()).toContain('Europe/Berlin');
    // The member's notification choices are a link away.
    const settings = (fixture.nativeElement as HTMLElement).querySelector(
      'a[href="/orgs/o1/notifications#preferences"]',
    );
    expect(settings?.textContent?.trim()).toBe('Notification settings');
    const goals = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="goals"]' }));
    await goals.setValue('Lead a team\n\nSpeak at a conference ');
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('button[aria-label="Tuesday 10:00"]')!
      .click();
    await save();
    const request = backend.expectOne('/api/v1/orgs/o1/profiles/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({
      goals: ['Lead a team', 'Speak at a conference'],
      wantedSkills: [],
      availability: [{ day: 1, start: '09:00', end: '11:00' }],
    });
    expect(request.request.body).not.toHaveProperty('mentorCapacity');
    request.flush(profile());
  });

  it('sends a mentor’s pause end only while paused, and shows a refusal on its field', async () => {
    const { loader, save } = await render(['mentor'], profile({ mentorCapacity: 2 }));
    await (await loader.getHarness(MatSlideToggleHarness)).toggle();
    const end = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName="pauseEndsOn"]' }),
    );
    await end.setValue('2027-01-31');
    await save();
    const request = backend.expectOne('/api/v1/orgs/o1/profiles/me');
    expect(request.request.body).toMatchObject({
      mentorCapacity: 2,
      paused: true,
      pauseEndsOn: '2027-01-31',
    });
    request.flush(
      {
        statusCode: 400,
        code: ERROR_CODES.validationFailed,
        message: 'The request is not valid.',
        details: [{ field: 'pauseEndsOn', problems: ['pauseEndsOn must be a date in the future'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Pause ends on' }));
    expect(await field.getTextErrors()).toEqual(['PauseEndsOn must be a date in the future.']);
  });
});
