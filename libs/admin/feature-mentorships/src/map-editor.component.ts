import { ChangeDetectionStrategy, Component, input, type OnInit, output, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  COMMUNITY_LEVELS,
  FIELD_LIMITS,
  MAP_HELPER_KINDS,
  MAP_STAGES,
  type CommunityLevel,
  type MapPerson,
  type MapStage,
  type MapView,
  type MilestoneView,
} from '@mentorship/contracts';
import { FieldErrorPipe, SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { MAP_STAGE_WORDS, linesOf } from '@mentorship/admin/util';
import {
  HELPER_KIND_LABELS,
  type HelperForm,
  type PersonChoice,
  buddyChoice,
  helperForm,
  helperInput,
  isPerson,
  memberChosenOrEmpty,
} from './map-people';
import { MemberPickerComponent } from './member-picker.component';
import { MatchSection } from './match-section';

const line = FIELD_LIMITS.lifecycleLine;
const text = FIELD_LIMITS.lifecycleText;

type MilestoneForm = FormGroup<{
  id: FormControl<string | null>;
  title: FormControl<string>;
  performance: FormControl<string>;
  community: FormControl<string>;
  stage: FormControl<MapStage>;
  dueOn: FormControl<string>;
  measure: FormControl<string>;
  doneOn: FormControl<string | null>;
  helpers: FormArray<HelperForm>;
}>;

/** Helpers past this are refused by the API. */
export const MAX_HELPERS = 10;

/** A milestone as the form takes it: a stored one, or a program template's (no id, date or measure yet). */
type MilestoneStart = Partial<MilestoneView> & Pick<MilestoneView, 'title'>;

function milestoneForm(milestone?: MilestoneStart, people: MapPerson[] = []): MilestoneForm {
  return new FormGroup({
    id: new FormControl<string | null>(milestone?.id ?? null),
    title: new FormControl(milestone?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(line.max)],
    }),
    performance: new FormControl(milestone?.performance ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(text.max)],
    }),
    community: new FormControl(milestone?.community ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(text.max)],
    }),
    stage: new FormControl<MapStage>(milestone?.stage ?? 'discovery', { nonNullable: true }),
    dueOn: new FormControl(milestone?.dueOn ?? '', { nonNullable: true }),
    measure: new FormControl(milestone?.measure ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(text.max)],
    }),
    doneOn: new FormControl<string | null>(milestone?.doneOn ?? null),
    helpers: new FormArray((milestone?.helpers ?? []).map((helper) => helperForm(helper, people))),
  });
}

/** "Public speaking: 2" a line, as typed; a line without a rating counts as 1. */
function parseSkills(value: string) {
  return linesOf(value).map((row) => {
    const found = /^(.*?)[\s:–-]+([1-5])$/.exec(row);
    return found ? { name: found[1].trim(), rating: Number(found[2]) } : { name: row, rating: 1 };
  });
}

/**
 * The mentee's map editor: the states, the community level, the milestones in their order
 * (add, move up or down, remove) with the people who help with each, and the review (its next
 * date, the map buddy). A kept milestone is sent with its id, so a changed due date is a
 * retarget and the map's history follows it rather than starting over.
 */
