import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RoundDiffView } from '@mentorship/contracts';
import { scoreText, totalText } from './round-words';

/**
 * What a re-run or a dry run changed against the round it started from: pairs kept, changed,
 * added and removed, and the total score before and after.
 */
@Component({
  selector: 'mm-round-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="diff" [attr.aria-labelledby]="headingId()">
      <h3 [id]="headingId()">{{ title() }}</h3>
      @if (note()) {
        <p class="note">{{ note() }}</p>
      }
      <dl class="counts">
        <div>
          <dt>Kept</dt>
          <dd>{{ diff().kept }}</dd>
        </div>
        <div>
          <dt>Changed</dt>
          <dd>{{ diff().changed.length }}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{{ diff().added.length }}</dd>
        </div>
        <div>
          <dt>Removed</dt>
          <dd>{{ diff().removed.length }}</dd>
        </div>
        <div>
          <dt>Total score</dt>
          <dd>
            {{ total(diff().totalScoreBefore) }} → {{ total(diff().totalScoreAfter) }}
            <span class="delta" [class.down]="delta() < 0">({{ deltaText() }})</span>
          </dd>
        </div>
      </dl>
      @if (diff().changed.length || diff().added.length || diff().removed.length) {
        <ul class="changes">
          @for (c of diff().changed; track c.menteeUserId) {
            <li>
              <span class="kind">Changed</span>
              {{ name(c.menteeUserId) }}: {{ name(c.fromMentorUserId) }} ({{ score(c.scoreBefore) }}) →
              {{ name(c.toMentorUserId) }} ({{ score(c.scoreAfter) }})
            </li>
          }
          @for (a of diff().added; track a.menteeUserId) {
            <li>
              <span class="kind added">Added</span>
              {{ name(a.menteeUserId) }} with {{ name(a.mentorUserId) }} ({{ score(a.score) }})
            </li>
          }
          @for (r of diff().removed; track r.menteeUserId) {
            <li>
              <span class="kind removed">Removed</span>
              {{ name(r.menteeUserId) }} with {{ name(r.mentorUserId) }} ({{ score(r.score) }})
            </li>
          }
        </ul>
      } @else {
        <p class="note">Every pair stayed as it was.</p>
      }
    </section>
  `,
  styles: `
    .diff {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin: 16px 0;
      background: var(--mat-sys-surface-container-low);
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .note {
      margin: 4px 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 8px 0;
    }
    .counts dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .counts dd {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .delta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-primary);
    }
    .delta.down {
      color: var(--mat-sys-error);
    }
    .changes {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      max-height: 240px;
      overflow-y: auto;
    }
    .changes li {
      padding: 2px 0;
    }
    .kind {
      display: inline-block;
      min-width: 72px;
      font: var(--mat-sys-label-large);
    }
    .kind.added {
      color: var(--mat-sys-primary);
    }
    .kind.removed {
      color: var(--mat-sys-error);
    }
  `,
})
export class RoundDiffComponent {
  readonly diff = input.required<RoundDiffView>();
  readonly names = input.required<ReadonlyMap<string, string>>();
  readonly title = input.required<string>();
  readonly note = input<string | null>(null);
  readonly headingId = input('round-diff-title');

  protected readonly delta = computed(() => this.diff().totalScoreAfter - this.diff().totalScoreBefore);
  protected readonly deltaText = computed(() => {
    const d = this.delta();
    return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)}`;
  });
  protected readonly total = totalText;
  protected readonly score = scoreText;

  protected name(userId: string): string {
    return this.names().get(userId) ?? 'someone who left';
  }
}
