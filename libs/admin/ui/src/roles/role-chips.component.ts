import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@mentorship/contracts';
import { roleLabel } from '@mentorship/admin/util';

@Component({
  selector: 'mm-role-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatChipsModule],
  template: `
    <!-- A plain list to assistive technology: mat-chip-set is role="presentation" by default. -->
    <mat-chip-set role="list" [attr.aria-label]="ariaLabel()">
      @for (role of ordered(); track role) {
        <mat-chip role="listitem" [disableRipple]="true">{{ label(role) }}</mat-chip>
      }
    </mat-chip-set>
  `,
  styles: `
    mat-chip-set {
      --mat-chip-container-height: 24px;
    }
  `,
})
export class RoleChipsComponent {
  readonly roles = input.required<readonly OrganizationRole[]>();
  readonly ariaLabel = input('Roles');
  protected readonly label = roleLabel;
  /** Always in the same order, so rows compare at a glance. */
  protected readonly ordered = computed(() =>
    ORGANIZATION_ROLES.filter((role) => this.roles().includes(role)),
  );
}
