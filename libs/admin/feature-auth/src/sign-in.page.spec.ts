import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { ERROR_CODES } from '@mentorship/contracts';
import { SignInPage } from './sign-in.page';

describe(SignInPage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return {
      fixture,
      input: async (label: RegExp) => {
        const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
        const control = await field.getControl(MatInputHarness);
        if (!control) throw new Error(`No input in the ${String(label)} field`);
        return control;
      },
      field: (label: RegExp) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label })),
      submit: () => loader.getHarness(MatButtonHarness.with({ text: 'Sign in' })).then((b) => b.click()),
    };
  }

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
