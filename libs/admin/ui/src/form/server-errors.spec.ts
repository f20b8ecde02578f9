import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ERROR_CODES } from '@mentorship/contracts';
import { placeServerErrors } from './server-errors';

function apiError(status: number, code: string, message: string, details: unknown = null) {
  return new HttpErrorResponse({ status, error: { statusCode: status, code, message, details } });
}

describe(placeServerErrors.name, () => {
  const form = () =>
    new FormGroup({
      email: new FormControl('a@example.org', Validators.required),
      name: new FormControl('Ada'),
    });

  it('puts each validation problem on its field, as sentences, and marks it touched', () => {
    const group = form();
    const rest = placeServerErrors(
      group,
      apiError(400, ERROR_CODES.validationFailed, 'The request is not valid.', [
        { field: 'email', problems: ['email must be an email', 'email is too long'] },
      ]),
    );
    expect(rest).toBeNull();
    expect(group.controls.email.errors).toEqual({ server: 'Email must be an email. Email is too long.' });
    expect(group.controls.email.touched).toBe(true);
    expect(group.controls.name.errors).toBeNull();
  });

  it('returns the problems that belong to no field of the form', () => {
    const rest = placeServerErrors(
      form(),
      apiError(400, ERROR_CODES.validationFailed, 'The request is not valid.', [
        { field: 'roles', problems: ['roles must contain at least 1 elements'] },
      ]),
    );
    expect(rest).toBe('Roles must contain at least 1 elements.');
  });

  it('puts a known code on the field it is about', () => {
    const group = form();
    const rest = placeServerErrors(
      group,
      apiError(409, ERROR_CODES.emailTaken, 'An account with this email already exists.'),
      { [ERROR_CODES.emailTaken]: 'email' },
    );
    expect(rest).toBeNull();
    expect(group.controls.email.errors).toEqual({ server: 'An account with this email already exists.' });
  });

  it('gives back the API’s message for anything else', () => {
    expect(placeServerErrors(form(), apiError(409, ERROR_CODES.invitationPending, 'Already invited.'))).toBe(
      'Already invited.',
    );
  });

  it('lets the field’s own validators take over once the value is edited', () => {
    const group = form();
    placeServerErrors(group, apiError(409, ERROR_CODES.emailTaken, 'Taken.'), {
      [ERROR_CODES.emailTaken]: 'email',
    });
    group.controls.email.setValue('');
    expect(group.controls.email.errors).toEqual({ required: true });
  });
});
