import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { ErrorCode } from '@mentorship/contracts';
import type { Observable } from 'rxjs';
import { placeServerErrors } from './server-errors';

/**
 * One form's way to the API: it sends only a valid form, once at a time, and puts what the
 * API refused next to its fields (see placeServerErrors) or, for the rest, in `error`, shown
 * by the form's own mm-form-error.
 */
export class FormSubmission {
  readonly submitting = signal(false);
  /** What the API refused that belongs to no field of the form, worded for people. */
  readonly error = signal<string | null>(null);

  constructor(
    private readonly form: FormGroup,
    /** Error codes that are about one field, e.g. `{ email_taken: 'email' }`. */
    private readonly codeFields: Partial<Record<ErrorCode, string>> = {},
  ) {}

  /** Sends `request()` and hands its answer to `done`; an invalid form only shows its errors. */
  submit<T>(request: () => Observable<T>, done: (answer: T) => void): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    request().subscribe({
      next: done,
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(placeServerErrors(this.form, error, this.codeFields));
      },
    });
  }

  /**
   * As `submit`, for a form that stays on screen once answered (a saved profile, a declined
   * request): its buttons work again before `done` gets the answer.
   */
  submitInPlace<T>(request: () => Observable<T>, done: (answer: T) => void = () => undefined): void {
    this.submit(request, (answer) => {
      this.submitting.set(false);
      done(answer);
    });
  }
}
