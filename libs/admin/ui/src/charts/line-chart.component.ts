import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ChartFigureComponent, ChartInputs } from './chart-figure.component';

/** Colours with at least 3:1 contrast against the page; dashes tell neighbours apart without colour. */
const PALETTE = ['#005cbb', '#7a5900', '#b3261e', '#006b5f', '#6d3fa0', '#5c5f62'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/**
 * A line chart (chart.js through ng2-charts; only the line parts are registered) with its numbers
 * as a table, like `mm-bar-chart`: the canvas is hidden from screen readers, which read the
 * table; sighted users show it with one button, and download the same numbers as CSV.
 */
@Component({
  selector: 'mm-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective, ChartFigureComponent],
  providers: [
    provideCharts({
      registerables: [LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip],
    }),
  ],
  template: `
    <mm-chart-figure [chart]="this" [height]="height()">
      <canvas baseChart type="line" [data]="data()" [options]="options()"></canvas>
    </mm-chart-figure>
  `,
})
export class LineChartComponent extends ChartInputs {
  /** The y axis as a share: 0-100 %. */
  readonly percent = input(false);
  readonly height = input(280);

  protected readonly data = computed<ChartConfiguration<'line'>['data']>(() => ({
    labels: [...this.labels()],
    datasets: this.series().map((s, i) => ({
      label: s.label,
      data: [...s.values],
      borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length],
      borderDash: DASHES[i % DASHES.length],
      borderWidth: 2,
      pointRadius: 3,
      spanGaps: true,
      tension: 0.2,
    })),
  }));

  protected readonly options = computed<ChartConfiguration<'line'>['options']>(() => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      y: this.percent()
        ? { min: 0, max: 100, ticks: { callback: (value) => `${value} %` } }
        : { beginAtZero: true },
    },
    plugins: { legend: { position: 'bottom' } },
  }));
}
