import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule, type FormControl } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';

/** One answer of a radio question: its value and its words. */
export interface RadioChoice<T> {
  value: T;
  label: string;
}

/** A scale from `from` to `to`, each point worded by its number (a rating 1–5, a score 0–10). */
export function scale(from: number, to: number): RadioChoice<number>[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ value: from + i, label: String(from + i) }));
}

let nextId = 0;

/**
 * A question the surveys ask with radio buttons in a row (a rating, continue or not): the
 * question names the group for screen readers. No box of its own: in a `.mm-form-fields`
 * column the question and the buttons are the column's items, as when written in place.
 */
@Component({
  selector: 'mm-radio-question',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatRadioModule],
  host: { style: 'display: contents' },
  template: `
    <span class="legend" [id]="id">{{ question() }}</span>
    <mat-radio-group [formControl]="control()" [attr.aria-labelledby]="id" class="radios">
      @for (choice of choices(); track choice.value) {
        <mat-radio-button [value]="choice.value">{{ choice.label }}</mat-radio-button>
      }
    </mat-radio-group>
  `,
  styleUrl: './mentorships.css',
})
export class RadioQuestionComponent<T> {
  readonly question = input.required<string>();
  readonly control = input.required<FormControl<T | null>>();
  readonly choices = input.required<readonly RadioChoice<T>[]>();
  protected readonly id = `mm-radio-question-${nextId++}`;
}
