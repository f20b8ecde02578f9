import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { NotificationsApi } from '@mentorship/admin/data-access-notifications';
import { CardPageComponent } from '@mentorship/admin/ui/form-card';
import { errorMessageOf } from '@mentorship/admin/util';

type State =
  | { kind: 'loading' }
  | { kind: 'ask'; label: string }
  | { kind: 'done'; label: string }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

/**
 * The page behind the unsubscribe link of notification emails, signed in or not. Opening it
 * changes nothing (mail scanners open links too); the button turns the kind's email off.
 */
@Component({
  selector: 'mm-unsubscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatButtonModule, MatProgressBarModule, CardPageComponent],
  template: `
    @switch (state().kind) {
      @case ('loading') {
        <mm-card-page heading="Email settings" [width]="width">
          <mat-card-content>
            <mat-progress-bar mode="indeterminate" aria-label="Reading the link" />
          </mat-card-content>
        </mm-card-page>
      }
      @case ('ask') {
        <mm-card-page [heading]="'Stop “' + label() + '” emails?'" subtitle="Mentorship Map" [width]="width">
          <mat-card-content>
            <p>
              You will no longer get “{{ label() }}” emails from this organization. Every other kind of email
              stays as it is.
            </p>
          </mat-card-content>
          <mat-card-actions align="end">
            <button mat-flat-button type="button" [disabled]="busy()" (click)="confirm()">
              Stop these emails
            </button>
          </mat-card-actions>
        </mm-card-page>
      }
      @case ('done') {
        <mm-card-page [heading]="'You will not get “' + label() + '” emails any more'" [width]="width">
          <mat-card-content>
            <p role="status">Done. Every other kind of email stays as it is.</p>
          </mat-card-content>
          <mat-card-actions align="end">
            <a mat-button routerLink="/orgs">Open Mentorship Map</a>
          </mat-card-actions>
        </mm-card-page>
      }
      @case ('invalid') {
        <mm-card-page heading="This unsubscribe link is not valid" [width]="width">
          <mat-card-content>
            <p role="alert">
              The link may have been cut short. Open it again from the email, copying the whole address.
            </p>
          </mat-card-content>
          <mat-card-actions align="end">
            <a mat-button routerLink="/orgs">Open Mentorship Map</a>
          </mat-card-actions>
        </mm-card-page>
      }
      @case ('failed') {
        <mm-card-page heading="That did not work" [width]="width">
          <mat-card-content>
            <p role="alert">{{ failure() }}</p>
          </mat-card-content>
          <mat-card-actions align="end">
            <button mat-flat-button type="button" (click)="load()">Try again</button>
          </mat-card-actions>
        </mm-card-page>
      }
    }
  `,
  styles: `
    p {
      margin: 0 0 12px;
    }
  `,
})
export class UnsubscribePage {
  /** The query parameter of the emailed link. */
  readonly token = input<string>();

  /** A sentence or two of explanation reads best wider than a form of a few fields. */
  protected readonly width = 560;
  private readonly api = inject(NotificationsApi);
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      this.token();
      untracked(() => this.load());
    });
  }

  protected label(): string {
    const state = this.state();
    return state.kind === 'ask' || state.kind === 'done' ? state.label : '';
  }

  protected failure(): string {
    const state = this.state();
    return state.kind === 'failed' ? state.message : '';
  }

  protected load(): void {
    const token = this.token();
    if (!token) return this.state.set({ kind: 'invalid' });
    this.state.set({ kind: 'loading' });
    this.api.describeUnsubscribe(token).subscribe({
      next: (view) =>
        this.state.set(view.email ? { kind: 'ask', label: view.label } : { kind: 'done', label: view.label }),
      error: (error: unknown) => this.fail(error),
    });
  }

  protected confirm(): void {
    const token = this.token();
    if (!token) return;
    this.busy.set(true);
    this.api.unsubscribe(token).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.state.set({ kind: 'done', label: view.label });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.fail(error);
      },
    });
  }

  private fail(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 404) this.state.set({ kind: 'invalid' });
    else this.state.set({ kind: 'failed', message: errorMessageOf(error) });
  }
}
