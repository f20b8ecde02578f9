import { ChangeDetectionStrategy, Component, Directive, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { chartCsv, downloadText, type ChartSeries } from './chart-csv';

let nextId = 0;

/** What every chart takes: what it shows, and the numbers its canvas, its table and its CSV share. */
@Directive()
export abstract class ChartInputs {
  /** Says what the chart shows; it names the figure and the table. */
  readonly caption = input.required<string>();
  /** What the labels are ("Mentor", "Week of"): the table's first column and the CSV's. */
  readonly categoryLabel = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** Set to offer the chart's numbers (the table's) as a CSV file of this name. */
  readonly csvFilename = input<string | null>(null);
}

/**
 * What every chart of the app has around its canvas: the figure and its caption, the numbers as
 * a table, and a CSV file of the same numbers. The canvas (projected) is hidden from screen
 * readers, which read the table; sighted users show the table with one button. `mm-bar-chart`
 * and `mm-line-chart` draw the canvas and hand themselves over as `chart`; this draws the rest, once.
 */
@Component({
  selector: 'mm-chart-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <figure [attr.aria-labelledby]="id + '-caption'">
      <figcaption [id]="id + '-caption'">{{ chart().caption() }}</figcaption>
      <div class="canvas" [style.height.px]="height()" aria-hidden="true">
        <ng-content />
      </div>
      <div class="actions">
        <button mat-button type="button" (click)="tableShown.set(!tableShown())">
          {{ tableShown() ? 'Hide the table' : 'Show as a table' }}
        </button>
        @if (chart().csvFilename(); as filename) {
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
              chart().caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ chart().categoryLabel() }}</th>
              @for (s of chart().series(); track s.label) {
                <th scope="col">{{ s.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (label of chart().labels(); track $index; let i = $index) {
              <tr>
                <th scope="row">{{ label }}</th>
                @for (s of chart().series(); track s.label) {
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
    .canvas {
      position: relative;
      width: 100%;
    }
    figcaption {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
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
export class ChartFigureComponent {
  readonly chart = input.required<ChartInputs>();
  /** The canvas's height in px (chart.js fills its box). */
  readonly height = input.required<number>();

  protected readonly id = `mm-chart-${nextId++}`;
  protected readonly tableShown = signal(false);

  protected download(filename: string): void {
    const chart = this.chart();
    downloadText(filename, chartCsv(chart.categoryLabel(), chart.labels(), chart.series()));
  }
}
