import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { FieldErrorPipe, lengthInCharacters, notBlank, FormSubmission } from '@mentorship/admin/ui';
import { FormCardComponent } from '@mentorship/admin/ui/form-card';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';

const NAME = FIELD_LIMITS.organizationName;

@Component({
  selector: 'mm-create-organization-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatInputModule, FieldErrorPipe, FormCardComponent],
  template: `
    <div class="mm-page create">
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title><h1>Create an organization</h1></mat-card-title>
          @if (firstOne()) {
            <mat-card-subtitle
              >You are not a member of any organization yet. Start one to run programs.</mat-card-subtitle
            >
          }
        </mat-card-header>
        <form
          mmFormCard
          [formGroup]="form"
          (ngSubmit)="submit()"
          [submission]="submission"
          submitLabel="Create organization"
        >
          <mat-form-field class="mm-full-width">
            <mat-label>Organization name</mat-label>
            <input
              matInput
              formControlName="name"
              autocomplete="organization"
              required
              [attr.maxlength]="nameMax"
            />
            <mat-error>{{ form.controls.name.errors | fieldError: nameMessages }}</mat-error>
          </mat-form-field>
        </form>
      </mat-card>
    </div>
  `,
  styles: `
    .create {
      max-width: 520px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class CreateOrganizationPage {
  private readonly organizations = inject(OrganizationStore);
  private readonly router = inject(Router);
  /** Said only once the list has arrived: while it loads, nobody is told they have none. */
  protected readonly firstOne = computed(
    () => this.organizations.isLoaded() && this.organizations.organizations().length === 0,
  );
  protected readonly nameMax = NAME.max;
  protected readonly nameMessages = {
    required: 'Enter a name for the organization.',
    blank: 'Enter a name for the organization.',
  };
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, notBlank, lengthInCharacters(NAME.min, NAME.max, { trim: true })]],
  });

  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    const name = this.form.controls.name.value.trim();
    this.submission.submit(
      () => this.organizations.create(name),
      (org) => void this.router.navigate(['/orgs', org.id, 'members']),
    );
  }
}
