import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A form's own error, where the form is (not in a snackbar that outlives it): what the API
 * refused that belongs to no single field, e.g. wrong credentials or a conflict.
 */
@Component({
  selector: 'mm-form-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" class="alert">
      @if (message(); as text) {
        <p class="text">{{ text }}</p>
      }
    </div>
  `,
  styles: `
    .text {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class FormErrorComponent {
  readonly message = input<string | null>(null);
}
