import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MapPerson } from '@mentorship/contracts';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { type PersonChoice, personName } from './map-people';
import { MatchStore } from './match.store';

/**
 * A member of the organization, found by typing their name: the match's sides may search the
 * organization's names for their map even where the member list is closed to them. Asks the API
 * only once the field is used, so a map with many helpers does not search for each at load.
 */
@Component({
  selector: 'mm-member-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        [matAutocomplete]="people"
        (focus)="search()"
        (input)="search(typed($event))"
        autocomplete="off"
      />
      <mat-autocomplete #people="matAutocomplete" [displayWith]="name" autoActiveFirstOption>
        @for (person of options(); track person.userId) {
          <mat-option [value]="person">{{ person.displayName }}</mat-option>
        } @empty {
          @if (searched()) {
            <mat-option disabled>No member has that name.</mat-option>
          }
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>Pick a member from the list{{ optional() ? ', or leave it empty' : '' }}.</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class MemberPickerComponent implements OnInit {
  readonly control = input.required<FormControl<PersonChoice>>();
  readonly label = input.required<string>();
  readonly hint = input('');
  /** Empty is an answer (no one); say so in the error. */
  readonly optional = input(false);
  private readonly api = inject(MentorshipsApi);
  private readonly store = inject(MatchStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly queries = new Subject<string>();
  protected readonly options = signal<MapPerson[]>([]);
  protected readonly searched = signal(false);
  protected readonly name = personName;

  ngOnInit(): void {
    this.queries
      .pipe(
        debounceTime(200),
        distinctUntilChanged(),
        switchMap((q) =>
          this.api
            .mapPeople(this.store.orgId, this.store.matchId, q)
            .pipe(catchError(() => of({ items: [] }))),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        this.options.set(page.items);
        this.searched.set(true);
      });
  }

  protected readonly typed = (event: Event) => (event.target as HTMLInputElement).value;

  /** By what is typed; on focus, by the chosen member's name, so the list offers them again. */
  protected search(text = personName(this.control().value)): void {
    this.queries.next(text.trim());
  }
}
