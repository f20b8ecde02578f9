import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  FIELD_LIMITS,
  type MapHelperInput,
  type MapHelperKind,
  type MapPerson,
  type MapView,
  type MilestoneView,
} from '@mentorship/contracts';

/** What a member picker holds: the member chosen, or the text typed while none is chosen yet. */
export type PersonChoice = MapPerson | string | null;

export const isPerson = (value: PersonChoice): value is MapPerson =>
  typeof value === 'object' && value !== null && typeof value.userId === 'string';

/** How a person helps, in the words the mentee reads. */
export const HELPER_KIND_LABELS: Record<MapHelperKind, string> = {
  mentor: 'Mentor',
  sponsor: 'Sponsor (opens doors)',
  peer: 'Peer',
};

/** A member, or someone named with their role (outside the organization, or not on it). */
export type HelperWho = 'member' | 'named';

export type HelperForm = FormGroup<{
  kind: FormControl<MapHelperKind>;
  who: FormControl<HelperWho>;
  member: FormControl<PersonChoice>;
  name: FormControl<string>;
  role: FormControl<string>;
}>;

const line = FIELD_LIMITS.lifecycleLine;

/** Required only while the helper is of `who`: the other way's fields are ignored. */
function whileWho(who: HelperWho, check: (control: AbstractControl) => ValidationErrors | null) {
  return (control: AbstractControl): ValidationErrors | null =>
    control.parent?.get('who')?.value === who ? check(control) : null;
}

const blank = (control: AbstractControl) => !String(control.value ?? '').trim();

/** A member must be picked from the list: typed text alone names no one. */
export const memberChosen = (control: AbstractControl): ValidationErrors | null =>
  isPerson(control.value) ? null : { memberNotChosen: true };

/** An optional picker: empty is fine, text that names no member is not. */
export const memberChosenOrEmpty = (control: AbstractControl): ValidationErrors | null =>
  blank(control) || isPerson(control.value) ? null : { memberNotChosen: true };

/**
 * One "person who helps" of a milestone. A member who has since left the organization has no
 * name in `people`: the picker starts empty, so the mentee sees to pick someone else or remove them
 * (the API refuses a helper who is not a member).
 */
export function helperForm(helper?: MilestoneView['helpers'][number], people: MapPerson[] = []): HelperForm {
  const member = helper?.userId ? (people.find((p) => p.userId === helper.userId) ?? null) : null;
  const form: HelperForm = new FormGroup({
    kind: new FormControl<MapHelperKind>(helper?.kind ?? 'peer', { nonNullable: true }),
    who: new FormControl<HelperWho>(helper && !helper.userId ? 'named' : 'member', { nonNullable: true }),
    member: new FormControl<PersonChoice>(member, whileWho('member', memberChosen)),
    name: new FormControl(helper?.name ?? '', {
      nonNullable: true,
      validators: [
        whileWho('named', (c) => (blank(c) ? { required: true } : null)),
        Validators.maxLength(line.max),
      ],
    }),
    role: new FormControl(helper?.role ?? '', {
      nonNullable: true,
      validators: [
        whileWho('named', (c) => (blank(c) ? { required: true } : null)),
        Validators.maxLength(line.max),
      ],
    }),
  });
  // The checks read `who` through the parent, which the controls have only now; and the fields
  // of the other way stop counting the moment the mentee switches.
  const recheck = () => {
    for (const name of ['member', 'name', 'role'] as const) form.controls[name].updateValueAndValidity();
  };
  recheck();
  form.controls.who.valueChanges.subscribe(recheck);
  return form;
}

/** The helper as the API takes it: a member by id, or a name and a role. */
export function helperInput(value: ReturnType<HelperForm['getRawValue']>): MapHelperInput {
  if (value.who === 'member' && isPerson(value.member))
    return { kind: value.kind, userId: value.member.userId };
  return { kind: value.kind, name: value.name.trim(), role: value.role.trim() };
}

/** The map buddy as the picker starts: their name, or empty when there is none (or they left). */
export function buddyChoice(map: MapView | null): PersonChoice {
  if (!map?.buddyUserId) return null;
  return map.people.find((p) => p.userId === map.buddyUserId) ?? null;
}

/** "Kim (Guild lead), peer" or "Bea Buddy, sponsor": who helps, as the map reads. */
export function helperLabel(helper: MilestoneView['helpers'][number], people: MapPerson[]): string {
  const kind = HELPER_KIND_LABELS[helper.kind].split(' (')[0].toLowerCase();
  if (helper.userId) {
    const name = people.find((p) => p.userId === helper.userId)?.displayName ?? 'a former member';
    return `${name}, ${kind}`;
  }
  return `${helper.name ?? 'someone'}${helper.role ? ` (${helper.role})` : ''}, ${kind}`;
}

export const personName = (value: PersonChoice): string =>
  isPerson(value) ? value.displayName : (value ?? '');
