import { RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  MENTOR_TYPES,
  SENIORITY,
  type MentorType,
  type ProfileView,
  type SkillView,
} from '@mentorship/contracts';
import { ProfilesApi, SkillsApi } from '@mentorship/admin/data-access-people';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import {
  ErrorNotifier,
  FieldErrorPipe,
  FormErrorComponent,
  FormSubmission,
  LoadingStateComponent,
  SubmitButtonsComponent,
} from '@mentorship/admin/ui';
import { AvailabilityGridComponent } from './availability-grid.component';
import { SkillRowsComponent } from './skill-rows.component';
import { emptyWeek, type WeekGrid } from './availability-grid';
import {
  buildProfileForm,
  fillProfileForm,
  offeredSkillRow,
  profileRequest,
  wantedSkillRow,
} from './profile-form';

const SENIORITY_WORDS = [
  'Junior',
  'Intermediate',
  'Senior',
  'Staff or lead',
  'Principal or manager',
  'Executive',
];
const MENTOR_TYPE_WORDS: Record<MentorType, string> = {
  technical: 'Technical',
  career: 'Career',
  leadership: 'Leadership',
  industry: 'Industry',
  entrepreneurial: 'Entrepreneurial',
};

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** `/orgs/:orgId/profile`: the signed-in member's own profile, by the roles they hold. */
@Component({
  selector: 'mm-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    FieldErrorPipe,
    FormErrorComponent,
    SubmitButtonsComponent,
    AvailabilityGridComponent,
    SkillRowsComponent,
    LoadingStateComponent,
  ],
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.css',
})
export class ProfilePage {
  readonly orgId = input.required<string>();
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly profiles = inject(ProfilesApi);
  private readonly skillsApi = inject(SkillsApi);
  private readonly organizations = inject(OrganizationStore);
  private readonly notifier = inject(ErrorNotifier);

  protected readonly form = buildProfileForm(this.fb);
  private readonly timeZoneValue = signal<string | null>(null);
  protected readonly timeZone = this.timeZoneValue.asReadonly();
  protected readonly submission = new FormSubmission(this.form);
  protected readonly profile = signal<ProfileView | null>(null);
  protected readonly skills = signal<SkillView[]>([]);
  protected readonly week = signal<WeekGrid>(emptyWeek());
  protected readonly weekTouched = signal(false);
  private readonly supportedZones = timeZones();
  /** The browser's list, plus the stored zone when the browser spells it otherwise ("UTC"). */
  protected readonly zones = computed(() => {
    const current = this.timeZoneValue();
    return current && !this.supportedZones.includes(current)
      ? [current, ...this.supportedZones]
      : this.supportedZones;
  });
  protected readonly mentorTypes = MENTOR_TYPES;
  protected readonly mentorTypeWords = MENTOR_TYPE_WORDS;
  protected readonly seniorityLevels = Array.from({ length: SENIORITY.max }, (_, i) => i + SENIORITY.min);
  protected readonly seniorityWords = SENIORITY_WORDS;

  private readonly roles = computed(() => this.organizations.find(this.orgId())?.roles ?? []);
  protected readonly isMentor = computed(() => this.roles().includes('mentor'));
  protected readonly isMentee = computed(() => this.roles().includes('mentee'));

  constructor() {
    this.form.controls.timeZone.valueChanges.subscribe((zone) => this.timeZoneValue.set(zone));
    effect(() => {
      const orgId = this.orgId();
      this.profiles.mine(orgId).subscribe({
        next: (profile) => this.show(profile),
        error: (error: unknown) => this.notifier.show(error),
      });
      this.skillsApi.list(orgId, { page: 1, pageSize: 100, status: 'active' }).subscribe({
        next: (page) => this.skills.set(page.items),
        error: (error: unknown) => this.notifier.show(error),
      });
    });
  }

  /** Skills to pick from: the active catalogue plus a retired one a profile still holds. */
  protected readonly choices = (current: string): { id: string; name: string }[] => {
    const known = this.skills();
    if (!current || known.some((skill) => skill.id === current)) return known;
    const held = [...(this.profile()?.offeredSkills ?? []), ...(this.profile()?.wantedSkills ?? [])].find(
      (skill) => skill.skillId === current,
    );
    return held ? [...known, { id: held.skillId, name: `${held.name} (retired)` }] : known;
  };

  protected addOffered(): void {
    this.form.controls.offeredSkills.push(offeredSkillRow(this.fb));
  }

  protected addWanted(): void {
    this.form.controls.wantedSkills.push(wantedSkillRow(this.fb));
  }

  protected hasType(field: 'offeredMentorTypes' | 'wantedMentorTypes', type: MentorType): boolean {
    return this.form.controls[field].value.includes(type);
  }

  protected toggleType(
    field: 'offeredMentorTypes' | 'wantedMentorTypes',
    type: MentorType,
    on: boolean,
  ): void {
    const control = this.form.controls[field];
    const rest = control.value.filter((t) => t !== type);
    control.setValue(on ? [...rest, type] : rest);
    control.markAsDirty();
  }

  protected changeWeek(week: WeekGrid): void {
    this.week.set(week);
    this.weekTouched.set(true);
  }

  protected save(): void {
    const body = profileRequest(this.form, this.week(), { mentor: this.isMentor(), mentee: this.isMentee() });
    this.submission.submitInPlace(
      () => this.profiles.updateMine(this.orgId(), body),
      (saved) => {
        this.show(saved);
        this.notifier.info('Profile saved.');
      },
    );
  }

  private show(profile: ProfileView): void {
    this.profile.set(profile);
    this.week.set(fillProfileForm(this.fb, this.form, profile, browserTimeZone()));
    this.timeZoneValue.set(this.form.controls.timeZone.value);
    this.weekTouched.set(false);
  }
}
