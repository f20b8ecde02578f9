import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@mentorship/contracts';
import { roleLabel } from '@mentorship/admin/util';
import { FieldErrorPipe } from '../form/field-error.pipe';

/** Chooses one or more organization roles; says in words when none is chosen. */
@Component({
  selector: 'mm-role-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, FieldErrorPipe],
  template: `
    <mat-form-field class="mm-full-width">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [formControl]="control()" multiple required>
        @for (role of roles(); track role) {
          <mat-option [value]="role">{{ roleLabel(role) }}</mat-option>
        }
      </mat-select>
      <mat-error>{{ control().errors | fieldError: { required: requiredMessage() } }}</mat-error>
    </mat-form-field>
  `,
})
export class RolePickerComponent {
  readonly control = input.required<FormControl<OrganizationRole[]>>();
  readonly label = input('Roles');
  /** The roles on offer, in the product's order. */
  readonly roles = input<readonly OrganizationRole[]>(ORGANIZATION_ROLES);
  readonly requiredMessage = input('Choose at least one role.');
  protected readonly roleLabel = roleLabel;
}
