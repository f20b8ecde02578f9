import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { isInvitationReturn, safeReturnUrl } from '../../core/auth/return-url';
import { SessionStore } from '../../core/auth/session.store';
import { errorBodyOf, fieldProblemsOf } from '../../core/errors/api-error';
import { ErrorNotifier } from '../../core/errors/error-notifier';

/** The API's limits (SignUpDto): lengths in characters, i.e. code points, not UTF-16 units. */
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;
const DISPLAY_NAME_MAX = 100;
const EMAIL_MAX = 254;

type SignUpField = 'displayName' | 'email' | 'password';

@Component({
  selector: 'mm-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatInputModule, MatButtonModule],
  template: `
    <div class="mm-page sign-up">
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title><h1>Create your account</h1></mat-card-title>
          <mat-card-subtitle>
            @if (forInvitation()) {
              Use the email address your invitation was sent to.
            } @else {
              Mentorship Map administration
            }
          </mat-card-subtitle>
        </mat-card-header>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-card-content>
            <mat-form-field class="mm-full-width">
              <mat-label>Display name</mat-label>
              <input
                matInput
                formControlName="displayName"
                autocomplete="name"
                required
                [attr.maxlength]="displayNameMax"
              />
              <mat-hint>How other members see you.</mat-hint>
              @if (form.controls.displayName.invalid) {
                <mat-error>{{ errorOf('displayName') }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="mm-full-width">
              <mat-label>Email</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" required />
              @if (form.controls.email.invalid) {
                <mat-error>{{ errorOf('email') }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="mm-full-width">
              <mat-label>Password</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
                required
                aria-describedby="password-rule"
              />
              <mat-hint id="password-rule">{{ passwordMin }} to {{ passwordMax }} characters.</mat-hint>
              <mat-hint align="end" aria-hidden="true">{{ passwordLength() }} / {{ passwordMax }}</mat-hint>
              @if (form.controls.password.invalid) {
                <mat-error>{{ errorOf('password') }}</mat-error>
              }
            </mat-form-field>
          </mat-card-content>
          <mat-card-actions class="actions">
            <span class="switch">
              Already have an account?
              <a routerLink="/sign-in" [queryParams]="returnQuery()">Sign in</a>
            </span>
            <button mat-flat-button type="submit" [disabled]="submitting()">Create account</button>
          </mat-card-actions>
        </form>
      </mat-card>
    </div>
  `,
  styleUrl: './auth-card.css',
  styles: `
    .sign-up {
      max-width: 460px;
    }
    mat-card-content {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
  `,
})
export class SignUpPage {
  /** Where to go once signed up, e.g. back to the invitation being accepted. */
  readonly returnUrl = input<string>();

  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ErrorNotifier);
  private readonly router = inject(Router);
  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly passwordMax = PASSWORD_MAX;
  protected readonly displayNameMax = DISPLAY_NAME_MAX;
  protected readonly submitting = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(DISPLAY_NAME_MAX)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX)]],
    password: ['', [Validators.required, lengthInCharacters(PASSWORD_MIN, PASSWORD_MAX)]],
  });
  private readonly password = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });
  protected readonly passwordLength = computed(() => characters(this.password()));
  protected readonly forInvitation = computed(() => isInvitationReturn(this.returnUrl()));
  protected readonly returnQuery = computed(() => {
    const returnUrl = this.returnUrl();
    return returnUrl ? { returnUrl } : {};
  });

  protected errorOf(field: SignUpField): string {
    const errors = this.form.controls[field].errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required'] || errors['blank']) {
      return field === 'displayName'
        ? 'Enter your name.'
        : field === 'email'
          ? 'Enter your email.'
          : 'Choose a password.';
    }
    if (errors['email']) return 'Enter an email address.';
    if (errors['maxlength']) return `Use at most ${String(errors['maxlength'].requiredLength)} characters.`;
    if (errors['length']) return `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
    return 'Check this field.';
  }

  protected submit(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const { displayName, email, password } = this.form.getRawValue();
    this.session.signUp({ displayName: displayName.trim(), email: email.trim(), password }).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: unknown) => {
        this.showApiError(error);
        this.submitting.set(false);
      },
    });
  }

  /** Problems with a field go next to it; anything else goes to the snackbar. */
  private showApiError(error: unknown): void {
    const body = errorBodyOf(error);
    if (body?.code === 'email_taken') {
      this.setServerError('email', body.message);
      return;
    }
    const unplaced: string[] = [];
    for (const { field, problems } of fieldProblemsOf(error)) {
      if (isSignUpField(field)) this.setServerError(field, sentence(problems));
      else unplaced.push(...problems);
    }
    if (fieldProblemsOf(error).length === 0) this.notifier.show(error);
    else if (unplaced.length > 0) this.notifier.showMessage(sentence(unplaced));
  }

  private setServerError(field: SignUpField, message: string): void {
    const control = this.form.controls[field];
    // Cleared by the control's own validators as soon as the value is edited.
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
  }
}

function isSignUpField(field: string): field is SignUpField {
  return field === 'displayName' || field === 'email' || field === 'password';
}

/** class-validator words its problems in lower case, without a full stop. */
function sentence(problems: string[]): string {
  return (
    problems
      .map((problem) => `${problem.charAt(0).toUpperCase()}${problem.slice(1).replace(/\.$/, '')}`)
      .join('. ') + '.'
  );
}

function characters(value: string): number {
  return [...value].length;
}

function lengthInCharacters(min: number, max: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const length = characters(control.value ?? '');
    return length === 0 || (length >= min && length <= max) ? null : { length: { min, max, actual: length } };
  };
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value.trim() === '' ? { blank: true } : null;
}
