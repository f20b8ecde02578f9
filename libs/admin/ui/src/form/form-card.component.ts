import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCardActions, MatCardContent } from '@angular/material/card';
import { FormErrorComponent } from './form-error.component';
import type { FormSubmission } from './form-submission';

/**
 * The body of a form that fills a card (sign-in, account, a new organization): its fields
 * (projected) under the form's own error, and one submit button held while the request is
 * out. Put it on the `<form>` inside a `mat-card` (a `mat-card-header` in the form goes first),
 * so the fields' `formControlName`s still find the page's `[formGroup]`. A link beside the button (sign up
 * instead) is projected with the `formCardSwitch` attribute; the button then moves to the end.
 */
@Component({
  selector: 'form[mmFormCard]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardContent, MatCardActions, MatButton, FormErrorComponent],
  template: `
    <ng-content select="mat-card-header" />
    <mat-card-content class="mm-form-fields">
      <mm-form-error [message]="submission().error()" />
      <ng-content />
    </mat-card-content>
    <mat-card-actions [align]="split() ? 'start' : 'end'" [class.split]="split()">
      <ng-content select="[formCardSwitch]" />
      <button mat-flat-button type="submit" [disabled]="submission().submitting()">
        {{ submitLabel() }}
      </button>
    </mat-card-actions>
  `,
  styles: `
    mat-card-content {
      padding-top: 16px;
    }
    .split {
      display: flex;
      justify-content: space-between;
      gap: 16px;
      flex-wrap: wrap;
    }
  `,
})
export class FormCardComponent {
  readonly submission = input.required<FormSubmission>();
  readonly submitLabel = input.required<string>();
  /** A `formCardSwitch` link at the start and the button at the end of one row. */
  readonly split = input(false);
}
