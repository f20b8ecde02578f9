import { effect, inject } from '@angular/core';
import type { MatchRequestView } from '@mentorship/contracts';
import { MatchingApi } from '@mentorship/admin/data-access-matching';
import { ErrorNotifier, PagedList, type ListPage, type PagedQuery } from '@mentorship/admin/ui';
import type { Observable } from 'rxjs';
import type { RequestFilters } from './request-status-filter.component';
import { TimeZoneStore } from './time-zone.store';

/**
 * The list a request page shows in `mm-request-list`: the organization's requests as `fetch`
 * reads them, a page at a time from `filters`, their times in the reader's time zone (the page
 * provides `TimeZoneStore`; this loads it for the organization). Call it in a field initializer:
 * it injects and starts effects.
 */
export function requestPageList<P extends ListPage & { items: MatchRequestView[] }>(
  orgId: () => string,
  fetch: (api: MatchingApi, orgId: string, query: PagedQuery<RequestFilters>) => Observable<P>,
  filters: RequestFilters,
): PagedList<RequestFilters, P> {
  const api = inject(MatchingApi);
  const zones = inject(TimeZoneStore);
  const list = new PagedList((query) => fetch(api, orgId(), query), inject(ErrorNotifier), filters);
  effect(() => zones.load(orgId()));
  return list;
}
