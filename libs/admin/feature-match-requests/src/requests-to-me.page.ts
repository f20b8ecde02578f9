import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ERROR_CODES, type MatchRequestView, type MentorPlacesView } from '@mentorship/contracts';
import type { RequestFilters } from './request-status-filter.component';
import { MatchingApi } from '@mentorship/admin/data-access-matching';
import { ErrorNotifier } from '@mentorship/admin/ui';
import { errorBodyOf } from '@mentorship/admin/util';
import { DeclineFormComponent } from './decline-form.component';
import { RequestCardComponent, type RequestAction } from './request-card.component';
import { RequestDetailsComponent } from './request-details.component';
import { RequestItemDirective, RequestListComponent } from './request-list.component';
import { requestPageList } from './request-page-list';
import { RequestStatusFilterComponent } from './request-status-filter.component';
import { TimeZoneStore } from './time-zone.store';

/** "1 of 2 places free", in words. */
export function placesText(places: MentorPlacesView): string {
  if (places.places === 0) return 'No places: your profile is paused or offers none';
  return `${places.freePlaces} of ${places.places} ${places.places === 1 ? 'place' : 'places'} free`;
}

/**
 * `/orgs/:orgId/requests/received`: the requests mentees sent me, open ones first by default,
 * my free places in each cohort I mentor, and accept or decline (with a reason) on each.
 */
/** Open requests first: those are what a mentor comes to answer. */
const OPEN_FIRST: RequestFilters = { status: 'open' };

@Component({
  selector: 'mm-requests-to-me-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [TimeZoneStore],
  imports: [
    RouterLink,
    RequestStatusFilterComponent,
    DeclineFormComponent,
    RequestDetailsComponent,
    RequestCardComponent,
    RequestItemDirective,
    RequestListComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Requests to me</h1>
        <mm-request-status-filter
          [status]="list.filters().status"
          (changed)="list.filter({ status: $event })"
        />
      </header>
      @if (list.page(); as p) {
        @if (p.places.length > 0) {
          <section class="places" aria-labelledby="places-title">
            <h2 id="places-title" class="section-title">My places</h2>
            <ul>
              @for (cohort of p.places; track cohort.cohortId) {
                <li>
                  <strong>{{ cohort.cohortName }}</strong>: {{ placesText(cohort) }}
                </li>
              }
            </ul>
            <p class="hint">
              Accepting a request takes a place.
              <a [routerLink]="['/orgs', orgId(), 'profile']">Change your capacity in My profile</a>.
            </p>
          </section>
        }
      }
      <mm-request-list
        [list]="list"
        label="Requests to me"
        pagesLabel="requests to me"
        loadingLabel="Loading requests to you"
      >
        <ng-container empty>
          @if (list.filters().status === 'open') {
            No request is waiting for your answer. Mentees of your cohorts find you among their suggested
            mentors; keep your skills, topics and availability current in
            <a [routerLink]="['/orgs', orgId(), 'profile']">My profile</a> so the right ones do.
          } @else {
            No request has this status.
          }
        </ng-container>
        <ng-template mmRequestItem let-request>
          <mm-request-card [request]="request" reader="mentor" [actions]="actionsOf(request)">
            <mm-request-details [request]="request" reader="mentor" />
            @if (problems()[request.id]; as problem) {
              <p class="problem" role="alert">{{ problem }}</p>
            }
            @if (declining() === request.id) {
              <mm-decline-form
                [orgId]="orgId()"
                [request]="request"
                [otherMentors]="otherMentors(request.cohortId)"
                (declined)="answered('Request declined.')"
                (cancelled)="declining.set(null)"
              />
            }
          </mm-request-card>
        </ng-template>
      </mm-request-list>
    </div>
  `,
  styleUrl: './requests.css',
})
export class RequestsToMePage {
  readonly orgId = input.required<string>();
  private readonly api = inject(MatchingApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly placesText = placesText;
  protected readonly list = requestPageList(
    this.orgId,
    (api, orgId, query) => api.received(orgId, query),
    OPEN_FIRST,
  );
  protected readonly busy = signal(false);
  protected readonly declining = signal<string | null>(null);
  /** What went wrong with one request, shown on its card (e.g. no free place). */
  protected readonly problems = signal<Record<string, string>>({});
  private readonly placesByCohort = computed(
    () => new Map((this.list.page()?.places ?? []).map((places) => [places.cohortId, places])),
  );

  protected otherMentors(cohortId: string) {
    return this.placesByCohort().get(cohortId)?.otherMentors ?? [];
  }

  /** An open request waits for an answer, unless its decline form is open. */
  protected actionsOf(request: MatchRequestView): RequestAction[] {
    if (request.status !== 'open' || this.declining() === request.id) return [];
    const from = request.mentee.displayName;
    return [
      {
        label: 'Accept',
        ariaLabel: `Accept the request from ${from}`,
        run: () => this.accept(request),
        primary: true,
        disabled: this.busy(),
      },
      {
        label: 'Decline',
        ariaLabel: `Decline the request from ${from}`,
        run: () => this.declining.set(request.id),
      },
    ];
  }

  private accept(request: MatchRequestView): void {
    this.busy.set(true);
    this.problems.update(({ [request.id]: _, ...rest }) => rest);
    this.api.accept(this.orgId(), request.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.answered(`You accepted ${request.mentee.displayName}: your mentoring starts.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const body = errorBodyOf(error);
        const places = this.placesByCohort().get(request.cohortId);
        const text =
          body?.code === ERROR_CODES.mentorAtCapacity
            ? `You have no free place${places ? ` in ${places.cohortName} (${placesText(places)})` : ''}: ` +
              'accepting would take you over your capacity. Decline the request, or raise your capacity in My profile first.'
            : (body?.message ?? 'The request could not be accepted. Try again.');
        this.problems.update((all) => ({ ...all, [request.id]: text }));
        this.list.reload();
      },
    });
  }

  protected answered(message: string): void {
    this.declining.set(null);
    this.notifier.info(message);
    this.list.reload();
  }
}
