import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import { ERROR_CODES } from '@mentorship/contracts';
import { SignUpPage } from './sign-up.page';

describe(SignUpPage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(SignUpPage);
    fixture.componentRef.setInput('returnUrl', '/invitations/accept?org=o1&token=t');
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const field = (label: string) =>
      loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const input = async (label: string) => {
      const control = await (await field(label)).getControl(MatInputHarness);
      if (!control) throw new Error(`No input in the ${label} field`);
      return control;
    };
    const submit = () =>
      loader.getHarness(MatButtonHarness.with({ text: 'Create account' })).then((b) => b.click());
    return { fixture, input, field, submit };
  }

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
