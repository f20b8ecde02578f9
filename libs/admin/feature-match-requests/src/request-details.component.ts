import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MatchRequestView } from '@mentorship/contracts';
import { REQUEST_PARTS } from './request-form';

/** The five parts of a request as its mentor reads them (the subject is the card's title). */
@Component({
  selector: 'mm-request-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="parts">
      @for (part of parts; track part.name) {
        <div class="part">
          <dt>{{ reader() === 'mentor' ? part.theirs : part.label }}</dt>
          <dd>{{ request()[part.name] }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .parts {
      margin: 0;
    }
    .part {
      padding: 6px 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class RequestDetailsComponent {
  readonly request = input.required<MatchRequestView>();
  /** Who reads it: the mentee their own words ("What I want to learn"), the mentor theirs. */
  readonly reader = input<'mentee' | 'mentor'>('mentee');
  protected readonly parts = REQUEST_PARTS.filter((part) => part.name !== 'subject');
}
