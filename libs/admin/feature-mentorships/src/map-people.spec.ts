import type { MapView, MilestoneView } from '@mentorship/contracts';
import { buddyChoice, helperForm, helperInput, helperLabel, isPerson } from './map-people';

const bea = { userId: 'u-bea', displayName: 'Bea Buddy' };

describe('helperForm', () => {
  it('asks for a member picked from the list, not a typed name', () => {
    const form = helperForm();
    expect(form.getRawValue()).toMatchObject({ kind: 'peer', who: 'member', member: null });
    expect(form.controls.member.errors).toEqual({ memberNotChosen: true });
    form.controls.member.setValue('Bea');
    expect(form.valid).toBe(false);
    form.controls.member.setValue(bea);
    expect(form.valid).toBe(true);
    expect(helperInput(form.getRawValue())).toEqual({ kind: 'peer', userId: 'u-bea' });
  });

  it('asks for a name and a role for someone else, and forgets the picker once switched', () => {
    const form = helperForm();
    form.controls.who.setValue('named');
    expect(form.controls.member.valid).toBe(true);
    expect(form.controls.name.errors).toEqual({ required: true });
    expect(form.controls.role.errors).toEqual({ required: true });
    form.patchValue({ kind: 'sponsor', name: '  Kim Okafor ', role: 'Guild lead' });
    expect(form.valid).toBe(true);
    expect(helperInput(form.getRawValue())).toEqual({
      kind: 'sponsor',
      name: 'Kim Okafor',
      role: 'Guild lead',
    });
    form.controls.who.setValue('member');
    expect([form.controls.name.valid, form.controls.member.valid]).toEqual([true, false]);
  });

  it('starts from a saved helper: a member by their name, someone else by name and role', () => {
    const member = helperForm({ kind: 'mentor', userId: 'u-bea', name: null, role: null }, [bea]);
    expect(member.getRawValue()).toMatchObject({ kind: 'mentor', who: 'member', member: bea });
    const named = helperForm({ kind: 'peer', userId: null, name: 'Kim', role: 'Guild lead' });
    expect(named.getRawValue()).toMatchObject({ who: 'named', name: 'Kim', role: 'Guild lead' });
    // A member who left has no name to show: the picker is empty and must be filled or removed.
    const left = helperForm({ kind: 'mentor', userId: 'u-gone', name: null, role: null }, [bea]);
    expect([left.controls.member.value, left.valid]).toEqual([null, false]);
  });
});

describe('helperLabel', () => {
  const helper = (h: Partial<MilestoneView['helpers'][number]>) =>
    ({ kind: 'peer', userId: null, name: null, role: null, ...h }) as MilestoneView['helpers'][number];

  it('names who helps and how', () => {
    expect(helperLabel(helper({ kind: 'sponsor', userId: 'u-bea' }), [bea])).toBe('Bea Buddy, sponsor');
    expect(helperLabel(helper({ name: 'Kim', role: 'Guild lead' }), [])).toBe('Kim (Guild lead), peer');
    expect(helperLabel(helper({ kind: 'mentor', userId: 'u-gone' }), [bea])).toBe('a former member, mentor');
  });
});

describe('buddyChoice', () => {
  it('is the buddy by name, or empty without one or once they left', () => {
    const map = { buddyUserId: 'u-bea', people: [bea] } as MapView;
    expect(buddyChoice(map)).toEqual(bea);
    expect(isPerson(buddyChoice(map))).toBe(true);
    expect(buddyChoice({ ...map, buddyUserId: null })).toBeNull();
    expect(buddyChoice({ ...map, people: [] })).toBeNull();
    expect(buddyChoice(null)).toBeNull();
  });
});
