import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { ERROR_CODES, FIELD_LIMITS } from '@mentorship/contracts';
import { AuthApi } from '@mentorship/admin/data-access-identity';
import { FormSubmission, lengthInCharacters } from '@mentorship/admin/ui';
import { hasErrorCode } from '@mentorship/admin/util';
import { tap } from 'rxjs';
import { AUTH_CARD_IMPORTS } from './auth-card';

const { password: PASSWORD } = FIELD_LIMITS;

/** The page behind the emailed reset link (`/reset-password?token=`). */
@Component({
  selector: 'mm-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AUTH_CARD_IMPORTS],
  template: `
    <mm-card-page heading="Choose a new password">
      @if (done()) {
        <mat-card-content>
          <p role="status">Your password is changed. Every session of your account has been signed out.</p>
        </mat-card-content>
        <mat-card-actions align="end">
          <a mat-flat-button routerLink="/sign-in">Sign in</a>
        </mat-card-actions>
      } @else if (!token() || expired()) {
        <mat-card-content>
          <p role="alert">This password-reset link is not valid any more. Ask for a new one.</p>
        </mat-card-content>
        <mat-card-actions align="end">
          <a mat-flat-button routerLink="/forgot-password">Ask for a new link</a>
        </mat-card-actions>
      } @else {
        <form
          mmFormCard
          [formGroup]="form"
          (ngSubmit)="submit()"
          [submission]="submission"
          submitLabel="Set password"
        >
          <mm-password-field
            name="password"
            label="New password"
            [isNew]="true"
            [messages]="{ required: 'Choose a password.' }"
          />
        </form>
      }
    </mm-card-page>
  `,
  styleUrl: './auth-card.css',
})
export class ResetPasswordPage {
  /** From the emailed link. */
  readonly token = input<string>();

  private readonly api = inject(AuthApi);
  protected readonly done = signal(false);
  protected readonly expired = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, lengthInCharacters(PASSWORD.min, PASSWORD.max)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    const token = this.token() ?? '';
    this.submission.submit(
      () =>
        this.api.confirmPasswordReset({ token, password: this.form.getRawValue().password }).pipe(
          tap({
            error: (error: unknown) => {
              if (hasErrorCode(error, ERROR_CODES.invalidResetToken)) this.expired.set(true);
            },
          }),
        ),
      () => this.done.set(true),
    );
  }
}
