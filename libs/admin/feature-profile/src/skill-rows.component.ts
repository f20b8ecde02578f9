import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type FormArray, type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSelectModule } from '@angular/material/select';
import { SKILL_LEVEL } from '@mentorship/contracts';
import { FieldErrorPipe } from '@mentorship/admin/ui';

const LEVEL_WORDS = ['1 · aware', '2 · beginner', '3 · practitioner', '4 · advanced', '5 · expert'];

/**
 * The rows of one of the profile's skill lists (skills offered, skills to grow): a skill and a
 * level each, a button to remove one and one to add another. Put it on the list's element,
 * which the page labels; `levelKey` names the level's control as the API names the field.
 */
@Component({
  selector: 'div[mmSkillRows]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatSelectModule, FieldErrorPipe],
  template: `
    @for (row of rows().controls; track row; let i = $index) {
      <div class="skill" [formGroup]="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ skillLabel() }}</mat-label>
          <mat-select formControlName="skillId" required>
            @for (skill of choices()(row.get('skillId')?.value); track skill.id) {
              <mat-option [value]="skill.id">{{ skill.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{
            row.get('skillId')?.errors ?? null | fieldError: { required: 'Pick a skill.' }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ levelLabel() }}</mat-label>
          <mat-select [formControlName]="levelKey()">
            @for (level of levels; track level) {
              <mat-option [value]="level">{{ levelWords[level - 1] }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ row.get(levelKey())?.errors ?? null | fieldError }}</mat-error>
        </mat-form-field>
        <button
          mat-button
          type="button"
          (click)="rows().removeAt(i)"
          [attr.aria-label]="'Remove ' + rowName() + ' ' + (i + 1)"
        >
          Remove
        </button>
      </div>
    }
    <button mat-stroked-button type="button" (click)="added.emit()">{{ addLabel() }}</button>
  `,
  styles: `
    .skill {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 12px;
      align-items: flex-start;
    }
    .skill mat-form-field {
      width: 220px;
    }
    .skill button {
      margin-top: 10px;
    }
    @media (max-width: 599.98px) {
      .skill mat-form-field {
        width: 100%;
      }
    }
  `,
})
export class SkillRowsComponent {
  /** Rows of a skill (`skillId`) and a level (`levelKey`), as `profile-form.ts` builds them. */
  readonly rows = input.required<FormArray<FormGroup>>();
  readonly levelKey = input.required<'level' | 'targetLevel'>();
  readonly skillLabel = input.required<string>();
  readonly levelLabel = input.required<string>();
  /** What a row is, for its remove button's name: "offered skill" gives "Remove offered skill 2". */
  readonly rowName = input.required<string>();
  readonly addLabel = input.required<string>();
  /** The skills a row may pick, given its current one (a retired skill it holds stays offered). */
  readonly choices = input.required<(current: string) => { id: string; name: string }[]>();
  readonly added = output();

  protected readonly levels = Array.from({ length: SKILL_LEVEL.max }, (_, i) => i + SKILL_LEVEL.min);
  protected readonly levelWords = LEVEL_WORDS;
}
