import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
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
import { chartCsv, downloadText } from './chart-csv';

/** One row of bars: a name for the legend and a value per label. */
export interface BarSeries {
  label: string;
  /** null: nothing to count there (a share of nobody); drawn as no bar, shown as a dash. */
  values: readonly (number | null)[];
}

/** Colours with at least 3:1 contrast against the page and against each other's neighbour. */
const PALETTE = ['#005cbb', '#9fc3f0', '#7a5900', '#b3261e'];

let nextId = 0;

/**
 * A bar chart (chart.js through ng2-charts; only the bar parts are registered) with its numbers
 * as a table: the canvas is hidden from screen readers, which read the table; sighted users
 * can show the same table with one button. Reusable for any categories x series of counts.
 */
@Component({
  selector: 'mm-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective, MatButtonModule],
  providers: [
    provideCharts({
      registerables: [BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip],
    }),
  ],
  template: `
    <figure [attr.aria-labelledby]="id + '-caption'">
      <figcaption [id]="id + '-caption'">{{ caption() }}</figcaption>
      <div class="canvas" [style.height.px]="height()" aria-hidden="true">
        <canvas baseChart type="bar" [data]="data()" [options]="options()"></canvas>
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
          <!-- The figure's caption says it already on screen; a screen reader hears it here. -->
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
    caption {
      text-align: start;
      font: var(--mat-sys-label-large);
      padding: 4px 0;
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
export class BarChartComponent {
  /** Says what the chart shows; it names the figure and the table. */
  readonly caption = input.required<string>();
  /** What the labels are ("Mentor"): the table's first column. */
  readonly categoryLabel = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly BarSeries[]>();
  /** Bars side by side (false) or one on top of the other (true). */
  readonly stacked = input(false);
  /** Bars along the x axis; horizontal ones suit many long labels (names). */
  readonly horizontal = input(false);
  /** Set to offer the chart's numbers (the table's) as a CSV file of this name. */
  readonly csvFilename = input<string | null>(null);

  protected readonly id = `mm-bar-chart-${nextId++}`;
  protected readonly tableShown = signal(false);
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

  protected download(filename: string): void {
    downloadText(filename, chartCsv(this.categoryLabel(), this.labels(), this.series()));
  }
}
