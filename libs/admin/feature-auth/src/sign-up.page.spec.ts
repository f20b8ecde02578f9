import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ERROR_CODES } from '@mentorship/contracts';
import { signedOutTestBed } from '@mentorship/admin/data-access-identity/testing';
import { renderAuthPage } from './auth-page.testing';
import { SignUpPage } from './sign-up.page';

describe(SignUpPage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => (backend = signedOutTestBed()));

  afterEach(() => backend.verify());

  const render = () =>
    renderAuthPage(SignUpPage, 'Create account', { returnUrl: '/invitations/accept?org=o1&token=t' });

  it('says what is missing in every empty field and sends nothing', async () => {
    const { field, submit } = await render();
    await submit();
    expect(await (await field('Display name')).getTextErrors()).toEqual(['Enter your name.']);
    expect(await (await field('Email')).getTextErrors()).toEqual(['Enter your email.']);
    expect(await (await field('Password')).getTextErrors()).toEqual(['Choose a password.']);
    backend.expectNone('/api/v1/auth/sign-up');
  });

  it('puts the API’s answers next to the fields they are about, and keeps what was typed', async () => {
    const { input, field, submit } = await render();
    await (await input('Display name')).setValue('Grace');
    await (await input('Email')).setValue('grace@example.org');
    await (await input('Password')).setValue('a long enough password');
    await submit();
    const request = backend.expectOne('/api/v1/auth/sign-up');
    expect(request.request.body).toEqual({
      displayName: 'Grace',
      email: 'grace@example.org',
      password: 'a long enough password',
    });
    request.flush(
      {
        statusCode: 409,
        code: ERROR_CODES.emailTaken,
        message: 'An account with this email already exists.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await (await field('Email')).getTextErrors()).toEqual([
      'An account with this email already exists.',
    ]);
    expect(await (await input('Display name')).getValue()).toBe('Grace');
  });

  it('goes back to the invitation once the account exists', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { input, submit } = await render();
    await (await input('Display name')).setValue('Grace');
    await (await input('Email')).setValue('grace@example.org');
    await (await input('Password')).setValue('a long enough password');
    await submit();
    backend.expectOne('/api/v1/auth/sign-up').flush({
      user: { id: 'u1', email: 'grace@example.org', displayName: 'Grace' },
      accessToken: 'a',
      expiresIn: 900,
      refreshToken: 'r',
    });
    expect(navigate).toHaveBeenCalledWith('/invitations/accept?org=o1&token=t');
  });
});
