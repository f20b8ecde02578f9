import { ChangeDetectionStrategy, Component } from '@angular/core';

/** What a list says when it has nothing to show. */
@Component({
  selector: 'mm-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="text"><ng-content /></p>`,
  styles: `
    .text {
      margin: 0;
      padding: 24px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EmptyStateComponent {}
