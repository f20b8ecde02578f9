import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { ERROR_CODES, FIELD_LIMITS } from '@mentorship/contracts';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import {
  ErrorNotifier,
  FieldErrorPipe,
  FormSubmission,
  lengthInCharacters,
  notBlank,
} from '@mentorship/admin/ui';
import { FormCardComponent } from '@mentorship/admin/ui/form-card';

const { displayName: DISPLAY_NAME, password: PASSWORD } = FIELD_LIMITS;

/** The signed-in person's own account: their name and their password. */
@Component({
  selector: 'mm-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatInputModule, FieldErrorPipe, FormCardComponent],
  template: `
    <div class="mm-page account">
      <h1>Your account</h1>
      <p class="email">Signed in as {{ session.user()?.email }}</p>

      <mat-card appearance="outlined">
        <form
          mmFormCard
          [formGroup]="nameForm"
          (ngSubmit)="saveName()"
          aria-labelledby="name-title"
          [submission]="nameSubmission"
          submitLabel="Save name"
        >
          <mat-card-header>
            <mat-card-title><h2 id="name-title">Your name</h2></mat-card-title>
          </mat-card-header>
          <mat-form-field class="mm-full-width">
            <mat-label>Display name</mat-label>
            <input
              matInput
              formControlName="displayName"
              autocomplete="name"
              required
              [attr.maxlength]="displayNameMax"
            />
            <mat-error>{{ nameForm.controls.displayName.errors | fieldError: nameMessages }}</mat-error>
          </mat-form-field>
        </form>
      </mat-card>

      <mat-card appearance="outlined">
        <form
          mmFormCard
          [formGroup]="passwordForm"
          (ngSubmit)="changePassword()"
          aria-labelledby="password-title"
          [submission]="passwordSubmission"
          submitLabel="Change password"
        >
          <mat-card-header>
            <mat-card-title><h2 id="password-title">Change password</h2></mat-card-title>
            <mat-card-subtitle>Your other sessions are signed out; this one stays.</mat-card-subtitle>
          </mat-card-header>
          <mat-form-field class="mm-full-width">
            <mat-label>Current password</mat-label>
            <input
              matInput
              type="password"
              formControlName="currentPassword"
              autocomplete="current-password"
              required
            />
            <mat-error>{{
              passwordForm.controls.currentPassword.errors
                | fieldError: { required: 'Enter your current password.' }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field class="mm-full-width">
            <mat-label>New password</mat-label>
            <input
              matInput
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
              required
              aria-describedby="new-password-rule"
            />
            <mat-hint id="new-password-rule">{{ passwordMin }} to {{ passwordMax }} characters.</mat-hint>
            <mat-error>{{
              passwordForm.controls.newPassword.errors | fieldError: { required: 'Choose a new password.' }
            }}</mat-error>
          </mat-form-field>
        </form>
      </mat-card>
    </div>
  `,
  styles: `
    .account {
      max-width: 560px;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .email {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AccountPage {
  protected readonly session = inject(SessionStore);
  private readonly notifier = inject(ErrorNotifier);
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly displayNameMax = DISPLAY_NAME.max;
  protected readonly passwordMin = PASSWORD.min;
  protected readonly passwordMax = PASSWORD.max;
  protected readonly nameMessages = { required: 'Enter your name.', blank: 'Enter your name.' };

  protected readonly nameForm = this.forms.group({
    displayName: [
      this.session.user()?.displayName ?? '',
      [Validators.required, notBlank, Validators.maxLength(DISPLAY_NAME.max)],
    ],
  });
  protected readonly passwordForm = this.forms.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, lengthInCharacters(PASSWORD.min, PASSWORD.max)]],
  });
  protected readonly nameSubmission = new FormSubmission(this.nameForm);
  protected readonly passwordSubmission = new FormSubmission(this.passwordForm, {
    [ERROR_CODES.wrongPassword]: 'currentPassword',
  });

  protected saveName(): void {
    const displayName = this.nameForm.getRawValue().displayName.trim();
    this.nameSubmission.submit(
      () => this.session.updateMe({ displayName }),
      () => this.notifier.info('Name saved.'),
    );
  }

  protected changePassword(): void {
    this.passwordSubmission.submit(
      () => this.session.changePassword(this.passwordForm.getRawValue()),
      () => {
        this.passwordForm.reset();
        this.notifier.info('Password changed. Your other sessions are signed out.');
      },
    );
  }
}