@Component({
  selector: 'mm-map-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FieldErrorPipe,
    SubmitButtonsComponent,
    MemberPickerComponent,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" class="mm-form-fields" aria-label="Edit the mentorship map">
      <h3>Where you are now</h3>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Skills and how you rate yourself</mat-label>
        <textarea matInput rows="3" formControlName="skills"></textarea>
        <mat-hint>One a line, with a rating 1–5, e.g. “Public speaking: 2”.</mat-hint>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Performance themes</mat-label>
        <textarea matInput rows="2" formControlName="performanceThemes"></textarea>
        <mat-hint>One a line.</mat-hint>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>How you take part in your community</mat-label>
        <textarea matInput rows="2" formControlName="communityInvolvement"></textarea>
      </mat-form-field>
      <h3>Where you want to be</h3>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Desired future state</mat-label>
        <textarea matInput rows="2" formControlName="desired"></textarea>
      </mat-form-field>
      <div class="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Time horizon (months)</mat-label>
          <input matInput type="number" min="1" max="60" formControlName="horizonMonths" />
          <mat-error>{{
            form.controls.horizonMonths.errors | fieldError: { min: 'From 1 to 60.', max: 'From 1 to 60.' }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Community level</mat-label>
          <mat-select formControlName="communityLevel">
            @for (level of levels; track level) {
              <mat-option [value]="level">{{ level }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <h3>Milestones</h3>
      <p class="hint">Three to five work best. Each has a performance part and a community part.</p>
      @if (fromTemplate()) {
        <p class="hint template-note">
          Your program suggests these milestones to start from: keep, change or remove any, and give each a
          due date and a measure of done.
        </p>
      }
      <ol class="milestone-forms" formArrayName="milestones">
        @for (
          group of milestones.controls;
          track group;
          let i = $index;
          let first = $first;
          let last = $last
        ) {
          <li [formGroupName]="i" class="milestone-form">
            <fieldset>
              <legend>Milestone {{ i + 1 }}</legend>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Title</mat-label>
                <input matInput formControlName="title" />
                <mat-error>{{
                  group.controls.title.errors
                    | fieldError: { required: 'Name the milestone.', pattern: 'Name the milestone.' }
                }}</mat-error>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Performance part</mat-label>
                <textarea matInput rows="2" formControlName="performance"></textarea>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Community part</mat-label>
                <textarea matInput rows="2" formControlName="community"></textarea>
              </mat-form-field>
              <div class="row">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Stage</mat-label>
                  <mat-select formControlName="stage">
                    @for (stage of stages; track stage) {
                      <mat-option [value]="stage">{{ stageWords[stage] }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Due date</mat-label>
                  <input matInput type="date" formControlName="dueOn" />
                </mat-form-field>
              </div>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Measure of done</mat-label>
                <input matInput formControlName="measure" />
                <mat-hint>How you will know it is done.</mat-hint>
              </mat-form-field>
              <div class="helpers" formArrayName="helpers">
                <span class="legend">People who help</span>
                @for (helper of group.controls.helpers.controls; track helper; let h = $index) {
                  <div
                    [formGroupName]="h"
                    class="helper"
                    role="group"
                    [attr.aria-label]="'Person ' + (h + 1) + ' who helps with milestone ' + (i + 1)"
                  >
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>How they help</mat-label>
                      <mat-select formControlName="kind">
                        @for (kind of helperKinds; track kind) {
                          <mat-option [value]="kind">{{ kindLabel[kind] }}</mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                    <mat-radio-group
                      formControlName="who"
                      class="radios"
                      [attr.aria-label]="'Who is person ' + (h + 1) + ' of milestone ' + (i + 1)"
                    >
                      <mat-radio-button value="member">A member here</mat-radio-button>
                      <mat-radio-button value="named">Someone else</mat-radio-button>
                    </mat-radio-group>
                    @if (helper.controls.who.value === 'member') {
                      <mm-member-picker [control]="helper.controls.member" label="Member" />
                    } @else {
                      <div class="row">
                        <mat-form-field subscriptSizing="dynamic">
                          <mat-label>Name</mat-label>
                          <input matInput formControlName="name" />
                          <mat-error>{{
                            helper.controls.name.errors | fieldError: { required: 'Say who.' }
                          }}</mat-error>
                        </mat-form-field>
                        <mat-form-field subscriptSizing="dynamic">
                          <mat-label>Role</mat-label>
                          <input matInput formControlName="role" />
                          <mat-hint>E.g. “Guild lead at my old team”.</mat-hint>
                          <mat-error>{{
                            helper.controls.role.errors | fieldError: { required: 'Say what they do.' }
                          }}</mat-error>
                        </mat-form-field>
                      </div>
                    }
                    <div>
                      <button
                        mat-button
                        type="button"
                        (click)="removeHelper(group, h)"
                        [attr.aria-label]="'Remove person ' + (h + 1) + ' from milestone ' + (i + 1)"
                      >
                        Remove this person
                      </button>
                    </div>
                  </div>
                } @empty {
                  <p class="hint">No one named yet: who could help you get there?</p>
                }
                @if (group.controls.helpers.length < maxHelpers) {
                  <div>
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="addHelper(group)"
                      [attr.aria-label]="'Add a person who helps with milestone ' + (i + 1)"
                    >
                      Add a person who helps
                    </button>
                  </div>
                }
              </div>
              <div class="buttons">
                <button
                  mat-button
                  type="button"
                  [disabled]="first"
                  (click)="move(i, -1)"
                  [attr.aria-label]="'Move milestone ' + (i + 1) + ' up'"
                >
                  Move up
                </button>
                <button
                  mat-button
                  type="button"
                  [disabled]="last"
                  (click)="move(i, 1)"
                  [attr.aria-label]="'Move milestone ' + (i + 1) + ' down'"
                >
                  Move down
                </button>
                <button
                  mat-button
                  type="button"
                  (click)="remove(i)"
                  [attr.aria-label]="'Remove milestone ' + (i + 1)"
                >
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        }
      </ol>
      <div>
        <button mat-stroked-button type="button" (click)="add()">Add a milestone</button>
      </div>
      <h3>Reviewing the map</h3>
      <div class="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Next review</mat-label>
          <input matInput type="date" formControlName="nextReviewOn" />
          <mat-hint>{{
            map() ? 'Go through it with your mentor or buddy.' : 'A month from today if left empty.'
          }}</mat-hint>
        </mat-form-field>
        <mm-member-picker
          [control]="form.controls.buddy"
          label="Map buddy (optional)"
          hint="A peer who reviews the map with you; leave empty for none."
          [optional]="true"
        />
      </div>
      <mm-submit-buttons
        [submission]="submission"
        label="Save the map"
        cancelLabel="Cancel"
        (cancelled)="cancelled.emit()"
        [spaced]="true"
      />
    </form>
  `,
  styleUrl: './mentorships.css',
})
export class MapEditorComponent extends MatchSection implements OnInit {
  readonly map = input<MapView | null>(null);
  readonly saved = output<MapView>();
  readonly cancelled = output<void>();
  protected readonly stages = MAP_STAGES;
  protected readonly stageWords = MAP_STAGE_WORDS;
  /** A new map started from the program's map template. */
  protected readonly fromTemplate = signal(false);
  protected readonly levels = COMMUNITY_LEVELS;
  protected readonly helperKinds = MAP_HELPER_KINDS;
  protected readonly kindLabel = HELPER_KIND_LABELS;
  protected readonly maxHelpers = MAX_HELPERS;

  protected readonly milestones = new FormArray<MilestoneForm>([]);
  protected readonly form = new FormGroup({
    skills: new FormControl('', { nonNullable: true }),
    performanceThemes: new FormControl('', { nonNullable: true }),
    communityInvolvement: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(text.max)],
    }),
    desired: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(text.max)] }),
    horizonMonths: new FormControl(12, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(60)],
    }),
    communityLevel: new FormControl<CommunityLevel>('participant', { nonNullable: true }),
    milestones: this.milestones,
    nextReviewOn: new FormControl('', { nonNullable: true }),
    buddy: new FormControl<PersonChoice>(null, memberChosenOrEmpty),
  });
  protected readonly submission = new FormSubmission(this.form);

  ngOnInit(): void {
    const map = this.map();
    if (!map) {
      this.startFromTemplate();
      return;
    }
    this.form.patchValue({
      skills: map.currentState.skills.map((s) => `${s.name}: ${s.rating}`).join('\n'),
      performanceThemes: map.currentState.performanceThemes.join('\n'),
      communityInvolvement: map.currentState.communityInvolvement,
      desired: map.desiredState.description,
      horizonMonths: map.desiredState.horizonMonths,
      communityLevel: map.communityLevel,
      nextReviewOn: map.nextReviewOn,
      buddy: buddyChoice(map),
    });
    for (const milestone of map.milestones) this.milestones.push(milestoneForm(milestone, map.people));
  }

  /** A new map: the program's suggested milestones when it has a template, else one empty milestone. */
  private startFromTemplate(): void {
    this.api.mapTemplate(this.store.orgId, this.store.matchId).subscribe({
      next: (template) => {
        if (this.milestones.length > 0) return;
        for (const milestone of template.milestones) this.milestones.push(milestoneForm(milestone));
        this.fromTemplate.set(template.milestones.length > 0);
        if (template.milestones.length === 0) this.add();
      },
      error: (error: unknown) => {
        this.notifier.show(error);
        if (this.milestones.length === 0) this.add();
      },
    });
  }

  protected addHelper(milestone: MilestoneForm): void {
    milestone.controls.helpers.push(helperForm());
  }

  protected removeHelper(milestone: MilestoneForm, index: number): void {
    milestone.controls.helpers.removeAt(index);
  }

  protected add(): void {
    this.milestones.push(milestoneForm());
  }

  protected remove(index: number): void {
    this.milestones.removeAt(index);
  }

  protected move(index: number, by: -1 | 1): void {
    const group = this.milestones.at(index);
    this.milestones.removeAt(index);
    this.milestones.insert(index + by, group);
  }

  protected save(): void {
    const value = this.form.getRawValue();
    const map = this.map();
    this.send(
      this.submission,
      (orgId, matchId) =>
        this.api.saveMap(orgId, matchId, {
          ...(map ? { version: map.version } : {}),
          currentState: {
            skills: parseSkills(value.skills),
            performanceThemes: linesOf(value.performanceThemes),
            communityInvolvement: value.communityInvolvement.trim(),
          },
          desiredState: { description: value.desired.trim(), horizonMonths: value.horizonMonths },
          communityLevel: value.communityLevel,
          ...(value.nextReviewOn ? { nextReviewOn: value.nextReviewOn } : {}),
          buddyUserId: isPerson(value.buddy) ? value.buddy.userId : null,
          milestones: value.milestones.map((m) => ({
            ...(m.id ? { id: m.id } : {}),
            title: m.title.trim(),
            performance: m.performance.trim(),
            community: m.community.trim(),
            stage: m.stage,
            dueOn: m.dueOn || null,
            measure: m.measure.trim() || null,
            doneOn: m.doneOn,
            helpers: m.helpers.map(helperInput),
          })),
        }),
      (saved) => `Map saved as version ${saved.version}.`,
      (saved) => this.saved.emit(saved),
    );
  }
}
