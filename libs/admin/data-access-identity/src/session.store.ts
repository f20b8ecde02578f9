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

const REFRESH_TOKEN_KEY = 'mm.admin.refreshToken';

interface ActiveSession {
  user: UserView;
  accessToken: string;
}

/**
 * The signed-in session. The access token lives in memory only; the refresh token is kept in
 * sessionStorage, so a reload in the same tab signs back in while a new tab or a closed
 * browser starts signed out.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly active = signal<ActiveSession | null>(null);
  /** The refresh in flight, shared: the API rotates refresh tokens, so two refreshes would race. */
  private refreshing: Observable<string> | null = null;

  readonly user = computed(() => this.active()?.user ?? null);
  readonly signedIn = computed(() => this.active() !== null);

  accessToken(): string | null {
    return this.active()?.accessToken ?? null;
  }

  hasRefreshToken(): boolean {
    return readRefreshToken() !== null;
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
    const refreshToken = readRefreshToken();
    if (!refreshToken) return throwError(() => new Error('There is no session to refresh.'));
    this.refreshing = this.api.refresh({ refreshToken }).pipe(
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

  /** Run at start-up: resumes the tab's session when it holds a refresh token. Never fails. */
  restore(): Observable<unknown> {
    if (!this.hasRefreshToken()) return of(null);
    return this.refreshAccessToken().pipe(catchError(() => of(null)));
  }

  /** Revokes the refresh token at the API; the local session ends even if that call fails. */
  signOut(): Observable<void> {
    const refreshToken = readRefreshToken();
    this.end();
    if (!refreshToken) return of(undefined);
    return this.api.signOut({ refreshToken }).pipe(catchError(() => of(undefined)));
  }

  private start(session: SessionView): UserView {
    writeRefreshToken(session.refreshToken);
    this.active.set({ user: session.user, accessToken: session.accessToken });
    return session.user;
  }

  private end(): void {
    writeRefreshToken(null);
    this.active.set(null);
  }
}

// sessionStorage can throw (storage disabled, quota); the app then just keeps no refresh token.
function readRefreshToken(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(REFRESH_TOKEN_KEY, token);
    else sessionStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // See readRefreshToken.
  }
}
