import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

/**
 * A page that is one card (the doors in: sign in, sign up, a forgotten or a new password): the
 * page's frame, the card, its header with the page's one `h1` and a subtitle, then the card's
 * body (projected: a `form[mmFormCard]`, or `mat-card-content` and `mat-card-actions`).
 */
@Component({
  selector: 'mm-card-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule],
  template: `
    <div class="mm-page mm-card-page" [style.max-width.px]="width()">
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title
            ><h1>{{ heading() }}</h1></mat-card-title
          >
          @if (subtitle(); as text) {
            <mat-card-subtitle>{{ text }}</mat-card-subtitle>
          }
        </mat-card-header>
        <ng-content />
      </mat-card>
    </div>
  `,
})
export class CardPageComponent {
  readonly heading = input.required<string>();
  readonly subtitle = input<string | null>(null);
  /** The card's greatest width in px (a form of a few fields reads best narrow). */
  readonly width = input(420);
}
