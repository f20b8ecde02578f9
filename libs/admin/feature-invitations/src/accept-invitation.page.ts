import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { ERROR_CODES, type InvitationPreview, type MemberView } from '@mentorship/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { errorBodyOf, errorMessageOf, roleLabel } from '@mentorship/admin/util';
import { ErrorNotifier } from '@mentorship/admin/ui';
import { CardPageComponent } from '@mentorship/admin/ui/form-card';
import {
  InvitationsApi,
  OrganizationStore,
  organizationLanding,
} from '@mentorship/admin/data-access-organizations';

/** What the link offers, read before anyone signs in; `invalid` when the API does not know the token. */
type Preview = { kind: 'loading' } | { kind: 'found'; invitation: InvitationPreview } | { kind: 'invalid' };

type Failure =
  | { kind: 'wrong-account'; email: string }
  | { kind: 'expired' }
  | { kind: 'not-pending'; memberOf: { id: string; name: string; roles: MemberView['roles'] } | null }
  | { kind: 'other'; message: string };

/** The page behind the link in invitation emails. */
@Component({
  selector: 'mm-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatButtonModule, MatProgressBarModule, CardPageComponent],
  template: `
    @if (!org() || !token()) {
      <mm-card-page heading="This invitation link is incomplete" [width]="width">
        <mat-card-content>
          <p>
            Open the link from your invitation email again. If you copied it, make sure the whole address was
            copied.
          </p>
        </mat-card-content>
      </mm-card-page>
    } @else if (!session.signedIn() && preview().kind === 'invalid') {
      <mm-card-page heading="This invitation link is not valid" [width]="width">
        <mat-card-content>
          <p role="alert">
            The invitation was withdrawn, or the link is not complete. Ask the person who invited you for a
            new one.
          </p>
        </mat-card-content>
      </mm-card-page>
    } @else if (!session.signedIn()) {
      <mm-card-page [heading]="invitedHeading()" subtitle="Mentorship Map" [width]="width">
        <mat-card-content>
          @if (offer(); as offer) {
            <p class="offer">
              {{ offer.invitedBy ?? 'An admin' }} invited you to join
              <strong>{{ offer.organizationName }}</strong> as {{ rolesText(offer.roles) }}.
            </p>
            @if (offer.status === 'expired') {
              <p role="alert">This invitation has expired. Ask the person who invited you for a new one.</p>
            }
          }
          <p>
            To accept, sign in or create an account with the email address the invitation was sent to. You'll
            come back here to join the organization.
          </p>
        </mat-card-content>
        <mat-card-actions align="end">
          <a mat-stroked-button routerLink="/sign-in" [queryParams]="returnQuery()">Sign in</a>
          <a mat-flat-button routerLink="/sign-up" [queryParams]="returnQuery()">Create an account</a>
        </mat-card-actions>
      </mm-card-page>
    } @else if (failure(); as failure) {
      @switch (failure.kind) {
        @case ('wrong-account') {
          <mm-card-page heading="This invitation is for another address" [width]="width">
            <mat-card-content>
              <p role="alert">
                This invitation link is not valid for your account (<strong class="email">{{
                  failure.email
                }}</strong
                >). Sign in with the invited address.
              </p>
            </mat-card-content>
            <mat-card-actions align="end">
              <a mat-button routerLink="/orgs">Back to your organizations</a>
              <button mat-flat-button type="button" (click)="switchAccount()">
                Sign in with another account
              </button>
            </mat-card-actions>
          </mm-card-page>
        }
        @case ('expired') {
          <mm-card-page heading="This invitation has expired" [width]="width">
            <mat-card-content>
              <p role="alert">This invitation has expired. Ask the person who invited you for a new one.</p>
            </mat-card-content>
            <mat-card-actions align="end">
              <a mat-button routerLink="/orgs">Back to your organizations</a>
            </mat-card-actions>
          </mm-card-page>
        }
        @case ('not-pending') {
          <mm-card-page heading="This invitation can't be used any more" [width]="width">
            <mat-card-content>
              <p role="alert">This invitation was already used or withdrawn.</p>
              @if (failure.memberOf; as org) {
                <p>You are already a member of {{ org.name }}.</p>
              } @else {
                <p>If you still want to join, ask the person who invited you for a new invitation.</p>
              }
            </mat-card-content>
            <mat-card-actions align="end">
              @if (failure.memberOf; as org) {
                <a mat-flat-button [routerLink]="landing(org.id, org.roles)">Open {{ org.name }}</a>
              } @else {
                <a mat-button routerLink="/orgs">Back to your organizations</a>
              }
            </mat-card-actions>
          </mm-card-page>
        }
        @case ('other') {
          <mm-card-page heading="The invitation could not be accepted" [width]="width">
            <mat-card-content>
              <p role="alert">{{ failure.message }}</p>
            </mat-card-content>
            <mat-card-actions align="end">
              <a mat-button routerLink="/orgs">Back to your organizations</a>
              <button mat-flat-button type="button" (click)="retry()">Try again</button>
            </mat-card-actions>
          </mm-card-page>
        }
      }
    } @else {
      <mm-card-page
        heading="Joining the organization…"
        [subtitle]="'Signed in as ' + (session.user()?.email ?? '')"
        [width]="width"
      >
        <mat-card-content>
          <mat-progress-bar mode="indeterminate" aria-label="Accepting the invitation" />
        </mat-card-content>
      </mm-card-page>
    }
  `,
  styles: `
    p {
      margin: 0 0 12px;
    }
    .email {
      overflow-wrap: anywhere;
    }
    mat-card-actions {
      gap: 8px;
    }
  `,
})
export class AcceptInvitationPage {
  /** Query parameters of the emailed link. */
  readonly org = input<string>();
  readonly token = input<string>();

