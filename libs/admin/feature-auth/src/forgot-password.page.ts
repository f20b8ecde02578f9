import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { AuthApi } from '@mentorship/admin/data-access-identity';
import { FormSubmission } from '@mentorship/admin/ui';
import { AUTH_CARD_IMPORTS } from './auth-card';

/** Asks for a reset link. Says the same whether the address has an account or not. */
@Component({
  selector: 'mm-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AUTH_CARD_IMPORTS],
  template: `
    <mm-card-page heading="Reset your password" subtitle="We email you a link to choose a new one.">
      @if (sentTo(); as email) {
        <mat-card-content>
          <p role="status">
            If <strong>{{ email }}</strong> has an account, a link to reset its password is on its way. It
            works once, for an hour.
          </p>
        </mat-card-content>
        <mat-card-actions align="end">
          <a mat-flat-button routerLink="/sign-in">Back to sign-in</a>
        </mat-card-actions>
      } @else {
        <form
          mmFormCard
          [formGroup]="form"
          (ngSubmit)="submit()"
          [submission]="submission"
          submitLabel="Send the link"
          [split]="true"
        >
          <mm-email-field />
          <span formCardSwitch class="switch"><a routerLink="/sign-in">Back to sign-in</a></span>
        </form>
      }
    </mm-card-page>
  `,
  styleUrl: './auth-card.css',
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(FIELD_LIMITS.email.max)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    const email = this.form.getRawValue().email.trim();
    this.submission.submit(
      () => this.api.requestPasswordReset({ email }),
      () => this.sentTo.set(email),
    );
  }
}
