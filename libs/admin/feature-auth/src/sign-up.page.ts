import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { ERROR_CODES, FIELD_LIMITS } from '@mentorship/contracts';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { lengthInCharacters, notBlank, FormSubmission } from '@mentorship/admin/ui';
import { isInvitationReturn, safeReturnUrl } from '@mentorship/admin/util';
import { AUTH_CARD_IMPORTS } from './auth-card';

const { displayName: DISPLAY_NAME, email: EMAIL, password: PASSWORD } = FIELD_LIMITS;

@Component({
  selector: 'mm-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AUTH_CARD_IMPORTS],
  template: `
    <mm-card-page heading="Create your account" [subtitle]="subtitle()" [width]="460">
      <form
        mmFormCard
        [formGroup]="form"
        (ngSubmit)="submit()"
        novalidate
        [submission]="submission"
        submitLabel="Create account"
        [split]="true"
      >
        <mm-display-name-field hint="How other members see you." />
        <mm-email-field autocomplete="email" [messages]="emailMessages" />
        <mm-password-field
          name="password"
          label="Password"
          [isNew]="true"
          [counted]="true"
          [messages]="{ required: 'Choose a password.' }"
        />
        <span formCardSwitch class="switch">
          Already have an account?
          <a routerLink="/sign-in" [queryParams]="returnQuery()">Sign in</a>
        </span>
      </form>
    </mm-card-page>
  `,
  styleUrl: './auth-card.css',
})
export class SignUpPage {
  /** Where to go once signed up, e.g. back to the invitation being accepted. */
  readonly returnUrl = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly emailMessages = { required: 'Enter your email.', email: 'Enter an email address.' };
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(DISPLAY_NAME.max)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL.max)]],
    password: ['', [Validators.required, lengthInCharacters(PASSWORD.min, PASSWORD.max)]],
  });
  protected readonly subtitle = computed(() =>
    this.forInvitation()
      ? 'Use the email address your invitation was sent to.'
      : 'One account for every mentoring program you take part in.',
  );
  protected readonly forInvitation = computed(() => isInvitationReturn(this.returnUrl()));
  protected readonly returnQuery = computed(() => {
    const returnUrl = this.returnUrl();
    return returnUrl ? { returnUrl } : {};
  });

  /** A taken address is said at the email field; what belongs to no field, on the card. */
  protected readonly submission = new FormSubmission(this.form, { [ERROR_CODES.emailTaken]: 'email' });

  protected submit(): void {
    const { displayName, email, password } = this.form.getRawValue();
    this.submission.submit(
      () => this.session.signUp({ displayName: displayName.trim(), email: email.trim(), password }),
      () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
    );
  }
}
