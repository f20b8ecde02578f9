import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import type { ChartSeries } from './chart-csv';
import { ChartFigureComponent, ChartInputs } from './chart-figure.component';

/** One row of bars: a name for the legend and a value per label (null: drawn as no bar, a dash). */
export type BarSeries = ChartSeries;

/** Colours with at least 3:1 contrast against the page and against each other's neighbour. */
const PALETTE = ['#005cbb', '#9fc3f0', '#7a5900', '#b3261e'];

/**
 * A bar chart (chart.js through ng2-charts; only the bar parts are registered) with its numbers
 * as a table: the canvas is hidden from screen readers, which read the table; sighted users
 * can show the same table with one button. Reusable for any categories x series of counts.
 */
@Component({
  selector: 'mm-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective, ChartFigureComponent],
  providers: [
    provideCharts({
      registerables: [BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip],
    }),
  ],
  template: `
    <mm-chart-figure [chart]="this" [height]="height()">
      <canvas baseChart type="bar" [data]="data()" [options]="options()"></canvas>
    </mm-chart-figure>
  `,
})
export class BarChartComponent extends ChartInputs {
  /** Bars side by side (false) or one on top of the other (true). */
  readonly stacked = input(false);
  /** Bars along the x axis; horizontal ones suit many long labels (names). */
  readonly horizontal = input(false);

  /** Horizontal bars get room per label, so names stay readable on a phone too. */
  protected readonly height = computed(() =>
    this.horizontal() ? Math.max(160, 56 + this.labels().length * 28) : 280,
  );

  protected readonly data = computed<ChartConfiguration<'bar'>['data']>(() => ({
    labels: [...this.labels()],
    datasets: this.series().map((s, i) => ({
      label: s.label,
      data: [...s.values],
      backgroundColor: PALETTE[i % PALETTE.length],
      borderColor: PALETTE[i % PALETTE.length],
      borderWidth: 1,
    })),
  }));

  protected readonly options = computed<ChartConfiguration<'bar'>['options']>(() => ({
    indexAxis: this.horizontal() ? 'y' : 'x',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      x: { stacked: this.stacked(), beginAtZero: true, ticks: { precision: 0 } },
      y: { stacked: this.stacked(), beginAtZero: true, ticks: { precision: 0 } },
    },
    plugins: { legend: { position: 'bottom' } },
  }));
}
