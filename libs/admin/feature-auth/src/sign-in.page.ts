import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { isInvitationReturn, safeReturnUrl } from '@mentorship/admin/util';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { FormSubmission } from '@mentorship/admin/ui';
import { AUTH_CARD_IMPORTS } from './auth-card';

@Component({
  selector: 'mm-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AUTH_CARD_IMPORTS],
  template: `
    <mm-card-page heading="Sign in" [subtitle]="subtitle()">
      <form
        mmFormCard
        [formGroup]="form"
        (ngSubmit)="submit()"
        [submission]="submission"
        submitLabel="Sign in"
        [split]="true"
      >
        <mm-email-field />
        <mm-password-field
          name="password"
          label="Password"
          [messages]="{ required: 'Enter your password.' }"
        />
        <a class="forgot" routerLink="/forgot-password">Forgot your password?</a>
        <span formCardSwitch class="switch">
          New here?
          <a routerLink="/sign-up" [queryParams]="returnQuery()">Create an account</a>
        </span>
      </form>
    </mm-card-page>
  `,
  styleUrl: './auth-card.css',
  styles: `
    .forgot {
      align-self: flex-start;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class SignInPage {
  /** Where to go once signed in; set by the guard that sent the user here. */
  readonly returnUrl = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly subtitle = computed(() =>
    this.forInvitation()
      ? 'Sign in with the email address your invitation was sent to.'
      : 'Welcome back to Mentorship Map.',
  );
  protected readonly forInvitation = computed(() => isInvitationReturn(this.returnUrl()));
  protected readonly returnQuery = computed(() => {
    const returnUrl = this.returnUrl();
    return returnUrl ? { returnUrl } : {};
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  /** Wrong credentials, too many attempts, an unreachable server: said on the card itself. */
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => this.session.signIn(this.form.getRawValue()),
      () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
    );
  }
}
