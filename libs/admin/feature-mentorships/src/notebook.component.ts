import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FIELD_LIMITS, NOTEBOOK_ENTRY_KINDS, type NotebookEntryKind } from '@mentorship/contracts';
import { FieldErrorPipe, SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { MatchSection } from './match-section';

/** The pair's shared notebook: reflections, questions and results, newest first; private ones are the writer's. */
@Component({
  selector: 'mm-notebook',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    SubmitButtonsComponent,
  ],
  template: `
    <section class="mm-section" aria-labelledby="notebook-title">
      <h2 id="notebook-title">Notebook</h2>
      @if (store.sideWhileRunning()) {
        <form
          [formGroup]="form"
          (ngSubmit)="post()"
          class="mm-form-fields"
          aria-label="Write in the notebook"
        >
          <div class="row">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Kind</mat-label>
              <mat-select formControlName="kind">
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ kind }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Entry</mat-label>
            <textarea matInput rows="2" formControlName="body"></textarea>
            <mat-error>{{
              form.controls.body.errors
                | fieldError: { required: 'Write something.', pattern: 'Write something.' }
            }}</mat-error>
          </mat-form-field>
          <mat-checkbox formControlName="private">Private: only I read it</mat-checkbox>
          <mm-submit-buttons [submission]="submission" label="Post" [outlined]="true" />
        </form>
      }
      @if (store.notebook(); as page) {
        <ol class="entries" aria-label="Notebook entries">
          @for (entry of page.items; track entry.id) {
            <li class="entry">
              <p class="entry-head">
                <span class="mm-chip over">{{ entry.kind }}</span> {{ nameOf(entry.authorUserId) }} ·
                {{ when(entry.createdAt) }}
                @if (entry.private) {
                  · private
                }
              </p>
              <p>{{ entry.body }}</p>
            </li>
          } @empty {
            <li class="hint">Nothing written yet.</li>
          }
        </ol>
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class NotebookComponent extends MatchSection {
  protected readonly kinds = NOTEBOOK_ENTRY_KINDS;
  protected readonly form = new FormGroup({
    kind: new FormControl<NotebookEntryKind>('reflection', { nonNullable: true }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(FIELD_LIMITS.notebookEntry.max),
      ],
    }),
    private: new FormControl(false, { nonNullable: true }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected readonly nameOf = (userId: string) => this.nameIn(userId, 'A coordinator');

  protected post(): void {
    const v = this.form.getRawValue();
    this.send(
      this.submission,
      (orgId, matchId) => this.api.postToNotebook(orgId, matchId, { ...v, body: v.body.trim() }),
      'Posted to the notebook.',
      () => {
        this.form.reset();
        this.store.reloadNotebook();
      },
    );
  }
}
