import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody } from '@mentorship/contracts';

/** The API's error body, when the failure came from the API and carries one. */
export function errorBodyOf(error: unknown): ErrorBody | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return null;
  const { code, message } = body as Partial<ErrorBody>;
  return typeof code === 'string' && typeof message === 'string' ? (body as ErrorBody) : null;
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

/** One entry of a `validation_failed` body's `details`: a request field and what is wrong with it. */
export interface FieldProblems {
  field: string;
  problems: string[];
}

/**
 * The per-field problems of a 400 `validation_failed` answer. `ErrorBody.details` is untyped
 * (it is not part of the OpenAPI document), so each entry is checked before it is trusted.
 */
export function fieldProblemsOf(error: unknown): FieldProblems[] {
  const details = errorBodyOf(error)?.details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, problems } = entry as Record<string, unknown>;
    if (typeof field !== 'string' || !Array.isArray(problems)) return [];
    const texts = problems.filter((problem): problem is string => typeof problem === 'string');
    return texts.length > 0 ? [{ field, problems: texts }] : [];
  });
}
