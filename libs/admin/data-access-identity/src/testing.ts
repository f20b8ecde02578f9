import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionView, UserView } from '@mentorship/contracts';
import { SessionStore } from './session.store';

/**
 * For component tests, before each: a TestBed in which nobody is signed in (the session's
 * storage emptied), with the testing HTTP backend and a router of no routes. Answers the backend,
 * through which the test answers every request the page sends.
 */
export function signedOutTestBed(): HttpTestingController {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
  return TestBed.inject(HttpTestingController);
}

/**
 * For component tests: signs `user` in through the real SessionStore, answering its sign-in
 * request on the testing backend. Not exported from the library's index: tests only.
 */
export function signInForTest(
  backend: HttpTestingController,
  user: Partial<UserView> & Pick<UserView, 'id'>,
): UserView {
  const signedIn: UserView = { email: `${user.id}@example.org`, displayName: user.id, ...user };
  TestBed.inject(SessionStore).signIn({ email: signedIn.email, password: 'test password' }).subscribe();
  const session: SessionView = {
    user: signedIn,
    accessToken: `access-${user.id}`,
    expiresIn: 900,
    refreshToken: `refresh-${user.id}`,
  };
  backend.expectOne('/api/v1/auth/sign-in').flush(session);
  return signedIn;
}
