import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { MatchRequestView } from '@mentorship/contracts';
import { declineReasonLabel, matchRequestStatusLabel } from '@mentorship/admin/util';
import { inZone, statusTone } from './request-words';
import { TimeZoneStore } from './time-zone.store';

/** What the reader can do with a request now (withdraw, accept, decline): a button at the card's foot. */
export interface RequestAction {
  label: string;
  /** The button's accessible name, naming the request too (`Withdraw the request to Ada`). */
  ariaLabel: string;
  run: () => void;
  /** The answer the card waits for (accept): a filled button; the others are outlined. */
  primary?: boolean;
  disabled?: boolean;
}

/**
 * One match request as a card, for the mentee who sent it or the mentor it went to: its
 * subject, the other side and the cohort, and its status with the time that matters to this
 * reader (in the page's time zone, `TimeZoneStore`). What the page adds under the status is
 * projected; its `actions` are the buttons at the card's foot.
 */
@Component({
  selector: 'mm-request-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule],
  template: `
    @let r = request();
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title
          ><h2 class="subject">{{ r.subject }}</h2></mat-card-title
        >
        <mat-card-subtitle>
          @if (reader() === 'mentor') {
            From {{ r.mentee.displayName }} · {{ r.cohortName }}
          } @else {
            To {{ r.mentor.displayName }} · {{ r.cohortName }}
          }
        </mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <p class="status">
          <span [class]="'mm-chip ' + tone(r.status)">{{ statusLabel(r.status) }}</span>
          @if (reader() === 'mentor') {
            @if (r.status === 'open') {
              <span>Answer before {{ when(r.expiresAt) }}</span>
            } @else if (r.status === 'declined' && r.declineReason) {
              <span>{{ reason(r.declineReason) }} · {{ when(r.decidedAt) }}</span>
            } @else if (r.decidedAt) {
              <span>{{ when(r.decidedAt) }}</span>
            }
          } @else {
            @switch (r.status) {
              @case ('open') {
                <span>Expires {{ when(r.expiresAt) }}</span>
              }
              @case ('accepted') {
                <span>{{ r.mentor.displayName }} accepted on {{ when(r.decidedAt) }}.</span>
              }
              @case ('declined') {
                <span
                  >{{ r.declineReason ? reason(r.declineReason) : 'Declined' }} ·
                  {{ when(r.decidedAt) }}</span
                >
              }
              @case ('expired') {
                <span>No answer before {{ when(r.expiresAt) }}.</span>
              }
              @default {
                <span>{{ when(r.decidedAt) }}</span>
              }
            }
          }
        </p>
        <ng-content />
      </mat-card-content>
      @if (actions().length > 0) {
        <mat-card-actions>
          @for (action of actions(); track action.label) {
            <button
              [matButton]="action.primary ? 'filled' : 'outlined'"
              type="button"
              [attr.aria-label]="action.ariaLabel"
              [disabled]="action.disabled ?? false"
              (click)="action.run()"
            >
              {{ action.label }}
            </button>
          }
        </mat-card-actions>
      }
    </mat-card>
  `,
  styleUrl: './requests.css',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class RequestCardComponent {
  readonly request = input.required<MatchRequestView>();
  /** The mentee who sent it (the default) or the mentor it went to. */
  readonly reader = input<'mentee' | 'mentor'>('mentee');
  readonly actions = input<readonly RequestAction[]>([]);

  private readonly zones = inject(TimeZoneStore);
  protected readonly statusLabel = matchRequestStatusLabel;
  protected readonly reason = declineReasonLabel;
  protected readonly tone = statusTone;
  protected readonly when = (iso: string | null) => (iso ? inZone(iso, this.zones.timeZone()) : '');
}
