import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES } from '@mentorship/contracts';
import { errorMessageOf, fieldProblemsOf, hasErrorCode, sentences } from './api-error';

const validation = (details: unknown) =>
  new HttpErrorResponse({
    status: 400,
    error: {
      statusCode: 400,
      code: ERROR_CODES.validationFailed,
      message: 'The request is not valid.',
      details,
    },
  });

describe(fieldProblemsOf.name, () => {
  it('reads the field problems of a validation answer and drops entries it cannot trust', () => {
    expect(
      fieldProblemsOf(
        validation([{ field: 'email', problems: ['email must be an email', 3] }, { field: 7 }, 'junk', null]),
      ),
    ).toEqual([{ field: 'email', problems: ['email must be an email'] }]);
  });

  it('reads nothing from other answers', () => {
    expect(fieldProblemsOf(new Error('boom'))).toEqual([]);
    expect(
      fieldProblemsOf(
        new HttpErrorResponse({
          status: 409,
          error: { code: 'x', message: 'y', details: [{ field: 'a', problems: ['b'] }] },
        }),
      ),
    ).toEqual([]);
  });
});

describe(errorMessageOf.name, () => {
  it('uses the API’s message, else says what happened', () => {
    expect(errorMessageOf(validation([]))).toBe('The request is not valid.');
    expect(errorMessageOf(new HttpErrorResponse({ status: 0 }))).toContain('cannot be reached');
    expect(errorMessageOf(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway' }))).toBe(
      'The request failed (502 Bad Gateway).',
    );
    expect(hasErrorCode(validation([]), ERROR_CODES.validationFailed)).toBe(true);
  });
});

describe(sentences.name, () => {
  it('makes one sentence of each problem', () => {
    expect(sentences(['name must be longer', 'name is odd.'])).toBe('Name must be longer. Name is odd.');
  });
});
