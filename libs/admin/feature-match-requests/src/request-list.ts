import { effect, signal, type WritableSignal } from '@angular/core';
import { DEFAULT_PAGE_SIZE, type MatchRequestStatus } from '@mentorship/contracts';
import type { MatchRequestQuery } from '@mentorship/admin/data-access-matching';
import type { ErrorNotifier } from '@mentorship/admin/ui';
import type { Observable } from 'rxjs';

/**
 * One page of match requests, filtered by status: what "My requests" and "Requests to me"
 * both show, each from its own route. Create it in a field initializer (it starts an effect,
 * which needs the component's injection context); it loads again whenever the filter, the
 * page or `reload()` changes, and drops an answer that a newer load overtook.
 */
export class RequestList<P> {
  readonly status: WritableSignal<MatchRequestStatus | null>;
  readonly pageNumber = signal(1);
  readonly page = signal<P | null>(null);
  readonly loading = signal(false);
  private readonly version = signal(0);

  constructor(
    load: (query: MatchRequestQuery) => Observable<P>,
    notifier: ErrorNotifier,
    initialStatus: MatchRequestStatus | null,
  ) {
    this.status = signal(initialStatus);
    effect((onCleanup) => {
      this.version();
      this.loading.set(true);
      const query = { page: this.pageNumber(), pageSize: DEFAULT_PAGE_SIZE, status: this.status() };
      const subscription = load(query).subscribe({
        next: (page) => {
          this.page.set(page);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          notifier.show(error);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  /** A new status filter starts again at the first page. */
  filter(status: MatchRequestStatus | null): void {
    this.status.set(status);
    this.pageNumber.set(1);
  }

  /** After an answer or a withdrawal: the request moved, so the page is read again. */
  reload(): void {
    this.version.update((v) => v + 1);
  }
}