  /** An invitation's words read best wider than a form of a few fields. */
  protected readonly width = 560;
  protected readonly session = inject(SessionStore);
  private readonly invitations = inject(InvitationsApi);
  private readonly organizations = inject(OrganizationStore);
  private readonly notifier = inject(ErrorNotifier);
  private readonly router = inject(Router);

  protected readonly failure = signal<Failure | null>(null);
  protected readonly preview = signal<Preview>({ kind: 'loading' });
  protected readonly offer = computed(() => {
    const preview = this.preview();
    return preview.kind === 'found' ? preview.invitation : null;
  });
  protected readonly invitedHeading = computed(
    () => `You've been invited to join ${this.offer()?.organizationName ?? 'an organization'}`,
  );
  private previewed: string | null = null;
  /** The account, organization and token last tried, so a change of any of them tries again. */
  private attempted: string | null = null;

  /** Sign-in and sign-up bring the person back here, query parameters and all. */
  protected readonly returnQuery = computed(() => ({
    returnUrl: this.router.serializeUrl(
      this.router.createUrlTree(['/invitations/accept'], {
        queryParams: { org: this.org(), token: this.token() },
      }),
    ),
  }));
  protected readonly landing = organizationLanding;

  constructor() {
    effect(() => {
      // Signed in, the invitation is accepted at once: the preview is for the signed-out visitor.
      const org = this.org();
      const token = this.token();
      if (this.session.signedIn() || !org || !token || `${org} ${token}` === this.previewed) return;
      this.previewed = `${org} ${token}`;
      untracked(() => this.loadPreview(org, token));
    });
    effect(() => {
      const userId = this.session.user()?.id;
      const org = this.org();
      const token = this.token();
      if (!userId || !org || !token) return;
      const key = `${userId} ${org} ${token}`;
      if (key === this.attempted) return;
      this.attempted = key;
      untracked(() => this.accept(org, token));
    });
  }

  /** "Mentor and Mentee". */
  protected rolesText(roles: InvitationPreview['roles']): string {
    const labels = roles.map(roleLabel);
    return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? '');
  }

  private loadPreview(org: string, token: string): void {
    this.preview.set({ kind: 'loading' });
    this.invitations.preview({ organizationId: org, token }).subscribe({
      next: (invitation) => this.preview.set({ kind: 'found', invitation }),
      // Unknown token or a mangled link: say so. Anything else (offline): no preview, the page works.
      error: (error: unknown) =>
        this.preview.set(
          error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400)
            ? { kind: 'invalid' }
            : { kind: 'loading' },
        ),
    });
  }

  protected retry(): void {
    const org = this.org();
    const token = this.token();
    if (org && token) this.accept(org, token);
  }

  /** Wrong address: end this session and come back here after signing in as the invitee. */
  protected switchAccount(): void {
    this.session.signOut().subscribe();
    this.organizations.clear();
    void this.router.navigate(['/sign-in'], { queryParams: this.returnQuery() });
  }

  private accept(orgId: string, token: string): void {
    this.failure.set(null);
    this.invitations
      .accept(orgId, { token })
      .pipe(
        // The new organization must be in the list before its pages are opened (their guard checks it).
        switchMap((member) =>
          this.organizations.reload().pipe(
            map(() => member),
            catchError(() => of(member)),
          ),
        ),
      )
      .subscribe({
        next: (member) => {
          const joined = this.organizations.find(orgId);
          this.organizations.select(orgId);
          if (joined) this.notifier.info(`Welcome to ${joined.name}.`);
          void this.router.navigate(organizationLanding(orgId, member.roles), { replaceUrl: true });
        },
        error: (error: unknown) => this.fail(orgId, error),
      });
  }

  private fail(orgId: string, error: unknown): void {
    const status = error instanceof HttpErrorResponse ? error.status : null;
    const code = errorBodyOf(error)?.code;
    if (status === 404 || code === ERROR_CODES.invitationNotFound) {
      this.failure.set({ kind: 'wrong-account', email: this.session.user()?.email ?? '' });
    } else if (status === 410 || code === ERROR_CODES.invitationExpired) {
      this.failure.set({ kind: 'expired' });
    } else if (code === ERROR_CODES.invitationNotPending) {
      // Perhaps accepted already (another tab, a double click): then the organization is just a click away.
      this.organizations
        .reload()
        .pipe(catchError(() => of([])))
        .subscribe(() => {
          const org = this.organizations.find(orgId);
          this.failure.set({
            kind: 'not-pending',
            memberOf: org ? { id: org.id, name: org.name, roles: org.roles } : null,
          });
        });
    } else {
      this.notifier.show(error);
      this.failure.set({ kind: 'other', message: errorMessageOf(error) });
    }
  }
}
