import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldProblem } from '@mentorship/contracts';

/** The API's error body, when the failure came from the API and carries one. */
export function errorBodyOf(error: unknown): ErrorBody | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return null;
  const { code, message } = body as Partial<ErrorBody>;
  return typeof code === 'string' && typeof message === 'string' ? (body as ErrorBody) : null;
}

/** True when the API answered with this error code. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return errorBodyOf(error)?.code === code;
}

/** A sentence for people: the API's own message when there is one. */
export function errorMessageOf(error: unknown): string {
  const body = errorBodyOf(error);
  if (body) return body.message;
  if (error instanceof HttpErrorResponse) {
    return error.status === 0
      ? 'The server cannot be reached. Check your connection and try again.'
      : `The request failed (${error.status} ${error.statusText || 'error'}).`;
  }
  return 'Something went wrong.';
}

/**
 * The per-field problems of a 400 `validation_failed` answer. `ErrorBody.details` is untyped
 * (it is not part of the OpenAPI document), so each entry is checked before it is trusted.
 */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  const body = errorBodyOf(error);
  if (body?.code !== ERROR_CODES.validationFailed || !Array.isArray(body.details)) return [];
  return body.details.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, problems } = entry as Record<string, unknown>;
    if (typeof field !== 'string' || !Array.isArray(problems)) return [];
    const texts = problems.filter((problem): problem is string => typeof problem === 'string');
    return texts.length > 0 ? [{ field, problems: texts }] : [];
  });
}

/** class-validator words its problems in lower case, without a full stop: one sentence each. */
export function sentences(problems: readonly string[]): string {
  return problems
    .map((problem) => `${problem.charAt(0).toUpperCase()}${problem.slice(1).replace(/\.$/, '')}.`)
    .join(' ');
}
