import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { ERROR_CODES, FIELD_LIMITS } from '@mentorship/contracts';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { ErrorNotifier, FormSubmission, lengthInCharacters, notBlank } from '@mentorship/admin/ui';
import { FormCardComponent } from '@mentorship/admin/ui/form-card';
import { DisplayNameFieldComponent, PasswordFieldComponent } from './auth-fields';

const { displayName: DISPLAY_NAME, password: PASSWORD } = FIELD_LIMITS;

/** The signed-in person's own account: their name and their password. */
@Component({
  selector: 'mm-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    FormCardComponent,
    DisplayNameFieldComponent,
    PasswordFieldComponent,
  ],
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
          <mm-display-name-field />
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
          <mm-password-field
            name="currentPassword"
            label="Current password"
            [messages]="{ required: 'Enter your current password.' }"
          />
          <mm-password-field
            name="newPassword"
            label="New password"
            [isNew]="true"
            [messages]="{ required: 'Choose a new password.' }"
          />
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
