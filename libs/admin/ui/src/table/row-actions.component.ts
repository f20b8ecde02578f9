import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { injectNarrowScreen } from '../layout/narrow-screen';

/** One thing a table row offers: a button on a wide screen, an item of the row's "…" menu on a narrow one. */
export interface RowAction {
  /** The words on the button and on the menu item. */
  label: string;
  /** The button's accessible name, naming the row too (`Remove ada@example.com`). */
  ariaLabel: string;
  run: () => void;
  /** Destructive (remove, retire, forbid, reject): the button's words in the error colour. */
  danger?: boolean;
  /** The action the row waits for (approve an application): a filled button. */
  primary?: boolean;
}

/**
 * The actions cell of a table row. Under 600 px the buttons fold into one "…" menu named by
 * `menuLabel`, so the sticky actions column stays narrow; `foldOnNarrow` false keeps the buttons
 * where the narrow table still has room for them.
 */
@Component({
  selector: 'mm-row-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule],
  template: `
    @if (foldOnNarrow() && narrow()) {
      <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="menuLabel()">
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="5" r="2" fill="currentColor" />
          <circle cx="12" cy="12" r="2" fill="currentColor" />
          <circle cx="12" cy="19" r="2" fill="currentColor" />
        </svg>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        @for (action of actions(); track action.label) {
          <button mat-menu-item type="button" (click)="action.run()">{{ action.label }}</button>
        }
      </mat-menu>
    } @else {
      @for (action of actions(); track action.label) {
        <button
          [matButton]="action.primary ? 'filled' : 'text'"
          type="button"
          [class.danger]="action.danger"
          (click)="action.run()"
          [attr.aria-label]="action.ariaLabel"
        >
          {{ action.label }}
        </button>
      }
    }
  `,
  styles: `
    .danger {
      --mat-button-text-label-text-color: var(--mat-sys-error);
      --mat-button-text-state-layer-color: var(--mat-sys-error);
    }
  `,
})
export class RowActionsComponent {
  readonly actions = input.required<readonly RowAction[]>();
  /** Names the "…" button for screen readers (`Actions for ada@example.com`). */
  readonly menuLabel = input('');
  readonly foldOnNarrow = input(true);
  protected readonly narrow = injectNarrowScreen();
}
