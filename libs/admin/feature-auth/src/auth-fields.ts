import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { FieldErrorPipe, characters, type FieldMessages } from '@mentorship/admin/ui';

/**
 * `formControlName` looks for its form group on its own component's host only: these fields lend
 * it the page's, so they stand in a page's `[formGroup]` like a plain `mat-form-field`.
 */
const PAGE_FORM_GROUP = [
  { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
];

/** No box of their own: in a `.mm-form-fields` column the form field is the column's item. */
const NO_BOX = { style: 'display: contents' };

/** The control `name` of the page's form group. */
function controlOf(container: ControlContainer, name: string): AbstractControl | null {
  return container.control?.get(name) ?? null;
}

let nextId = 0;

/** A password: the current one (to sign in or confirm) or a new one, with its length rule. */
@Component({
  selector: 'mm-password-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, FieldErrorPipe],
  viewProviders: PAGE_FORM_GROUP,
  host: NO_BOX,
  template: `
    <mat-form-field class="mm-full-width">
      <mat-label>{{ label() }}</mat-label>
      <!-- One projected node per block: mat-form-field slots its hints by selector. -->
      @if (isNew()) {
        <input
          matInput
          type="password"
          [formControlName]="name()"
          autocomplete="new-password"
          required
          [aria-describedby]="ruleId"
        />
      } @else {
        <input matInput type="password" [formControlName]="name()" autocomplete="current-password" required />
      }
      @if (isNew()) {
        <mat-hint [id]="ruleId">{{ min }} to {{ max }} characters.</mat-hint>
      }
      @if (isNew() && counted()) {
        <mat-hint align="end" aria-hidden="true">{{ length() }} / {{ max }}</mat-hint>
      }
      <mat-error>{{ control()?.errors | fieldError: messages() }}</mat-error>
    </mat-form-field>
  `,
})
export class PasswordFieldComponent {
  readonly name = input.required<string>();
  readonly label = input.required<string>();
  readonly messages = input.required<FieldMessages>();
  /** A new password: the browser may suggest one, and the field says the length rule. */
  readonly isNew = input(false);
  /** Counts the characters typed against the most allowed (a new password only). */
  readonly counted = input(false);
  protected readonly min = FIELD_LIMITS.password.min;
  protected readonly max = FIELD_LIMITS.password.max;
  protected readonly ruleId = `mm-password-rule-${nextId++}`;
  private readonly container = inject(ControlContainer);

  protected control(): AbstractControl | null {
    return controlOf(this.container, this.name());
  }

  protected length(): number {
    return characters(String(this.control()?.value ?? ''));
  }
}

/** An email address, to sign in with (`username` for password managers) or to sign up with. */
@Component({
  selector: 'mm-email-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, FieldErrorPipe],
  viewProviders: PAGE_FORM_GROUP,
  host: NO_BOX,
  template: `
    <mat-form-field class="mm-full-width">
      <mat-label>Email</mat-label>
      <input matInput type="email" formControlName="email" [autocomplete]="autocomplete()" required />
      <mat-error>{{ control()?.errors | fieldError: messages() }}</mat-error>
    </mat-form-field>
  `,
})
export class EmailFieldComponent {
  readonly autocomplete = input<'username' | 'email'>('username');
  readonly messages = input<FieldMessages>({ required: 'Enter your email.' });
  private readonly container = inject(ControlContainer);

  protected control(): AbstractControl | null {
    return controlOf(this.container, 'email');
  }
}

/** The name other members see, within its limit. */
@Component({
  selector: 'mm-display-name-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, FieldErrorPipe],
  viewProviders: PAGE_FORM_GROUP,
  host: NO_BOX,
  template: `
    <mat-form-field class="mm-full-width">
      <mat-label>Display name</mat-label>
      <input matInput formControlName="displayName" autocomplete="name" required [attr.maxlength]="max" />
      @if (hint(); as text) {
        <mat-hint>{{ text }}</mat-hint>
      }
      <mat-error>{{ control()?.errors | fieldError: messages }}</mat-error>
    </mat-form-field>
  `,
})
export class DisplayNameFieldComponent {
  readonly hint = input<string | null>(null);
  protected readonly max = FIELD_LIMITS.displayName.max;
  protected readonly messages = { required: 'Enter your name.', blank: 'Enter your name.' };
  private readonly container = inject(ControlContainer);

  protected control(): AbstractControl | null {
    return controlOf(this.container, 'displayName');
  }
}
