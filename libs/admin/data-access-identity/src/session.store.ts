import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ChangePasswordRequest,
  SessionView,
  SignInRequest,
  SignUpRequest,
  UpdateMeRequest,
  UserView,
} from '@mentorship/contracts';
import { Observable, catchError, finalize, map, of, shareReplay, throwError } from 'rxjs';
import { AuthApi } from './auth.api';

/** Where earlier versions kept the refresh token; removed wherever it is still found. */
const LEGACY_REFRESH_TOKEN_KEY = 'mm.admin.refreshToken';

interface ActiveSession {
  user: UserView;
  accessToken: string;
}

/**
 * The signed-in session. The access token lives in memory only; the refresh token never
 * reaches script at all: the API keeps it in an HttpOnly, Secure, SameSite=Strict cookie of
 * the auth routes, so a reload signs back in and an injected script has nothing to steal.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly active = signal<ActiveSession | null>(null);
  /** The refresh in flight, shared: the API rotates refresh tokens, so two refreshes would race. */
  private refreshing: Observable<string> | null = null;
  /** False once the API refused the cookie or the user signed out: no refresh is worth trying. */
  private mayRefresh = true;

  readonly user = computed(() => this.active()?.user ?? null);
  readonly signedIn = computed(() => this.active() !== null);

  accessToken(): string | null {
    return this.active()?.accessToken ?? null;
  }

  /** Whether a refresh may still succeed (the cookie itself is out of script's reach). */
  hasRefreshToken(): boolean {
    return this.mayRefresh;
  }

  signIn(credentials: SignInRequest): Observable<UserView> {
    return this.api.signIn(credentials).pipe(map((session) => this.start(session)));
  }

  /** Creates the account; the API answers with a session, so the new user is signed in at once. */
  signUp(request: SignUpRequest): Observable<UserView> {
    return this.api.signUp(request).pipe(map((session) => this.start(session)));
  }

  /** Changes the password; this tab goes on with the session the API answers, others end. */
  changePassword(request: ChangePasswordRequest): Observable<UserView> {
    return this.api.changePassword(request).pipe(map((session) => this.start(session)));
  }

  /** Renames the signed-in person; the shell shows the new name at once. */
  updateMe(request: UpdateMeRequest): Observable<UserView> {
    return this.api.updateMe(request).pipe(
      map((user) => {
        const active = this.active();
        if (active) this.active.set({ ...active, user });
        return user;
      }),
    );
  }

  /** A new access token from the stored refresh token; the session ends when the API refuses it. */
  refreshAccessToken(): Observable<string> {
    if (this.refreshing) return this.refreshing;
    if (!this.mayRefresh) return throwError(() => new Error('There is no session to refresh.'));
    this.refreshing = this.api.refresh({}).pipe(
      map((session) => {
        this.start(session);
        return session.accessToken;
      }),
      catchError((error: unknown) => {
        // A network failure keeps the refresh token for the next try; a refusal ends the session.
        if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) this.end();
        return throwError(() => error);
      }),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** Run at start-up: resumes the session when the browser holds the cookie. Never fails. */
  restore(): Observable<unknown> {
    forgetLegacyRefreshToken();
    return this.refreshAccessToken().pipe(catchError(() => of(null)));
  }

  /** Revokes the refresh token at the API; the local session ends even if that call fails. */
  signOut(): Observable<void> {
    this.end();
    return this.api.signOut({}).pipe(catchError(() => of(undefined)));
  }

  private start(session: SessionView): UserView {
    this.mayRefresh = true;
    this.active.set({ user: session.user, accessToken: session.accessToken });
    return session.user;
  }

  private end(): void {
    this.mayRefresh = false;
    this.active.set(null);
  }
}

// Storage can throw (disabled, quota): then there is nothing to forget either.
function forgetLegacyRefreshToken(): void {
  try {
    sessionStorage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
  } catch {
    // See above.
  }
}
