import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
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
import { chartCsv, downloadText, type ChartSeries } from './chart-csv';

/** Colours with at least 3:1 contrast against the page; dashes tell neighbours apart without colour. */
const PALETTE = ['#005cbb', '#7a5900', '#b3261e', '#006b5f', '#6d3fa0', '#5c5f62'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

let nextId = 0;

/**
 * A line chart (chart.js through ng2-charts; only the line parts are registered) with its numbers
 * as a table, like `mm-bar-chart`: the canvas is hidden from screen readers, which read the
 * table; sighted users show it with one button, and download the same numbers as CSV.
 */
@Component({
  selector: 'mm-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective, MatButtonModule],
  providers: [
    provideCharts({
      registerables: [LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip],
    }),
  ],
  template: `
    <figure [attr.aria-labelledby]="id + '-caption'">
      <figcaption [id]="id + '-caption'">{{ caption() }}</figcaption>
      <div class="canvas" [style.height.px]="height()" aria-hidden="true">
        <canvas baseChart type="line" [data]="data()" [options]="options()"></canvas>
      </div>
      <div class="actions">
        <button mat-button type="button" (click)="tableShown.set(!tableShown())">
          {{ tableShown() ? 'Hide the table' : 'Show as a table' }}
        </button>
        @if (csvFilename(); as filename) {
          <button mat-button type="button" (click)="download(filename)">Download CSV</button>
        }
      </div>
      <!-- Scrolls sideways when wider than the page: focusable then, so a keyboard can scroll it. -->
      <div
        class="table"
        [class.cdk-visually-hidden]="!tableShown()"
        [attr.tabindex]="tableShown() ? 0 : null"
        [attr.role]="tableShown() ? 'region' : null"
        [attr.aria-labelledby]="tableShown() ? id + '-caption' : null"
      >
        <table>
          <caption class="cdk-visually-hidden">
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ categoryLabel() }}</th>
              @for (s of series(); track s.label) {
                <th scope="col">{{ s.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (label of labels(); track $index; let i = $index) {
              <tr>
                <th scope="row">{{ label }}</th>
                @for (s of series(); track s.label) {
                  <td>{{ s.values[i] ?? '–' }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </figure>
  `,
  styles: `
    figure {
      margin: 0;
    }
    figcaption {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
    }
    .canvas {
      position: relative;
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 4px;
    }
    .table:not(.cdk-visually-hidden) {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 4px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
    }
    td {
      text-align: end;
    }
  `,
})
export class LineChartComponent {
  /** Says what the chart shows; it names the figure and the table. */
  readonly caption = input.required<string>();
  /** What the labels are ("Week of"): the table's first column and the CSV's. */
  readonly categoryLabel = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** Set to offer the chart's numbers as a CSV file of this name. */
  readonly csvFilename = input<string | null>(null);
  /** The y axis as a share: 0-100 %. */
  readonly percent = input(false);
  readonly height = input(280);

  protected readonly id = `mm-line-chart-${nextId++}`;
  protected readonly tableShown = signal(false);

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

  protected download(filename: string): void {
    downloadText(filename, chartCsv(this.categoryLabel(), this.labels(), this.series()));
  }
}
