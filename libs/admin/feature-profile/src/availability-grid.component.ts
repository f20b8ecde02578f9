import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { DAYS, HOURS, describeWeek, type WeekGrid } from './availability-grid';

/**
 * The weekly availability as a grid of hours, in the person's own time zone: each cell is a
 * toggle button (keyboard and screen readers get "Monday 09:00, free").
 */
@Component({
  selector: 'mm-availability-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="grid"
      role="group"
      [attr.aria-label]="'Weekly availability in ' + (timeZone() || 'your time zone')"
    >
      <span class="corner"></span>
      @for (day of days; track day) {
        <span class="day" aria-hidden="true">{{ day.slice(0, 3) }}</span>
      }
      @for (hour of hours; track hour) {
        <span class="hour" aria-hidden="true">{{ label(hour) }}</span>
        @for (day of days; track day; let d = $index) {
          <button
            type="button"
            class="cell"
            [class.free]="week()[d]?.[hour]"
            [attr.aria-pressed]="week()[d]?.[hour] ? 'true' : 'false'"
            [attr.aria-label]="day + ' ' + label(hour)"
            (click)="toggle(d, hour)"
          ></button>
        }
      }
    </div>
    <p class="summary">{{ summary() }}</p>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: 3.2rem repeat(7, minmax(0, 1fr));
      gap: 2px;
      max-width: 560px;
    }
    .day,
    .hour {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      text-align: center;
    }
    .hour {
      text-align: end;
      padding-inline-end: 6px;
      line-height: 24px;
    }
    .cell {
      height: 24px;
      min-width: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      cursor: pointer;
    }
    .cell.free {
      background: var(--mat-sys-primary);
      border-color: var(--mat-sys-primary);
    }
    .summary {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AvailabilityGridComponent {
  readonly week = input.required<WeekGrid>();
  readonly timeZone = input<string | null>(null);
  readonly weekChange = output<WeekGrid>();
  protected readonly days = DAYS;
  protected readonly hours = HOURS;
  protected readonly summary = computed(() => describeWeek(this.week()));

  protected label(hour: number): string {
    return `${String(hour).padStart(2, '0')}:00`;
  }

  protected toggle(day: number, hour: number): void {
    this.weekChange.emit(
      this.week().map((hours, d) =>
        d === day ? hours.map((free, h) => (h === hour ? !free : free)) : hours,
      ),
    );
  }
}
