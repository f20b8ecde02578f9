import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS, type AgreementTerms } from '@mentorship/contracts';
import { FieldErrorPipe, SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { MatchSection } from './match-section';
import { linesOf } from '@mentorship/admin/util';

const EMPTY_TERMS: AgreementTerms = {
  goals: [],
  meetingCadence: '',
  confidentiality: '',
  contact: '',
  successMeasures: [],
  mentorContributes: '',
  menteeContributes: '',
};

/**
 * The agreement: its terms, who signed this version, signing, editing (which asks both to sign
 * again) and the versions both signed before.
 */
@Component({
  selector: 'mm-agreement',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
    SubmitButtonsComponent,
  ],
  template: `
    <section class="mm-section" aria-labelledby="agreement-title">
      <div class="section-head">
        <h2 id="agreement-title">Agreement</h2>
        @if (canEdit() && !editing()) {
          <button mat-stroked-button type="button" (click)="edit()">
            {{ store.agreement() ? 'Edit the agreement' : 'Write the agreement' }}
          </button>
        }
      </div>
      @if (editing()) {
        <form [formGroup]="form" (ngSubmit)="save()" class="mm-form-fields" aria-label="Edit the agreement">
          <p class="hint">Saving makes a new version: both of you sign it again.</p>
          @for (field of fields; track field.name) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ field.label }}</mat-label>
              <textarea matInput [rows]="field.rows" [formControlName]="field.name"></textarea>
              @if (field.hint) {
                <mat-hint>{{ field.hint }}</mat-hint>
              }
              <mat-error>{{ form.controls[field.name].errors | fieldError }}</mat-error>
            </mat-form-field>
          }
          <mm-submit-buttons
            [submission]="submission"
            label="Save the agreement"
            cancelLabel="Cancel"
            (cancelled)="editing.set(false)"
            [spaced]="true"
          />
        </form>
      } @else if (store.agreement(); as agreement) {
        <p class="state">
          <span [class]="'mm-chip ' + (agreement.signed ? 'good' : 'waiting')">
            {{
              agreement.signed
                ? 'Signed by both'
                : store.running()
                  ? 'Waiting for signatures'
                  : 'Never signed by both'
            }}
          </span>
          <span>Version {{ agreement.version }}</span>
        </p>
        <dl class="terms">
          <dt>Goals</dt>
          <dd>{{ listed(agreement.terms.goals) }}</dd>
          <dt>How often we meet</dt>
          <dd>{{ agreement.terms.meetingCadence || '—' }}</dd>
          <dt>Confidentiality</dt>
          <dd>{{ agreement.terms.confidentiality || '—' }}</dd>
          <dt>How we reach each other</dt>
          <dd>{{ agreement.terms.contact || '—' }}</dd>
          <dt>Success measures</dt>
          <dd>{{ listed(agreement.terms.successMeasures) }}</dd>
          <dt>The mentor brings</dt>
          <dd>{{ agreement.terms.mentorContributes || '—' }}</dd>
          <dt>The mentee offers back</dt>
          <dd>{{ agreement.terms.menteeContributes || '—' }}</dd>
        </dl>
        <ul class="answers" aria-label="Signatures">
          <li>
            <strong>Mentee:</strong>
            {{
              agreement.signatures.mentee ? 'signed ' + when(agreement.signatures.mentee) : 'not signed yet'
            }}
          </li>
          <li>
            <strong>Mentor:</strong>
            {{
              agreement.signatures.mentor ? 'signed ' + when(agreement.signatures.mentor) : 'not signed yet'
            }}
          </li>
        </ul>
        @if (canSign()) {
          <button mat-flat-button type="button" [disabled]="signing()" (click)="sign(agreement.version)">
            Sign version {{ agreement.version }}
          </button>
        }
      } @else {
        <p class="hint">No agreement yet: it is drafted when both continue after the trial.</p>
      }
      @if (earlier().length > 0) {
        <details>
          <summary>Earlier signed versions ({{ earlier().length }})</summary>
          <ul class="versions">
            @for (version of earlier(); track version.version) {
              <li>
                <strong>Version {{ version.version }}</strong
                >, signed {{ when(version.menteeSignedAt) }} and {{ when(version.mentorSignedAt) }}. Goals:
                {{ listed(version.terms.goals) }}. Cadence: {{ version.terms.meetingCadence || '—' }}.
              </li>
            }
          </ul>
        </details>
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class AgreementComponent extends MatchSection {
  protected readonly listed = (items: string[]) => (items.length ? items.join('; ') : '—');
  protected readonly editing = signal(false);
  protected readonly signing = signal(false);

  private readonly text = [Validators.maxLength(FIELD_LIMITS.lifecycleText.max)];
  protected readonly form = new FormGroup({
    goals: new FormControl('', { nonNullable: true, validators: this.text }),
    meetingCadence: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(FIELD_LIMITS.lifecycleLine.max)],
    }),
    confidentiality: new FormControl('', { nonNullable: true, validators: this.text }),
    contact: new FormControl('', { nonNullable: true, validators: this.text }),
    successMeasures: new FormControl('', { nonNullable: true, validators: this.text }),
    mentorContributes: new FormControl('', { nonNullable: true, validators: this.text }),
    menteeContributes: new FormControl('', { nonNullable: true, validators: this.text }),
  });
  protected readonly fields: {
    name: keyof AgreementComponent['form']['controls'];
    label: string;
    rows: number;
    hint?: string;
  }[] = [
    { name: 'goals', label: 'Goals', rows: 3, hint: 'One a line.' },
    { name: 'meetingCadence', label: 'How often we meet', rows: 1 },
    {
      name: 'confidentiality',
      label: 'Confidentiality',
      rows: 2,
      hint: 'What stays between the two of you.',
    },
    { name: 'contact', label: 'How we reach each other', rows: 2, hint: 'And when not to.' },
    { name: 'successMeasures', label: 'Success measures', rows: 3, hint: 'One a line.' },
    { name: 'mentorContributes', label: 'The mentor brings', rows: 2 },
    { name: 'menteeContributes', label: 'The mentee offers back', rows: 2 },
  ];
  protected readonly submission = new FormSubmission(this.form);

  protected readonly canEdit = computed(() => this.store.match()?.status === 'active');
  protected readonly canSign = computed(() => {
    const side = this.store.side();
    const agreement = this.store.agreement();
    return !!side && !!agreement && this.canEdit() && !agreement.signatures[side];
  });
  /** Signed versions other than the one shown (which is the newest when both signed it). */
  protected readonly earlier = computed(() => {
    const shown = this.store.agreement();
    return this.store.signedAgreements().filter((v) => !(shown?.signed && v.version === shown.version));
  });

  protected edit(): void {
    const terms = this.store.agreement()?.terms ?? EMPTY_TERMS;
    this.form.reset({
      ...terms,
      goals: terms.goals.join('\n'),
      successMeasures: terms.successMeasures.join('\n'),
    });
    this.editing.set(true);
  }

  protected save(): void {
    const value = this.form.getRawValue();
    const version = this.store.agreement()?.version;
    this.send(
      this.submission,
      (orgId, matchId) =>
        this.api.editAgreement(orgId, matchId, {
          ...(version ? { version } : {}),
          terms: { ...value, goals: linesOf(value.goals), successMeasures: linesOf(value.successMeasures) },
        }),
      (agreement) => `Agreement saved as version ${agreement.version}.`,
      (agreement) => {
        this.store.agreement.set(agreement);
        this.editing.set(false);
      },
    );
  }

  protected sign(version: number): void {
    this.signing.set(true);
    this.api.signAgreement(this.store.orgId, this.store.matchId, version).subscribe({
      next: (agreement) => {
        this.signing.set(false);
        this.store.agreement.set(agreement);
        this.store.reloadAgreement();
        this.notifier.info(agreement.signed ? 'Signed by both of you.' : 'Signed.');
      },
      error: (error: unknown) => {
        this.signing.set(false);
        this.notifier.show(error);
        this.store.reloadAgreement();
      },
    });
  }
}
