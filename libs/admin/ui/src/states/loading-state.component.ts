import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * A thin bar while something loads. The space is kept when idle, so content does not jump,
 * and assistive technology hears the label only while loading.
 */
@Component({
  selector: 'mm-loading-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
    } @else {
      <div class="idle"></div>
    }
  `,
  styles: `
    .idle {
      height: var(--mat-progress-bar-track-height, 4px);
    }
  `,
})
export class LoadingStateComponent {
  readonly loading = input.required<boolean>();
  readonly label = input('Loading');
}
