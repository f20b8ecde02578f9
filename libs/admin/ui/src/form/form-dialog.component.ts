import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent } from '@angular/material/dialog';
import { FormErrorComponent } from './form-error.component';
import type { FormSubmission } from './form-submission';

/**
 * The body of a dialog that is one form (new cohort, rename a skill, invite a member): its
 * fields (projected) under the form's own error, then Cancel and one submit button held while
 * the request is out. Put it on the `<form>` after the dialog's `mat-dialog-title`, so the
 * fields' `formControlName`s still find the dialog's `[formGroup]`. Words before the error
 * (what the action does) are projected with the `formDialogIntro` attribute.
 */
@Component({
  selector: 'form[mmFormDialog]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogContent, MatDialogActions, MatDialogClose, MatButton, FormErrorComponent],
  template: `
    <mat-dialog-content
      class="mm-form-fields"
      [class.label-room]="labelRoom()"
      [style.min-width]="'min(' + minWidth() + 'px, 80vw)'"
      [style.max-width.px]="maxWidth()"
    >
      <ng-content select="[formDialogIntro]" />
      <mm-form-error [message]="submission().error()" />
      <ng-content />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="submit"
        [class.danger]="danger()"
        [disabled]="submission().submitting() || holdSubmit()"
      >
        {{ submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    /* Room for the first field's floating label under the title (not needed under intro words). */
    .label-room {
      padding-top: 8px !important;
    }
    .danger:not([disabled]) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class FormDialogComponent {
  readonly submission = input.required<FormSubmission>();
  readonly submitLabel = input.required<string>();
  /** The content's least width in px (80 % of a narrower window). */
  readonly minWidth = input(380);
  readonly maxWidth = input<number | null>(null);
  readonly labelRoom = input(true);
  /** The submit button stays disabled while this holds (nothing changed yet, a name not typed). */
  readonly holdSubmit = input(false);
  /** A submit that destroys: drawn in the error colour. */
  readonly danger = input(false);
}
