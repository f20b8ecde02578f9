import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { BarChartComponent, EmptyStateComponent, LineChartComponent } from '@mentorship/admin/ui';
import { chartHasData, type ChartData } from './analytics-charts';

/**
 * One chart card of the analytics dashboard: the chart when the rollups have numbers for it,
 * otherwise its title and why it is empty. Facts under the chart are projected with the
 * `facts` attribute (shown with the chart only), notes with `note` (shown either way).
 */
@Component({
  selector: 'mm-dashboard-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, BarChartComponent, LineChartComponent, EmptyStateComponent],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        @if (hasData()) {
          @if (kind() === 'line') {
            <mm-line-chart
              [caption]="caption()"
              [categoryLabel]="categoryLabel()"
              [labels]="chart().labels"
              [series]="chart().series"
              [percent]="percent()"
              [csvFilename]="csvFilename()"
            />
          } @else {
            <mm-bar-chart
              [caption]="caption()"
              [categoryLabel]="categoryLabel()"
              [labels]="chart().labels"
              [series]="chart().series"
              [csvFilename]="csvFilename()"
            />
          }
          <ng-content select="[facts]" />
        } @else {
          <h2 class="title">{{ heading() }}</h2>
          <mm-empty-state>{{ empty() }}</mm-empty-state>
        }
        <ng-content select="[note]" />
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    /* The host is the grid cell: the card fills it, so cards of one row are as tall as each other. */
    :host {
      display: flex;
      flex-direction: column;
    }
    mat-card {
      flex: 1;
    }
    .title {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
  `,
})
export class DashboardCardComponent {
  readonly kind = input.required<'line' | 'bar'>();
  /** The chart's caption (it names the figure); `heading` heads the card when there is no chart. */
  readonly caption = input.required<string>();
  readonly heading = input.required<string>();
  readonly categoryLabel = input.required<string>();
  readonly chart = input.required<ChartData>();
  readonly csvFilename = input.required<string>();
  /** What the card says instead of a chart with nothing to draw. */
  readonly empty = input.required<string>();
  /** Line charts only: the y axis as a share, 0-100 %. */
  readonly percent = input(false);

  protected readonly hasData = computed(() => chartHasData(this.chart()));
}
