import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { MapView } from '@mentorship/contracts';
import { MapEditorComponent } from './map-editor.component';
import { MatchStore } from './match.store';

const MAP_URL = '/api/v1/orgs/o1/matches/m1/map';
const bea = { userId: '00000000-0000-4000-8000-0000000000be', displayName: 'Bea Buddy' };
const sam = { userId: '00000000-0000-4000-8000-00000000005a', displayName: 'Sam Sponsor' };

const MAP = {
  matchId: 'm1',
  menteeUserId: 'u-mentee',
  version: 3,
  currentState: { skills: [], performanceThemes: [], communityInvolvement: '' },
  desiredState: { description: 'Lead the guild', horizonMonths: 12 },
  communityLevel: 'participant',
  milestones: [
    {
      id: 'ms-1',
      title: 'Give a talk',
      performance: '',
      community: 'At the guild',
      stage: 'practice',
      dueOn: '2026-09-01',
      measure: 'Talk given',
      helpers: [{ kind: 'sponsor', userId: sam.userId, name: null, role: null }],
      doneOn: null,
      missedDueDates: [],
      timesMissed: 0,
    },
  ],
  nextReviewOn: '2026-07-01',
  buddyUserId: bea.userId,
  flags: [],
  people: [bea, sam],
  updatedAt: '2026-06-01T09:00:00.000Z',
} as MapView;

describe(MapEditorComponent.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatchStore, useValue: { orgId: 'o1', matchId: 'm1' } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(MapEditorComponent);
    fixture.componentRef.setInput('map', MAP);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const input = async (label: string) =>
      (await (
        await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))
      ).getControl(MatInputHarness))!;
    const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text }));
    return { fixture, loader, input, button };
  }

  it('keeps who helps, the review date and the buddy, and sends the people added and removed', async () => {
    const { fixture, loader, input, button } = await render();
    expect(await (await input('Member')).getValue()).toBe('Sam Sponsor');
    expect(await (await input('Next review')).getValue()).toBe('2026-07-01');
    expect(await (await input('Map buddy (optional)')).getValue()).toBe('Bea Buddy');

    // Someone from outside the organization, by name and role.
    await (await button('Add a person who helps')).click();
    const [, second] = await loader.getAllHarnesses(MatRadioGroupHarness);
    await second!.checkRadioButton({ label: 'Someone else' });
    await (await input('Name')).setValue('Kim Okafor');
    await (await input('Role')).setValue('Guild lead');
    await (await input('Next review')).setValue('2026-08-15');
    // No buddy any more.
    await (await input('Map buddy (optional)')).setValue('');

    await (await button('Save the map')).click();
    const save = backend.expectOne({ method: 'PUT', url: MAP_URL });
    expect(save.request.body).toMatchObject({
      version: 3,
      nextReviewOn: '2026-08-15',
      buddyUserId: null,
      milestones: [
        {
          id: 'ms-1',
          helpers: [
            { kind: 'sponsor', userId: sam.userId },
            { kind: 'peer', name: 'Kim Okafor', role: 'Guild lead' },
          ],
        },
      ],
    });
    save.flush(MAP);
    await fixture.whenStable();
  }, 30_000);

  it('takes a member only from the list the API finds, and does not save typed text', async () => {
    const { fixture, loader, input, button } = await render();
    await (await button('Remove this person')).click();
    await (await button('Add a person who helps')).click();
    const picker = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.helper input' }));
    await picker.enterText('Bea');
    await (await button('Save the map')).click();
    backend.expectNone({ method: 'PUT', url: MAP_URL });
    expect(
      await (
        await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Member' }))
      ).getTextErrors(),
    ).toEqual(['Pick a member from the list.']);

    await new Promise((done) => setTimeout(done, 250));
    backend
      .expectOne((r) => r.url === `${MAP_URL}/people` && r.params.get('q') === 'Bea')
      .flush({ items: [bea] });
    await fixture.whenStable();
    // Typing again opens the list the API sent (the same words ask it nothing new).
    await picker.clear();
    await picker.enterText('Bea');
    await picker.selectOption({ text: 'Bea Buddy' });
    expect(await (await input('Member')).getValue()).toBe('Bea Buddy');
    await (await button('Save the map')).click();
    const save = backend.expectOne({ method: 'PUT', url: MAP_URL });
    expect(save.request.body.milestones[0].helpers).toEqual([{ kind: 'peer', userId: bea.userId }]);
    save.flush(MAP);
  }, 30_000);
});
