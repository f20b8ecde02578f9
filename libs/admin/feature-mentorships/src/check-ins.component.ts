import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { FieldErrorPipe, SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { today } from './mentorship-words';
import { MatchSection } from './match-section';
import { linesOf } from '@mentorship/admin/util';

const NO_MILESTONE = '';

/**
 * Check-ins: the meetings logged (newest first) and, for either side while the match runs, a
 * form to log one (with progress on one milestone of the map), and the next meeting planned,
 * with its calendar file.
 */
@Component({
  selector: 'mm-check-ins',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    SubmitButtonsComponent,
  ],
  template: `
    <section class="mm-section" aria-labelledby="check-ins-title">
      <div class="section-head">
        <h2 id="check-ins-title">Check-ins</h2>
        @if (store.sideWhileRunning() && !logging()) {
          <button mat-stroked-button type="button" (click)="startLog()">Log a check-in</button>
        }
      </div>
      @if (logging()) {
        <form [formGroup]="form" (ngSubmit)="log()" class="mm-form-fields" aria-label="Log a check-in">
          <div class="row">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Day you met</mat-label>
              <input matInput type="date" formControlName="heldOn" />
              <mat-error>{{
                form.controls.heldOn.errors | fieldError: { required: 'Give the day.' }
              }}</mat-error>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Minutes</mat-label>
              <input matInput type="number" min="1" max="1440" formControlName="durationMinutes" />
              <mat-error>{{
                form.controls.durationMinutes.errors
                  | fieldError: { min: 'From 1 to 1440.', max: 'From 1 to 1440.' }
              }}</mat-error>
            </mat-form-field>
          </div>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Shared notes</mat-label>
            <textarea matInput rows="3" formControlName="sharedNotes"></textarea>
            <mat-hint>Both of you read these.</mat-hint>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Private notes</mat-label>
            <textarea matInput rows="2" formControlName="privateNotes"></textarea>
            <mat-hint>Yours alone (and coordinators’ where the program says so).</mat-hint>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Action items</mat-label>
            <textarea matInput rows="2" formControlName="actionItems"></textarea>
            <mat-hint>One a line.</mat-hint>
          </mat-form-field>
          @if (milestones().length > 0) {
            <div class="row">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Progress on a milestone</mat-label>
                <mat-select formControlName="milestoneId">
                  <mat-option [value]="none">None</mat-option>
                  @for (m of milestones(); track m.id) {
                    <mat-option [value]="m.id">{{ m.title }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Progress note</mat-label>
                <input matInput formControlName="progressNote" />
              </mat-form-field>
            </div>
            <mat-checkbox formControlName="milestoneDone">The milestone is done</mat-checkbox>
          }
          <mm-submit-buttons
            [submission]="submission"
            label="Log the check-in"
            cancelLabel="Cancel"
            (cancelled)="logging.set(false)"
            [spaced]="true"
          />
        </form>
      }
      @if (store.checkIns(); as page) {
        <ol class="entries" aria-label="Check-ins logged">
          @for (checkIn of page.items; track checkIn.id) {
            <li class="entry">
              <p class="entry-head">
                <strong>{{ day(checkIn.heldOn) }}</strong> · {{ checkIn.durationMinutes }} min · logged by
                {{ nameOf(checkIn.loggedBy) }}
              </p>
              @if (checkIn.sharedNotes) {
                <p>{{ checkIn.sharedNotes }}</p>
              }
              @if (checkIn.privateNotes) {
                <p class="private"><strong>Private:</strong> {{ checkIn.privateNotes }}</p>
              }
              @if (checkIn.actionItems.length > 0) {
                <ul>
                  @for (item of checkIn.actionItems; track $index) {
                    <li>{{ item.text }} ({{ item.owner }}){{ item.done ? ' ✓' : '' }}</li>
                  }
                </ul>
              }
              @for (progress of checkIn.milestoneProgress; track progress.milestoneId) {
                <p>
                  <strong>{{ milestoneTitle(progress.milestoneId) }}:</strong> {{ progress.note }}
                  {{ progress.done ? '(done)' : '' }}
                </p>
              }
            </li>
          } @empty {
            <li class="hint">No check-in logged yet.</li>
          }
        </ol>
      }

      <h3>Next meeting</h3>
      @if (store.meeting(); as meeting) {
        <p>
          {{ meeting.localStart.replace('T', ' at ') }} ({{ meeting.timeZone }}) ·
          {{ meeting.durationMinutes }} min
          @if (meeting.location) {
            · {{ meeting.location }}
          }
        </p>
        @if (meeting.agenda) {
          <p>{{ meeting.agenda }}</p>
        }
        <button mat-stroked-button type="button" (click)="download()">Add to my calendar (.ics)</button>
      } @else {
        <p class="hint">No meeting planned.</p>
      }
      @if (store.sideWhileRunning()) {
        <details>
          <summary>{{ store.meeting() ? 'Plan another time' : 'Plan the next meeting' }}</summary>
          <form
            [formGroup]="meetingForm"
            (ngSubmit)="plan()"
            class="mm-form-fields"
            aria-label="Plan the next meeting"
          >
            <div class="row">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Starts (your time zone)</mat-label>
                <input matInput type="datetime-local" formControlName="startsAt" />
                <mat-error>{{
                  meetingForm.controls.startsAt.errors | fieldError: { required: 'Give a time.' }
                }}</mat-error>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Minutes</mat-label>
                <input matInput type="number" min="5" max="480" formControlName="durationMinutes" />
              </mat-form-field>
            </div>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Where (a room or a video link)</mat-label>
              <input matInput formControlName="location" />
            </mat-form-field>
            <mm-submit-buttons [submission]="meetingSubmission" label="Plan it" [outlined]="true" />
          </form>
        </details>
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class CheckInsComponent extends MatchSection {
  protected readonly none = NO_MILESTONE;
  protected readonly logging = signal(false);
  protected readonly milestones = computed(() => this.store.map()?.milestones ?? []);

  private readonly notes = [Validators.maxLength(FIELD_LIMITS.checkInNotes.max)];
  protected readonly form = new FormGroup({
    heldOn: new FormControl(today(), { nonNullable: true, validators: [Validators.required] }),
    durationMinutes: new FormControl(45, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(1440)],
    }),
    sharedNotes: new FormControl('', { nonNullable: true, validators: this.notes }),
    privateNotes: new FormControl('', { nonNullable: true, validators: this.notes }),
    actionItems: new FormControl('', { nonNullable: true }),
    milestoneId: new FormControl(NO_MILESTONE, { nonNullable: true }),
    progressNote: new FormControl('', { nonNullable: true }),
    milestoneDone: new FormControl(false, { nonNullable: true }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected readonly meetingForm = new FormGroup({
    startsAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    durationMinutes: new FormControl(45, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(5), Validators.max(480)],
    }),
    location: new FormControl('', { nonNullable: true }),
  });
  protected readonly meetingSubmission = new FormSubmission(this.meetingForm);

  protected readonly nameOf = (userId: string) => this.nameIn(userId, 'someone else');
  protected readonly milestoneTitle = (id: string) =>
    this.milestones().find((m) => m.id === id)?.title ?? 'A milestone no longer on the map';

  protected startLog(): void {
    this.form.reset();
    this.logging.set(true);
  }

  protected log(): void {
    const v = this.form.getRawValue();
    const items = linesOf(v.actionItems).map((text) => ({ text, owner: 'both' as const }));
    this.send(
      this.submission,
      (orgId, matchId) =>
        this.api.logCheckIn(orgId, matchId, {
          heldOn: v.heldOn,
          durationMinutes: v.durationMinutes,
          sharedNotes: v.sharedNotes.trim(),
          privateNotes: v.privateNotes.trim(),
          actionItems: items,
          milestoneProgress: v.milestoneId
            ? [{ milestoneId: v.milestoneId, note: v.progressNote.trim(), done: v.milestoneDone }]
            : [],
        }),
      'Check-in logged.',
      () => {
        this.logging.set(false);
        this.store.reloadCheckIns();
        if (v.milestoneId && v.milestoneDone) this.store.reloadMap();
      },
    );
  }

  protected plan(): void {
    const v = this.meetingForm.getRawValue();
    this.send(
      this.meetingSubmission,
      (orgId, matchId) =>
        this.api.planMeeting(orgId, matchId, {
          startsAt: v.startsAt.slice(0, 16),
          durationMinutes: v.durationMinutes,
          location: v.location.trim(),
        }),
      'Meeting planned.',
      (meeting) => this.store.meeting.set(meeting),
    );
  }

  /** The .ics comes with the session's token, so it is fetched and handed over as a file. */
  protected download(): void {
    this.api.nextMeetingCalendar(this.store.orgId, this.store.matchId).subscribe({
      next: (body) => {
        const url = URL.createObjectURL(new Blob([body], { type: 'text/calendar' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = 'next-meeting.ics';
        link.click();
        URL.revokeObjectURL(url);
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
