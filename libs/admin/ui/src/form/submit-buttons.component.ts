import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { FormErrorComponent } from './form-error.component';
import type { FormSubmission } from './form-submission';

/**
 * The end of a form that stands in a page (a check-in, the agreement, a decline): the form's own
 * error, then its submit button, held while the request is out, and a way back when the form
 * has one (`cancelLabel`, answered by `cancelled`). The host adds no box of its own, so the error
 * and the buttons stay two rows of the form's field column. A form in a card or a dialog has
 * `form[mmFormCard]` or `form[mmFormDialog]` instead.
 */
@Component({
  selector: 'mm-submit-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, FormErrorComponent],
  template: `
    @if (showError()) {
      <mm-form-error [message]="submission().error()" />
    }
    <div class="buttons" [class.spaced]="spaced()" [class.end]="end()">
      <button
        [matButton]="outlined() ? 'outlined' : 'filled'"
        type="submit"
        [disabled]="submission().submitting()"
      >
        {{ label() }}
      </button>
      @if (cancelLabel(); as cancel) {
        <button matButton type="button" (click)="cancelled.emit()">{{ cancel }}</button>
      }
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .spaced {
      margin: 8px 0;
    }
    .end {
      justify-content: flex-end;
    }
  `,
})
export class SubmitButtonsComponent {
  readonly submission = input.required<FormSubmission>();
  readonly label = input.required<string>();
  /** A second-rank form on its page (a post, a pulse): an outlined button, not a filled one. */
  readonly outlined = input(false);
  /** The words of the button that leaves the form without sending; none, no such button. */
  readonly cancelLabel = input<string | null>(null);
  readonly cancelled = output<void>();
  /** False where the form shows its error elsewhere (at the top of a long form). */
  readonly showError = input(true);
  /** Room above and below, where the buttons close a section rather than a field column. */
  readonly spaced = input(false);
  /** The buttons at the end of the row (a long form's one save). */
  readonly end = input(false);
}
