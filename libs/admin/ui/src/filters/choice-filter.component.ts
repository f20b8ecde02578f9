import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatSelectModule } from '@angular/material/select';

/**
 * The option that stands for no filter: a real value, as mat-select shows a null value as empty
 * (not as "Any status"); no status, role or kind of the API is spelled so.
 */
const ANY = 'any';

/**
 * The select above a list that narrows it to one value (a status, a role, a kind) or lets
 * everything through: "Any status" first, then each choice in its words. Emits the choice, or
 * null for any. Size it from the page through the host (e.g. `class="status-filter"`).
 */
@Component({
  selector: 'mm-choice-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatSelectModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value() ?? any" (selectionChange)="choose($event.value)">
        <mat-option [value]="any">{{ anyLabel() }}</mat-option>
        @for (choice of choices(); track choice) {
          <mat-option [value]="choice">{{ labelOf()(choice) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class ChoiceFilterComponent<T extends string> {
  readonly label = input.required<string>();
  /** The first option, the list unfiltered: "Any status", "All roles". */
  readonly anyLabel = input.required<string>();
  readonly choices = input.required<readonly T[]>();
  readonly labelOf = input<(choice: T) => string>((choice) => choice);
  readonly value = input.required<T | null>();
  readonly changed = output<T | null>();
  protected readonly any = ANY;

  protected choose(value: T | typeof ANY): void {
    this.changed.emit(value === ANY ? null : value);
  }
}
