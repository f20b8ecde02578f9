import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { FIELD_LIMITS, type OrganizationView } from '@mentorship/contracts';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import {
  ConfirmDialog,
  ErrorNotifier,
  FieldErrorPipe,
  FormErrorComponent,
  FormSubmission,
  RoleChipsComponent,
  lengthInCharacters,
  notBlank,
  type ConfirmDialogData,
} from '@mentorship/admin/ui';
import { errorMessageOf } from '@mentorship/admin/util';

import { DeleteOrganizationDialog, type DeleteOrganizationDialogData } from './delete-organization.dialog';

const { organizationName: NAME } = FIELD_LIMITS;

/**
 * An organization's landing page for every member; the one mentors and mentees get, since the
 * member list is for admins and coordinators.
 */
@Component({
  selector: 'mm-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    ReactiveFormsModule,
    MatCardModule,
    MatButtonModule,
    MatInputModule,
    RoleChipsComponent,
    FieldErrorPipe,
    FormErrorComponent,
  ],
  template: `
    <div class="mm-page home">
      @if (organization(); as org) {
        @if (org.deletion; as deletion) {
          <mat-card appearance="outlined" class="scheduled" role="region" aria-labelledby="scheduled-title">
            <mat-card-header>
              <mat-card-title
                ><h1 id="scheduled-title">{{ org.name }} is scheduled for deletion</h1></mat-card-title
              >
            </mat-card-header>
            <mat-card-content>
              <p>
                Its members have no access to it. On {{ deletion.purgeAfter | date: 'longDate' }} its data is
                erased for good. Until then you can restore it, exactly as it was.
              </p>
              <mm-form-error [message]="restoreError()" />
            </mat-card-content>
            <mat-card-actions align="end">
              <button mat-flat-button type="button" (click)="restore()">Restore organization</button>
            </mat-card-actions>
          </mat-card>
        } @else {
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title
                ><h1>Welcome to {{ org.name }}</h1></mat-card-title
              >
              <mat-card-subtitle>You are a member of this organization.</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              <section class="roles" aria-labelledby="your-roles-title">
                <h2 id="your-roles-title">Your roles</h2>
                <mm-role-chips [roles]="org.roles" ariaLabel="Your roles" />
              </section>
              @if (!canSeeMembers()) {
                <p class="note">
                  Managing members is for the organization's admins and coordinators. If you need that access,
                  ask one of them to change your roles.
                </p>
              }
            </mat-card-content>
            <mat-card-actions align="end">
              <button mat-button type="button" class="leave" (click)="confirmLeave()">
                Leave organization
              </button>
              @if (canSeeMembers()) {
                <a mat-flat-button [routerLink]="['/orgs', org.id, 'members']">Manage members</a>
              }
            </mat-card-actions>
          </mat-card>
          @if (isAdmin()) {
            <mat-card appearance="outlined" class="settings">
              <form [formGroup]="renameForm" (ngSubmit)="rename()" aria-labelledby="rename-title">
                <mat-card-header>
                  <mat-card-title><h2 id="rename-title">Organization name</h2></mat-card-title>
                </mat-card-header>
                <mat-card-content class="mm-form-fields">
                  <mm-form-error [message]="renameSubmission.error()" />
                  <mat-form-field class="mm-full-width">
                    <mat-label>Name</mat-label>
                    <input matInput formControlName="name" required [attr.maxlength]="nameMax" />
                    <mat-error>{{ renameForm.controls.name.errors | fieldError: nameMessages }}</mat-error>
                  </mat-form-field>
                </mat-card-content>
                <mat-card-actions align="end">
                  <button mat-flat-button type="submit" [disabled]="renameSubmission.submitting()">
                    Rename
                  </button>
                </mat-card-actions>
              </form>
            </mat-card>
            <mat-card
              appearance="outlined"
              class="settings danger-zone"
              role="region"
              aria-labelledby="danger-title"
            >
              <mat-card-header>
                <mat-card-title><h2 id="danger-title">Delete organization</h2></mat-card-title>
              </mat-card-header>
              <mat-card-content>
                <p>
                  Closes it for every member at once. During a grace period (30 days by default) you can
                  restore it; then all its data is erased for good.
                </p>
              </mat-card-content>
              <mat-card-actions align="end">
                <button mat-stroked-button type="button" class="danger" (click)="confirmDelete()">
                  Delete organization
                </button>
              </mat-card-actions>
            </mat-card>
          }
        }
      }
    </div>
  `,
  styles: `
    .home {
      max-width: 640px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .settings {
      margin-top: 16px;
    }
    .leave {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
    .danger-zone {
      border-color: var(--mat-sys-error);
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
      --mat-button-outlined-outline-color: var(--mat-sys-error);
    }
    .scheduled p,
    .danger-zone p {
      margin: 8px 0 0;
    }
    .note {
      margin: 16px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HomePage {
  /** From the route, `/orgs/:orgId/home`; the organization guard has made it current. */
  readonly orgId = input.required<string>();

  private readonly organizations = inject(OrganizationStore);
  protected readonly organization = computed(() => this.organizations.find(this.orgId()));
  protected readonly canSeeMembers = this.organizations.canSeeMembersOfCurrent;
  protected readonly isAdmin = computed(() => this.organization()?.roles.includes('admin') ?? false);

  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(ErrorNotifier);
  private readonly router = inject(Router);
  protected readonly nameMax = NAME.max;
  protected readonly nameMessages = { required: 'Enter a name.', blank: 'Enter a name.' };
  protected readonly renameForm = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, notBlank, lengthInCharacters(NAME.min, NAME.max, { trim: true })]],
  });
  protected readonly renameSubmission = new FormSubmission(this.renameForm);
  protected readonly restoreError = signal<string | null>(null);

  constructor() {
    // The form starts from the organization's current name (and follows a switch to another).
    effect(() => {
      const name = this.organization()?.name;
      if (name !== undefined && !this.renameForm.dirty) this.renameForm.setValue({ name });
    });
  }

  protected rename(): void {
    const name = this.renameForm.getRawValue().name.trim();
    this.renameSubmission.submit(
      () => this.organizations.rename(this.orgId(), name),
      () => {
        this.renameForm.markAsPristine();
        this.notifier.info('Organization renamed.');
      },
    );
  }

  protected confirmLeave(): void {
    const name = this.organization()?.name ?? 'this organization';
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: `Leave ${name}?`,
          message: `You will no longer be a member of ${name} and lose access to it. To come back, you need a new invitation.`,
          confirmLabel: 'Leave',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.organizations.leave(this.orgId()).subscribe({
          next: () => {
            this.notifier.info(`You left ${name}.`);
            void this.router.navigate(['/orgs']);
          },
          // 409 last_admin: "An organization needs at least one admin."
          error: (error: unknown) => this.notifier.show(error),
        });
      });
  }

  protected confirmDelete(): void {
    const organization = this.organization();
    if (!organization) return;
    this.dialog
      .open<DeleteOrganizationDialog, DeleteOrganizationDialogData, OrganizationView>(
        DeleteOrganizationDialog,
        {
          data: { organization },
        },
      )
      .afterClosed()
      .subscribe((scheduled) => {
        if (scheduled) this.notifier.info(`${scheduled.name} is scheduled for deletion.`);
      });
  }

  protected restore(): void {
    this.restoreError.set(null);
    this.organizations.restore(this.orgId()).subscribe({
      next: (restored) => this.notifier.info(`${restored.name} is restored.`),
      error: (error: unknown) => this.restoreError.set(errorMessageOf(error)),
    });
  }
}
