import type { HttpTestingController } from '@angular/common/http/testing';
import { ERROR_CODES } from '@mentorship/contracts';
import { signedOutTestBed } from '@mentorship/admin/data-access-identity/testing';
import { renderAuthPage } from './auth-page.testing';
import { SignInPage } from './sign-in.page';

describe(SignInPage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => (backend = signedOutTestBed()));

  const render = () => renderAuthPage(SignInPage, 'Sign in');

  it('says what is missing and sends nothing', async () => {
    const { field, submit } = await render();
    await submit();
    expect(await (await field(/^Email/)).getTextErrors()).toEqual(['Enter your email.']);
    expect(await (await field(/^Password/)).getTextErrors()).toEqual(['Enter your password.']);
    backend.expectNone('/api/v1/auth/sign-in');
  });

  it('says on the card, not in a passing snackbar, that the credentials were refused', async () => {
    const { fixture, input, submit } = await render();
    await (await input(/^Email/)).setValue('ada@example.org');
    await (await input(/^Password/)).setValue('wrong password');
    await submit();
    backend
      .expectOne('/api/v1/auth/sign-in')
      .flush(
        { statusCode: 401, code: ERROR_CODES.invalidCredentials, message: 'The email or password is wrong.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('The email or password is wrong.');
  });
});
